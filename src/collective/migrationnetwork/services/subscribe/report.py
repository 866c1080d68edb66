"""``GET /{issue}/@newsletter-report``: the delivery report of a sent
issue; ``POST /{issue}/@newsletter-report/retry``: put its failed
deliveries back in the queue (holders of "Send newsletter" on the
archive the issue is in)."""

from Acquisition import aq_inner
from Acquisition import aq_parent
from collective.migrationnetwork import _
from collective.migrationnetwork.newsletter import sending
from collective.migrationnetwork.services import PathParams
from collective.migrationnetwork.services import Service
from plone import api
from plone.protect.interfaces import IDisableCSRFProtection
from zope.i18n import translate
from zope.interface import alsoProvides


SEND_NEWSLETTER = "collective.migrationnetwork: Send newsletter"


def can_retry(issue):
    return not api.user.is_anonymous() and api.user.has_permission(
        SEND_NEWSLETTER, obj=aq_parent(aq_inner(issue))
    )


def can_see_report(issue):
    from collective.migrationnetwork.newsletter.manage import can_manage

    return can_retry(issue) or can_manage(issue)


def report_of(issue):
    job = sending.delivery_job(issue)
    return job.report() if job is not None else None


class ReportGet(Service):
    def reply(self):
        if not can_see_report(self.context):
            self.request.response.setStatus(401 if api.user.is_anonymous() else 403)
            return {
                "type": "Forbidden",
                "message": translate(
                    _(
                        "error_newsletter_report_forbidden",
                        default="You may not see the delivery report of this "
                        "newsletter.",
                    ),
                    context=self.request,
                ),
            }
        report = report_of(self.context)
        if report is None:
            self.request.response.setStatus(404)
            return {
                "type": "NotFound",
                "message": translate(
                    _(
                        "error_newsletter_not_sent",
                        default="This issue has not been sent.",
                    ),
                    context=self.request,
                ),
            }
        return report


class RetryPost(PathParams, Service):
    """``POST @newsletter-report/retry``."""

    def reply(self):
        if self.params != ["retry"]:
            self.request.response.setStatus(404)
            return {"type": "NotFound", "message": "/".join(self.params)}
        alsoProvides(self.request, IDisableCSRFProtection)
        if not can_retry(self.context):
            self.request.response.setStatus(401 if api.user.is_anonymous() else 403)
            return {
                "type": "Forbidden",
                "message": translate(
                    _(
                        "error_newsletter_retry_forbidden",
                        default="You may not send this newsletter.",
                    ),
                    context=self.request,
                ),
            }
        count = sending.retry_failed(self.context)
        return {"retried": count, "report": report_of(self.context)}
