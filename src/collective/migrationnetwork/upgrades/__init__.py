"""Upgrade steps, one dated folder per change of the default profile."""
