"""Rules that hold for every transition of the add-on's workflows."""

from collective.migrationnetwork import _
from collective.migrationnetwork.workflows import COMMENT_REQUIRED
from Products.CMFCore.WorkflowCore import WorkflowException
from zope.globalrequest import getRequest
from zope.i18n import translate


OUR_WORKFLOWS = frozenset(
    {
        "network_review_workflow",
        "organisation_workflow",
        "newsletter_workflow",
        "network_workflow",
    }
)


def require_comment(obj, event):
    """``request_changes`` and ``decline`` tell someone why: refuse them
    without a comment. WorkflowException is answered with a 400 by
    plone.restapi and shown as a form error by the review form."""
    if event.transition is None or event.workflow.getId() not in OUR_WORKFLOWS:
        return
    if event.transition.getId() not in COMMENT_REQUIRED:
        return
    comment = (event.kwargs or {}).get("comment") or ""
    if not comment.strip():
        message = _(
            "error_comment_required",
            default="A comment is required for '${transition}': tell the "
            "authors what to change or why.",
            mapping={"transition": event.transition.getId()},
        )
        raise WorkflowException(translate(message, context=getRequest()))
