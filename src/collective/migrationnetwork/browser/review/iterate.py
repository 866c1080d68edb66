"""Working copies (plone.app.iterate) under the review workflow.

A working copy of a published Practice or Training replaces it when it is
checked in: check-in takes the place of ``publish``, so it is allowed only
where the workflow would let the copy be published, that is once it has
been submitted (and, usually, endorsed), never while it is a draft.
iterate itself checks only the permissions on the published original.
"""

from Acquisition import aq_inner
from collective.migrationnetwork.workflows import PUBLIC_STATES
from plone import api
from plone.app.iterate.browser.control import Control


def reviewed(working_copy):
    """Is the copy in a state from which its workflow leads to the public
    state of its type (``pending_coordinator``, ``pending_network``)?"""
    target = PUBLIC_STATES.get(working_copy.portal_type)
    workflow = api.portal.get_tool("portal_workflow")
    state_id = api.content.get_state(working_copy, default=None)
    for definition in workflow.getWorkflowsFor(working_copy):
        state = definition.states.get(state_id)
        if state is None:
            continue
        for transition_id in state.transitions:
            transition = definition.transitions.get(transition_id)
            if transition is not None and transition.new_state_id == target:
                return True
    return False


class IterateControl(Control):
    """iterate's ``@@iterate_control`` (used by the "Check in" action, the
    check-in form and ``PATCH @workingcopy``), with the review's rule."""

    def checkin_allowed(self):
        if not super().checkin_allowed():
            return False
        return reviewed(aq_inner(self.context))
