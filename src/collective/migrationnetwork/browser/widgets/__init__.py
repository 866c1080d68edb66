"""Widget templates of the add-on's browser layer."""
