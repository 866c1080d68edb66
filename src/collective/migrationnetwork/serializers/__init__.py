"""How the add-on's fields read as JSON and are described to
schema-driven clients (Volto's forms through ``@types``)."""
