"""REST endpoints of the add-on, one folder per endpoint."""

from zope.interface import implementer
from zope.publisher.interfaces import IPublishTraverse


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
