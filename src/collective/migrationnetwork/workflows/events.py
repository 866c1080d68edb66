"""Rules that hold for every transition of the add-on's workflows."""

from collective.migrationnetwork import _
from collective.migrationnetwork.workflows import COMMENT_REQUIRED
from collective.migrationnetwork.workflows import PUBLIC_STATES
from DateTime import DateTime
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


def set_effective_date(obj, event):
    """An item first made public gets that moment as its publication date,
    unless its editors set one; listings and feeds sort and date by it."""
    if event.transition is None or event.workflow.getId() not in OUR_WORKFLOWS:
        return
    public_state = PUBLIC_STATES.get(getattr(obj, "portal_type", None))
    if event.new_state.getId() != public_state:
        return
    if obj.EffectiveDate() == "None":
        obj.setEffectiveDate(DateTime())
        obj.reindexObject(idxs=["effective", "effectiveRange"])
