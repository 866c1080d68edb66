"""The review queue: what waits for the current user."""
