"""Transition guards that permissions alone cannot express."""

from plone.app.iterate.interfaces import IWorkingCopy
from Products.Five import BrowserView


class WorkflowGuardView(BrowserView):
    """Called from guard expressions in the workflow definitions."""

    def can_publish(self):
        """A working copy is never published beside its original: the
        secretariat checks it in, which replaces the published text."""
        return not IWorkingCopy.providedBy(self.context)
