"""``@registrations`` of a training and ``@my-registration``."""
