"""Catalogue indexers.

Everything a facet filters on or a listing shows is indexed or stored as
metadata, so that listings and counts never wake content objects. A Practice
or Training is indexed with its organisation and the organisation's networks
(computed from the parent), so "all practices of network X" is one query.
"""

from Acquisition import aq_base
from Acquisition import aq_inner
from Acquisition import aq_parent
from collective.migrationnetwork.content.network import INetwork
from collective.migrationnetwork.content.organisation import IOrganisation
from collective.migrationnetwork.content.practice import IPractice
from collective.migrationnetwork.content.training import ITraining
from plone.indexer import indexer
from plone.uuid.interfaces import IUUID
from zope.interface import Interface


def organisation_of(obj):
    """The Organisation that ``obj`` is or lives in, or None."""
    current = aq_inner(obj)
    while current is not None:
        if IOrganisation.providedBy(current):
            return current
        current = aq_parent(current)
    return None


def _related(obj, name):
    for relation in getattr(obj, name, None) or ():
        target = relation.to_object if not relation.isBroken() else None
        if target is not None:
            yield target


def network_uids(organisation):
    """UIDs of the organisation's networks and of the networks above them."""
    seen = []
    pending = list(_related(organisation, "networks"))
    while pending:
        network = pending.pop(0)
        uid = IUUID(network, None)
        if uid is None or uid in seen:
            continue
        seen.append(uid)
        parent = getattr(network, "parent_network", None)
        if (
            parent is not None
            and not parent.isBroken()
            and parent.to_object is not None
        ):
            pending.append(parent.to_object)
    return seen


def own(name, only=Interface):
    """An indexer for the object's own field ``name``, never acquired.

    Without it a File inside a Practice would be indexed with the
    Practice's thematic areas, through acquisition. With ``only``, items
    that do not provide that interface have no value, even if they have an
    attribute of that name.
    """

    @indexer(Interface)
    def index(obj):
        if not only.providedBy(obj):
            raise AttributeError(name)
        value = getattr(aq_base(obj), name, None)
        if value is None or value == [] or value == ():
            raise AttributeError(name)
        return tuple(value) if isinstance(value, (list, set, tuple)) else value

    return index


thematic_areas = own("thematic_areas")
target_groups = own("target_groups")
kind = own("kind")
# Only a Training's: every other item has a Dublin Core ``format`` (its MIME
# type), which would otherwise land in the facet.
format = own("format", only=ITraining)  # noqa: A001 - the facet's name in the API
audience = own("audience")
status = own("status")
funding_sources = own("funding_sources")
gcm_objectives = own("gcm_objectives")
geographic_scope = own("geographic_scope")
languages = own("languages")


def _lead_organisation(obj):
    """The Organisation an item belongs to, for our types only."""
    if IOrganisation.providedBy(obj):
        return obj
    if IPractice.providedBy(obj) or ITraining.providedBy(obj):
        organisation = organisation_of(obj)
        if organisation is not None:
            return organisation
    raise AttributeError("organisation")


@indexer(Interface)
def networks(obj):
    return tuple(network_uids(_lead_organisation(obj)))


@indexer(Interface)
def organisation(obj):
    return IUUID(_lead_organisation(obj))


@indexer(Interface)
def organisation_title(obj):
    return _lead_organisation(obj).Title()


@indexer(Interface)
def countries(obj):
    """Countries an item is about: its own list, or its organisation's."""
    if IPractice.providedBy(obj) or INetwork.providedBy(obj):
        value = getattr(aq_base(obj), "countries", None)
        if value:
            return tuple(value)
    organisation = _lead_organisation(obj)
    country = getattr(aq_base(organisation), "country", None)
    if not country:
        raise AttributeError("countries")
    return (country,)
