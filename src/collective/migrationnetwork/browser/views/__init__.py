"""Default views of the content types: one module per type."""
