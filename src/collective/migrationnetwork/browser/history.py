"""``@@history`` of an item that keeps no versions.

Products.CMFEditions' view reads the version history and fails (500) when
there is none (``getHistoryMetadata`` answers an empty list): the add-on's
types are not versioned, so ``@@history`` of an organisation broke for
every editor. This view answers 404 in that case and is CMFEditions' own
otherwise.
"""

from Products.CMFEditions.browser.diff import DiffView
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile
from zExceptions import NotFound

import os
import Products.CMFEditions.browser


TEMPLATE = os.path.join(
    os.path.dirname(Products.CMFEditions.browser.__file__), "templates", "diff.pt"
)


class HistoryView(DiffView):
    index = ViewPageTemplateFile(TEMPLATE)

    def __call__(self):
        if not self.repo_tool.getHistoryMetadata(self.context):
            raise NotFound("This item keeps no earlier versions.")
        return super().__call__()
