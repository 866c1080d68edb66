"""Exceptions of plone.restapi that mean bad input, answered 400.

``QueryParsingError`` is what plone.restapi's search raises for a value its
index cannot take (``@search?is_folderish=maybe``); plone.rest answers any
exception by its class, and this one is no HTTP error, so clients got a
500 for their own mistake. The same for the catalogue's text index
(``ParseError``: ``@search?Title=-x``, a query without a positive word).
"""

from collective.migrationnetwork.inputs.bodies import BodyRefused
from plone.rest.errors import ErrorHandling
from plone.rest.interfaces import IAPIRequest
from plone.restapi.exceptions import QueryParsingError
from Products.ZCTextIndex.ParseTree import ParseError
from zope.component import adapter

import json


class Refused(ErrorHandling):
    def __call__(self):
        data = self.render_exception(self.context)
        data["type"] = "BadRequest"
        response = self.request.response
        response.setHeader("Content-Type", "application/json")
        response.setStatus(400, lock=1)
        response.setBody(json.dumps(data, indent=2, sort_keys=True), lock=1)


@adapter(QueryParsingError, IAPIRequest)
class QueryRefused(Refused):
    pass


@adapter(ParseError, IAPIRequest)
class TextQueryRefused(Refused):
    pass


@adapter(BodyRefused, IAPIRequest)
class BodyRefusedAnswer(Refused):
    """A refused request body, as the add-on's services answer a refused
    form (``FieldErrors`` in ``@openapi``): the field and its message."""

    def render_exception(self, exception):
        data = super().render_exception(exception)
        data["errors"] = [{"field": exception.field, "message": exception.text}]
        return data
