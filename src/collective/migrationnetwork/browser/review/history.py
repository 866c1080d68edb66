"""The review history of an item, shown on it to those who may review it."""

from collective.migrationnetwork import dates
from plone import api
from plone.app.layout.viewlets.common import ViewletBase
from zope.i18n import translate


class ReviewHistoryViewlet(ViewletBase):
    """Who did what, when and why, newest first.

    The workflow variable ``review_history`` is guarded in every workflow of
    the add-on ("Request review", "Review portal content" or "Endorse
    content"): the workflow says who sees it, the viewlet only renders it.
    """

    def update(self):
        super().update()
        workflow = api.portal.get_tool("portal_workflow")
        history = workflow.getInfoFor(self.context, "review_history", None) or []
        self.entries = [self._entry(workflow, e) for e in reversed(history)]

    def available(self):
        return bool(self.entries)

    def _translate(self, text):
        return translate(text, domain="plone", context=self.request)

    def _entry(self, workflow, entry):
        portal_type = self.context.portal_type
        action = entry.get("action")
        state = entry.get("review_state")
        time = entry.get("time")
        return {
            "action": action,
            "action_title": self._translate(self._transition_title(action))
            if action
            else None,
            "state": state,
            "state_title": self._translate(
                workflow.getTitleForStateOnType(state, portal_type) or state
            ),
            "actor": self._actor(entry.get("actor")),
            "time": dates.format_datetime(time) if time else "",
            "iso": time.ISO8601() if time else "",
            "comment": entry.get("comments") or "",
        }

    def _transition_title(self, transition_id):
        workflow = api.portal.get_tool("portal_workflow")
        for definition in workflow.getWorkflowsFor(self.context):
            transition = definition.transitions.get(transition_id)
            if transition is not None:
                return transition.title or transition_id
        return transition_id

    def _actor(self, userid):
        if not userid:
            return ""
        user = api.user.get(userid=userid)
        fullname = user.getProperty("fullname", "") if user is not None else ""
        return fullname or userid
