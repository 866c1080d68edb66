"""The network at a glance, for its coordinators and its secretariat.

``figures.dashboard`` computes every figure of ``@@network-dashboard`` and
``GET /@network-dashboard`` from catalogue indexes and metadata, the
relation catalogue and the add-on's own stores (subscribers, outbox,
registrations): no content object is woken.
"""
