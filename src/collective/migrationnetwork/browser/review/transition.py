"""Run a workflow transition with a comment, from the Classic UI.

Every transition of the add-on's workflows points here (see the ``action``
URLs in profiles/default/workflows), so that a comment can go with each of
them and the ones that require it are refused with a form error instead of
running without it.
"""

from collective.migrationnetwork import _
from collective.migrationnetwork.validation import RepeatedParameter
from collective.migrationnetwork.validation import single
from collective.migrationnetwork.workflows import COMMENT_REQUIRED
from plone import api
from plone.protect import CheckAuthenticator
from Products.CMFCore.WorkflowCore import WorkflowException
from Products.Five import BrowserView
from zExceptions import BadRequest
from zope.i18n import translate


class ReviewTransitionView(BrowserView):
    """GET shows the form; POST runs the transition."""

    error = None

    def __call__(self):
        self.transition = self._available().get(self.param("workflow_action"))
        if self.transition is None:
            api.portal.show_message(
                _(
                    "error_transition_unavailable",
                    default="This action is not available for you on this item "
                    "in its current state.",
                ),
                request=self.request,
                type="error",
            )
            return self.request.response.redirect(self.context.absolute_url())
        if self.request.method == "POST" and self.request.form.get("form.submitted"):
            if self.request.form.get("form.cancel"):
                return self.request.response.redirect(self.context.absolute_url())
            CheckAuthenticator(self.request)
            if self._run():
                return self.request.response.redirect(self.context.absolute_url())
            self.request.response.setStatus(400)
        return self.index()

    def _available(self):
        workflow = api.portal.get_tool("portal_workflow")
        return {
            t["id"]: t for t in workflow.getTransitionsFor(self.context) if "id" in t
        }

    def param(self, name):
        """The one value of ``name``; given twice, 400."""
        try:
            value = single(self.request.form, name, "")
        except RepeatedParameter as error:
            raise BadRequest(translate(error.doc(), context=self.request)) from None
        return value if isinstance(value, str) else ""

    @property
    def comment(self):
        return self.param("comment")

    @property
    def comment_required(self):
        return self.transition["id"] in COMMENT_REQUIRED

    def _run(self):
        comment = self.comment.strip()
        if self.comment_required and not comment:
            self.error = _(
                "error_comment_required_form",
                default="Please write a comment: it is sent to the people concerned.",
            )
            return False
        workflow = api.portal.get_tool("portal_workflow")
        try:
            # Not plone.api: it turns the rule's message into a generic one.
            workflow.doActionFor(self.context, self.transition["id"], comment=comment)
        except WorkflowException as error:
            self.error = str(error)
            return False
        api.portal.show_message(
            _(
                "msg_transition_done",
                default="Done: ${transition}.",
                mapping={
                    "transition": translate(
                        self.transition["title"], domain="plone", context=self.request
                    )
                },
            ),
            request=self.request,
        )
        return True
