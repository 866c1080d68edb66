"""What the review queue needs from an item's workflow history, indexed so
that the queue is built from the catalogue alone.

- ``review_state_date`` (DateIndex and metadata): when the item entered its
  current state (the last entry of its workflow history), so that the queue
  lists the oldest waiting item first, whatever edits came since;
- ``review_last_action`` (FieldIndex and metadata): the transition that
  brought it there (``request_changes`` marks an item sent back);
- ``review_submitter`` (metadata): who submitted it (the actor of the last
  ``submit``; the creator when it never was);
- ``working_copy_of`` (metadata): the UID of the published item that a
  working copy (plone.app.iterate) proposes to change.

Only items of the add-on's workflows get them. The workflow tool reindexes
only ``review_state`` and security after a transition: a subscriber in
review/ refreshes these.
"""

from Acquisition import aq_base
from collective.migrationnetwork.workflows.events import OUR_WORKFLOWS
from plone import api
from plone.app.iterate.dexterity.utils import get_baseline
from plone.app.iterate.interfaces import IWorkingCopy
from plone.indexer import indexer
from plone.uuid.interfaces import IUUID
from zope.interface import Interface


def review_history(obj):
    """The entries of ``obj``'s history in its own (add-on) workflow,
    oldest first; empty for other objects. Read directly: the workflow
    variable ``review_history`` is guarded by the reviewer's permissions,
    an indexer must see it whoever triggers the reindex."""
    workflow = api.portal.get_tool("portal_workflow")
    for workflow_id in workflow.getChainFor(obj):
        if workflow_id in OUR_WORKFLOWS:
            history = getattr(aq_base(obj), "workflow_history", None) or {}
            return list(history.get(workflow_id, ()))
    return []


def _last(obj, name):
    history = review_history(obj)
    if not history or history[-1].get(name) is None:
        raise AttributeError(name)
    return history[-1][name]


@indexer(Interface)
def review_state_date(obj):
    return _last(obj, "time")


@indexer(Interface)
def review_last_action(obj):
    return _last(obj, "action")


@indexer(Interface)
def review_submitter(obj):
    history = review_history(obj)
    if not history:
        raise AttributeError("review_submitter")
    for entry in reversed(history):
        if entry.get("action") == "submit" and entry.get("actor"):
            return entry["actor"]
    creators = getattr(aq_base(obj), "creators", None) or ()
    return creators[0] if creators else history[0].get("actor")


@indexer(IWorkingCopy)
def working_copy_of(obj):
    baseline = get_baseline(obj)
    if baseline is None:
        raise AttributeError("working_copy_of")
    return IUUID(baseline)
