"""``GET /@network-stats``: figures for a dashboard (see ``..stats``)."""
