"""Every value from outside checked before it is stored or used: REST field
deserializers, form validators, the request body check and the safe rich
text transform. The rules themselves are in ``..validation``."""
