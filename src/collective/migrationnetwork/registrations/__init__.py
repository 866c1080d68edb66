"""Registrations for trainings: a store that is not content (``store``),
the rules of registering in one place (``registering``), their mails
(``mail``) and figures (``stats``)."""
