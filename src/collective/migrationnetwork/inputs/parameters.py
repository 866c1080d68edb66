"""Request parameters that Zope, Plone or plone.restapi would turn into a
500 for anyone, refused with 400 naming the parameter when traversal
enters the site (see docs/reliability.md for their upstream causes):

- batching and limits that are not whole numbers (``b_size``, ``b_start``,
  ``sort_limit``, ``path.depth``: plone.restapi and the catalogue call
  ``int()`` on them), or given twice;
- dates of ``@search`` that are no dates (the catalogue's date indexes);
- ``@@getVocabulary?name=plone.app.vocabularies.Catalog`` with a ``query``
  that is no JSON object of criteria (plone.app.content indexes it).
"""

from DateTime import DateTime
from zExceptions import BadRequest

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
        if index is None or index.meta_type not in DATE_INDEXES:
            continue
        if option == "range":
            if value not in RANGES:
                refuse(key, f"one of {', '.join(RANGES)} is expected")
        elif not is_date(value):
            refuse(key, "a date (such as 2026-12-01) is expected")


def check_vocabulary_query(form):
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


def check_parameters(site, request):
    form = request.form
    step = last_step(request)
    if step.startswith(OWN):
        return
    check_integers(form)
    if step == "@search":
        check_search_dates(site, form)
    elif step.endswith("getVocabulary"):
        check_vocabulary_query(form)
