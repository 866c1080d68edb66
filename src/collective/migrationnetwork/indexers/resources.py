"""Files as resources: indexed with what holds them, so that the
*Resources* listing filters them by network and thematic area from the
catalogue (``browser/listing.py``).

A File in a Network belongs to that network (and the networks above it);
a File in an Organisation, or in one of its Practices or Trainings, to the
organisation's networks. Its thematic areas are those of the Practice or
Training that holds it, else the organisation's areas of expertise.
"""

from Acquisition import aq_base
from Acquisition import aq_inner
from Acquisition import aq_parent
from collective.migrationnetwork.content.network import INetwork
from collective.migrationnetwork.content.organisation import IOrganisation
from collective.migrationnetwork.content.practice import IPractice
from collective.migrationnetwork.content.training import ITraining
from collective.migrationnetwork.indexers import network_uids
from collective.migrationnetwork.indexers import organisation_of
from plone.app.contenttypes.interfaces import IFile
from plone.indexer import indexer
from plone.uuid.interfaces import IUUID


def holder(obj, *interfaces):
    """The nearest container of ``obj`` that provides one of ``interfaces``."""
    current = aq_parent(aq_inner(obj))
    while current is not None:
        if any(interface.providedBy(current) for interface in interfaces):
            return current
        current = aq_parent(current)
    return None


def _organisation(obj, name):
    organisation = organisation_of(obj)
    if organisation is None:
        raise AttributeError(name)
    return organisation


@indexer(IFile)
def networks(obj):
    found = holder(obj, INetwork, IOrganisation)
    if found is None:
        raise AttributeError("networks")
    if IOrganisation.providedBy(found):
        return tuple(network_uids(found))
    uids, network = [], found
    while network is not None and IUUID(network, None) not in uids:
        uids.append(IUUID(network))
        parent = getattr(aq_base(network), "parent_network", None)
        network = (
            parent.to_object if parent is not None and not parent.isBroken() else None
        )
    return tuple(uids)


@indexer(IFile)
def organisation(obj):
    return IUUID(_organisation(obj, "organisation"))


@indexer(IFile)
def organisation_title(obj):
    return _organisation(obj, "organisation_title").Title()


@indexer(IFile)
def thematic_areas(obj):
    found = holder(obj, IPractice, ITraining, IOrganisation)
    value = getattr(aq_base(found), "thematic_areas", None) if found else None
    if not value:
        raise AttributeError("thematic_areas")
    return tuple(value)
