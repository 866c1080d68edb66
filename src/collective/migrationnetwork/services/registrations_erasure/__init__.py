"""``POST /@registrations-erasure``: the secretariat erases a person's
registrations in every training."""
