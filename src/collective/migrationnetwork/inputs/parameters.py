"""Request parameters that Zope, Plone or plone.restapi would turn into a
500 for anyone, refused with 400 naming the parameter when traversal
enters the site (see docs/reliability.md for their upstream causes):

- batching and limits that are not whole numbers (``b_size``, ``b_start``,
  ``sort_limit``, ``path.depth``: plone.restapi and the catalogue call
  ``int()`` on them), or given twice;
- parameters read as one value (``include_items``, ``fullobjects``,
  ``title`` of ``@vocabularies``, ...) given twice: plone.restapi calls
  string methods on the list Zope makes of them;
- ``version`` of a content GET that is not a version number;
- dates of ``@search`` that are no dates (the catalogue's date indexes);
- a ``query`` of ``@querystring-search`` that is not a list of criteria;
- ``@@getVocabulary?name=plone.app.vocabularies.Catalog`` with a ``query``
  that is no JSON object of criteria (plone.app.content indexes it).
"""

from DateTime import DateTime
from plone.base.utils import is_falsy
from plone.base.utils import is_truthy
from plone.registry.interfaces import IRegistry
from zExceptions import BadRequest
from zope.component import getUtility

import json
import re


WHOLE = re.compile(r"^\d{1,9}$")
DEPTH = re.compile(r"^-?\d{1,4}$")
INTEGERS = {
    "b_size": WHOLE,
    "b_start": WHOLE,
    "sort_limit": WHOLE,
    "path.depth": DEPTH,
}
SINGLE = (
    "include_items",
    "fullobjects",
    "version",
    "title",
    "token",
    "sort_on",
    "sort_order",
    "expand.navigation.depth",
    "use_site_search_settings",
)
BOOLEANS = ("include_items",)
VERSION = re.compile(r"^(current|\d{1,9})$")
DATE_INDEXES = ("DateIndex", "DateRangeIndex", "DateRecurringIndex")
RANGES = ("min", "max", "min:max", "minmax")


def refuse(parameter, message):
    raise BadRequest(f"{parameter}: {message}")


def check_integers(form):
    for name, pattern in INTEGERS.items():
        if name not in form:
            continue
        value = form[name]
        if isinstance(value, (list, tuple)):
            refuse(name, "give this parameter once")
        if isinstance(value, int):
            continue
        if not isinstance(value, str) or not pattern.match(value.strip()):
            refuse(name, "a whole number is expected")


def check_single(form):
    for name in SINGLE:
        if isinstance(form.get(name), (list, tuple)):
            refuse(name, "give this parameter once")
    for name in BOOLEANS:
        value = form.get(name)
        if value is not None and not (is_truthy(value) or is_falsy(value)):
            refuse(name, "true or false is expected")
    version = form.get("version")
    if version is not None and not (
        isinstance(version, str) and VERSION.match(version)
    ):
        refuse("version", 'a version number (or "current") is expected')


def is_text(value):
    return isinstance(value, str)


def is_whole(value):
    if isinstance(value, bool):
        return False
    return isinstance(value, int) or (
        isinstance(value, str) and re.match(r"^-?\d{1,9}$", value.strip())
    )


def is_date_text(value):
    return isinstance(value, str) and is_date(value)


# What the value of a criterion is, by the widget of its operation.
WIDGET_VALUES = {
    "MultipleSelectionWidget": lambda v: (
        is_text(v) or (isinstance(v, list) and all(map(is_text, v)))
    ),
    "DateRangeWidget": lambda v: (
        isinstance(v, list) and len(v) == 2 and all(map(is_date_text, v))
    ),
    "DateWidget": is_date_text,
    "RelativeDateWidget": is_whole,
}


def check_criteria(query):
    """Each criterion names a field of the querystring registry, one of its
    operations and, when the operation takes one, a value (strings)."""
    if not isinstance(query, list) or not all(
        isinstance(item, dict)
        and isinstance(item.get("i"), str)
        and isinstance(item.get("o"), str)
        for item in query
    ):
        refuse("query", 'a list of criteria {"i", "o", "v"} is expected')
    registry = getUtility(IRegistry)
    for item in query:
        field, operation = item["i"], item["o"]
        operations = registry.get(f"plone.app.querystring.field.{field}.operations")
        if not operations:
            refuse("query", f"{field!r} is not a field of the query")
        if operation not in operations:
            refuse("query", f"{operation!r} is not an operation of {field!r}")
        widget = registry.get(f"{operation}.widget")
        if widget and not WIDGET_VALUES.get(widget, is_text)(item.get("v")):
            refuse("query", f"{operation!r} of {field!r}: the value is not right")


def check_querystring_search(request, body):
    if request.get("REQUEST_METHOD") == "GET":
        if "query" in request.form:
            try:
                query = json.loads(request.form["query"])
            except (TypeError, ValueError):
                refuse("query", "a JSON list of criteria is expected")
            check_criteria(query)
    elif isinstance(body, dict) and "query" in body:
        check_criteria(body["query"])


def last_step(request):
    return (request.get("PATH_INFO") or "").rstrip("/").rsplit("/", 1)[-1]


def is_date(value):
    if isinstance(value, (list, tuple)):
        return all(is_date(item) for item in value)
    try:
        DateTime(value)
    except Exception:  # noqa: BLE001 - DateTime raises many kinds
        return False
    return True


def check_search_dates(site, form):
    catalog = getattr(site, "portal_catalog", None)
    if catalog is None:
        return
    for key, value in form.items():
        name, _dot, option = key.partition(".")
        if option not in ("", "query", "range"):
            continue
        index = catalog.Indexes.get(name) if name in catalog.indexes() else None
        if index is None:
            continue
        if index.meta_type == "ZCTextIndex" and not isinstance(value, str):
            refuse(key, "give this parameter once")
        if index.meta_type not in DATE_INDEXES:
            continue
        if option == "range":
            if value not in RANGES:
                refuse(key, f"one of {', '.join(RANGES)} is expected")
        elif not is_date(value):
            refuse(key, "a date (such as 2026-12-01) is expected")


def check_vocabulary_query(form):
    if isinstance(form.get("name"), (list, tuple)):
        refuse("name", "give this parameter once")
    if form.get("name") != "plone.app.vocabularies.Catalog" or not form.get("query"):
        return
    try:
        query = json.loads(form["query"])
    except (TypeError, ValueError):
        query = None
    if not isinstance(query, dict) or not isinstance(query.get("criteria"), list):
        refuse("query", 'a JSON object with "criteria" (a list) is expected')


# The add-on's own search services check their parameters themselves and
# answer in their own error shape (``{"error": {"parameter": ...}}``).
OWN = ("@network-search", "network-search.")


def is_rest(request, step):
    return step.startswith("@") or "application/json" in (
        request.getHeader("Accept") or ""
    )


def check_parameters(site, request, body=None):
    """``body`` is the parsed JSON body, if any."""
    form = request.form
    step = last_step(request)
    if step.startswith(OWN):
        return
    # The batching of a page (a section's listing) is the page's own: it
    # answers bad values with a message in the page (browser/listing.py).
    if is_rest(request, step):
        check_integers(form)
        check_single(form)
    if step == "@search":
        check_search_dates(site, form)
    elif step.endswith("getVocabulary"):
        check_vocabulary_query(form)
    elif step == "@querystring-search":
        check_querystring_search(request, body)
