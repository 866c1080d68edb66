"""The add-on's roles and groups: who edits, who coordinates, who reviews."""
