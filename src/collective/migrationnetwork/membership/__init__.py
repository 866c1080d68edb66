"""Membership applications: the Join the network form and its review."""
