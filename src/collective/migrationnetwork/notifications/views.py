"""``@@mail-outbox``: what waits in the outbox and who delivers it."""

from collective.migrationnetwork.notifications.deliverer import backlog
from Products.Five.browser import BrowserView

import json


class OutboxStatus(BrowserView):
    def __call__(self):
        self.request.response.setHeader("Content-Type", "application/json")
        return json.dumps(backlog(self.context), indent=2)
