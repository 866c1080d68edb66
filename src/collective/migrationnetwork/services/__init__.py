"""REST endpoints of the add-on, one folder per endpoint."""

from plone.restapi.services import Service as RestAPIService
from zope.interface import implementer
from zope.publisher.interfaces import IPublishTraverse

import json


# What ``reply_no_content`` answers: no body at all (a 204).
NO_CONTENT = object()


class Service(RestAPIService):
    """A plone.restapi service answering compact UTF-8 JSON.

    plone.restapi indents its answers and escapes every non-ASCII
    character, which makes Python use its pure-Python encoder and a Greek
    search answer three times as large as its content (docs/performance.md).
    The same keys, in the same order, without the whitespace.
    """

    def reply_no_content(self, status=204):
        self.request.response.setStatus(status)
        return NO_CONTENT

    def render(self):
        self.check_permission()
        content = self.reply()
        if content is NO_CONTENT:
            return None
        # JSON is UTF-8 (RFC 8259, no charset parameter); so is Zope's
        # encoding of a text body.
        self.request.response.setHeader("Content-Type", self.content_type)
        return json.dumps(
            content, ensure_ascii=False, sort_keys=True, separators=(",", ":")
        )


@implementer(IPublishTraverse)
class PathParams:
    """Mixin of a service that takes what follows its name in the URL
    (``@team/{user}``, ``@subscribe/confirm``) as ``self.params``."""

    def __init__(self, context, request):
        super().__init__(context, request)
        self.params = []

    def publishTraverse(self, request, name):
        self.params.append(name)
        return self
