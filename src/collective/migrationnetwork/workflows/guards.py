"""Transition guards that permissions alone cannot express."""

from collective.migrationnetwork.review.duties import endorsement_skipped
from collective.migrationnetwork.review.duties import may_review
from plone.app.iterate.interfaces import IWorkingCopy
from Products.Five import BrowserView


class WorkflowGuardView(BrowserView):
    """Called from guard expressions in the workflow definitions."""

    def can_publish(self):
        """A working copy is never published beside its original: the
        secretariat checks it in, which replaces the published text. Nobody
        publishes their own work (``review/duties.py``)."""
        return not IWorkingCopy.providedBy(self.context) and may_review(self.context)

    def can_endorse(self):
        """Nobody endorses their own work (``review/duties.py``)."""
        return may_review(self.context)

    def skip_endorsement(self):
        """Guard of the automatic ``skip_endorsement``: no coordinator may
        endorse the submitted item, so it goes to the secretariat."""
        return endorsement_skipped(self.context)
