"""Working copies (plone.app.iterate) under the review workflow.

A working copy of a published Practice or Training replaces it when it is
checked in: check-in takes the place of ``publish``, so it is allowed only
where the workflow would let the copy be published, that is once it has
been submitted (and, usually, endorsed), never while it is a draft.
iterate itself checks only the permissions on the published original.
"""

from Acquisition import aq_inner
from Acquisition import aq_parent
from collective.migrationnetwork import _
from collective.migrationnetwork.workflows import PUBLIC_STATES
from plone import api
from plone.app.iterate.browser import checkin
from plone.app.iterate.browser import checkout
from plone.app.iterate.browser.control import Control
from Products.statusmessages.interfaces import IStatusMessage
from zope.component import getMultiAdapter
from zope.i18n import translate

import json


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

    def checkout_allowed(self):
        """The copy is made beside the original, in its organisation: only
        those who may add such an item there may check out (not the team of
        an inactive organisation, nor the secretariat)."""
        if not super().checkout_allowed():
            return False
        context = aq_inner(self.context)
        fti = api.portal.get_tool("portal_types").getTypeInfo(context)
        return bool(fti and fti.isConstructionAllowed(aq_parent(context)))


class RefusingForm:
    """iterate's check-out and check-in forms raise a bare exception (a 500)
    when they are posted although ``@@iterate_control`` says no; these say
    why, on the item, or with a 403 and a JSON message to API clients."""

    button = None
    allowed = None

    def __call__(self):
        if self.button in self.request.form:
            control = getMultiAdapter(
                (aq_inner(self.context), self.request), name="iterate_control"
            )
            if not getattr(control, self.allowed)():
                return self.refuse()
        return super().__call__()

    def refuse(self):
        message = translate(
            _(
                "error_working_copy_refused",
                default="You may not make a working copy of this item, or "
                "check this copy in, at this point of its review.",
            ),
            context=self.request,
        )
        response = self.request.response
        if "text/html" not in (self.request.getHeader("Accept") or ""):
            response.setStatus(403)
            response.setHeader("Content-Type", "application/json")
            return json.dumps({"error": {"type": "Forbidden", "message": message}})
        IStatusMessage(self.request).add(message, type="error")
        response.redirect(self.context.absolute_url(), status=303)
        return ""


class Checkout(RefusingForm, checkout.Checkout):
    button = "form.button.Checkout"
    allowed = "checkout_allowed"


class Checkin(RefusingForm, checkin.Checkin):
    button = "form.button.Checkin"
    allowed = "checkin_allowed"
