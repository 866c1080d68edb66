"""``@@erase-registrant``: the secretariat erases a person's registrations."""
