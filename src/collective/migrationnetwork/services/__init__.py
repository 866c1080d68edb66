"""REST endpoints of the add-on, one folder per endpoint."""
