"""Request bodies checked once, when traversal enters the site and before
anything reads them (plone.restapi's JWT plugin parses every JSON POST
body while authenticating, at the end of traversal): a JSON body nested too deep (``json.loads`` recursion), with
NaN or Infinity (not JSON, and every answer carrying them breaks
``JSON.parse``), with lone surrogates or control characters in a string
answers 400 naming where, before a service parses it.

Zope refuses bodies over ``form-memory-limit`` (zope.conf) when they are
read; the check reads the body as the services would, so that limit
answers 400 here too.
"""

from collective.migrationnetwork.inputs.parameters import check_parameters
from collective.migrationnetwork.validation import bad_characters
from zExceptions import BadRequest

import json
import re


MAX_DEPTH = 64
# The characters that open and close structures, outside strings.
STRINGS = re.compile(rb'"(?:[^"\\]|\\.)*"', re.DOTALL)
BRACKETS = re.compile(rb"[\[\]{}]")
FORM_TYPES = ("application/x-www-form-urlencoded", "multipart/form-data")


class BodyRefused(BadRequest):
    """A refused body: ``field`` (the top-level name, or ``body``) and the
    message ``text``."""

    def __init__(self, field, text):
        super().__init__(f"{field}: {text}")
        self.field = field
        self.text = text


class NotANumber:
    """What ``NaN``, ``Infinity`` and ``-Infinity`` parse to here."""

    def __init__(self, name):
        self.name = name


def depth_of(body):
    """The deepest nesting of ``body`` (bytes), without recursion."""
    depth = deepest = 0
    for match in BRACKETS.finditer(STRINGS.sub(b'""', body)):
        if match.group() in (b"[", b"{"):
            depth += 1
            deepest = max(deepest, depth)
        else:
            depth -= 1
    return deepest


def problems(data):
    """``(path, message)`` of every value of ``data`` that is refused,
    walked without recursion."""
    stack = [("", data)]
    while stack:
        path, value = stack.pop()
        if isinstance(value, NotANumber):
            yield path, f"{value.name} is not a number"
        elif isinstance(value, str):
            if bad_characters(value):
                yield path, "control characters or lone surrogates are not allowed"
        elif isinstance(value, dict):
            for key, item in value.items():
                if bad_characters(key):
                    yield path, "control characters or lone surrogates in a name"
                    continue
                stack.append((f"{path}.{key}" if path else key, item))
        elif isinstance(value, list):
            stack.extend((f"{path}[{i}]", item) for i, item in enumerate(value))


def check_body(request):
    """Raise ``BadRequest`` for a refused JSON body of ``request``; the
    parsed body, or None when there is no JSON body."""
    if request.get("REQUEST_METHOD", "GET") in ("GET", "HEAD", "OPTIONS"):
        return None
    content_type = (request.get("CONTENT_TYPE") or "").lower()
    if content_type.startswith(FORM_TYPES):
        return None
    body = request.get("BODY")  # BadRequest over form-memory-limit
    if not body:
        return None
    if isinstance(body, str):
        body = body.encode("utf-8", "surrogatepass")
    if body.lstrip()[:1] not in (b"{", b"["):
        return None
    if depth_of(body) > MAX_DEPTH:
        raise BodyRefused(
            "body", f"The JSON body is nested deeper than {MAX_DEPTH} levels."
        )
    try:
        data = json.loads(body, parse_constant=NotANumber)
    except ValueError:
        return None  # not JSON: each service answers it as it does (400)
    for path, message in problems(data):
        field = path.split(".")[0].split("[")[0] or "body"
        raise BodyRefused(field, f"{message} (at {path or 'the top'}).")
    return data


def check_request_body(site, event):
    """Before traversing the Plone site: check the body and the parameters
    before the authentication plugins and the published object read them."""
    body = check_body(event.request)
    check_parameters(site, event.request, body)
