"""E-mail notifications of the review and membership workflows."""
