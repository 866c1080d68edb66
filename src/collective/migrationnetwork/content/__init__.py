"""Content types: one module per type, a marker schema and a class."""
