"""``GET /@mail-outbox``: what waits in the site's outbox and who delivers
it; ``POST /@mail-outbox/retry`` ``{"group": ...}``: put the failed mails
of a group (or of every group) back (site administrators)."""

from collective.migrationnetwork.notifications.deliverer import backlog
from collective.migrationnetwork.notifications.outbox import get_outbox
from collective.migrationnetwork.services import PathParams
from collective.migrationnetwork.services import Service
from plone.protect.interfaces import IDisableCSRFProtection
from plone.restapi.deserializer import json_body
from zExceptions import BadRequest
from zExceptions import NotFound
from zope.interface import alsoProvides


class OutboxGet(Service):
    def reply(self):
        return backlog(self.context)


class RetryPost(PathParams, Service):
    def reply(self):
        if self.params != ["retry"]:
            raise NotFound("/".join(self.params))
        alsoProvides(self.request, IDisableCSRFProtection)
        group = json_body(self.request).get("group")
        if group is not None and not isinstance(group, str):
            raise BadRequest("group: a group's name, or none for every group")
        outbox = get_outbox(self.context)
        groups = [group] if group else list(outbox.groups.keys())
        retried = sum(outbox.retry(name) for name in groups)
        return {"retried": retried, "backlog": backlog(self.context)}
