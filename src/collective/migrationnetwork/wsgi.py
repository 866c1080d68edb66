"""A WSGI filter in front of Zope for what Zope itself answers with a 500.

``Authorization: Basic`` credentials that are not base64 of ``name:password``
in UTF-8 make ZPublisher's decoding raise while a PAS plugin extracts the
credentials, for anonymous clients (ZPublisher moves the header out of the
environment before any hook of the add-on runs, so it is checked here).
The same for query string parameters with a ZPublisher type converter
(``?x:int=a``, ``?y:date=x``, ``?z:required=``): Zope converts them while it
reads the request, before any hook of the add-on, and raises. The filter
answers 400 in JSON when the client asks for JSON, else in text.

In ``instance/etc/zope.ini``::

    [filter:guard]
    use = call:collective.migrationnetwork.wsgi:make_filter
"""

from urllib.parse import parse_qsl
from ZPublisher.Converters import type_converters

import base64
import binascii
import json


def malformed_basic_auth(environ):
    header = environ.get("HTTP_AUTHORIZATION") or ""
    if header[:6].lower() != "basic ":
        return False
    parts = header.split()
    if len(parts) != 2:
        return True
    try:
        decoded = base64.b64decode(parts[1].encode("ascii"), validate=True)
        decoded.decode("utf-8").split(":", 1)[1]
    except (binascii.Error, UnicodeError, ValueError, IndexError):
        return True
    return False


def bad_converted_parameter(environ):
    """The name of a query string parameter whose ZPublisher converter
    (``name:int``) fails on its value, or None."""
    query = environ.get("QUERY_STRING") or ""
    if ":" not in query and "%3a" not in query.lower():
        return None
    for key, value in parse_qsl(query, keep_blank_values=True):
        for converter in key.split(":")[1:]:
            convert = type_converters.get(converter)
            if convert is None:
                continue
            try:
                convert(value)
            except Exception:  # noqa: BLE001 - converters raise many kinds
                return key
    return None


class RequestGuard:
    def __init__(self, app):
        self.app = app

    def __call__(self, environ, start_response):
        if malformed_basic_auth(environ):
            return self.refuse(
                environ,
                start_response,
                "Authorization: malformed Basic credentials "
                "(base64 of name:password is expected).",
            )
        parameter = bad_converted_parameter(environ)
        if parameter is not None:
            return self.refuse(
                environ,
                start_response,
                f"{parameter}: the value cannot be converted as its name asks.",
            )
        return self.app(environ, start_response)

    def refuse(self, environ, start_response, message):
        if "json" in environ.get("HTTP_ACCEPT", ""):
            body = json.dumps({"type": "BadRequest", "message": message})
            content_type = "application/json"
        else:
            body, content_type = message, "text/plain; charset=utf-8"
        data = body.encode("utf-8")
        start_response(
            "400 Bad Request",
            [("Content-Type", content_type), ("Content-Length", str(len(data)))],
        )
        return [data]


def make_filter(global_conf=None, **local_conf):
    """PasteDeploy's filter factory (``use = call:``): the filter it returns
    wraps the next application of the pipeline."""
    return RequestGuard
