"""Group naming: one editors group per Organisation, one coordinators group
per Network, and the two site-wide groups.

Organisations and networks are identified across their translations by
their translation group (plone.app.multilingual), so that the Greek and the
English Organisation share one editors group.
"""

from plone.app.multilingual.interfaces import ITG
from plone.uuid.interfaces import IUUID


SECRETARIAT_GROUP = "network-secretariat"
NEWSLETTER_EDITORS_GROUP = "newsletter-editors"


def translation_key(obj):
    """The id shared by ``obj`` and its translations."""
    return ITG(obj, None) or IUUID(obj)


def editors_group_id(organisation):
    return f"organisation-editors-{translation_key(organisation)}"


def coordinators_group_id(network):
    return f"network-coordinators-{translation_key(network)}"
