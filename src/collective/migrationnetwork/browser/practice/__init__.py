"""The Practice's add and edit forms."""
