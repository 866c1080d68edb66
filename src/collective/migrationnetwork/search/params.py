"""Parameters of a network search: parsed, typed and checked.

``parse_params`` takes a request's form (or any mapping of names to strings,
lists of strings or already typed values) and returns ``SearchParams``. Every
problem is raised as ``SearchParameterError``, which names the parameter, so
that a view answers 400 with a message and a REST service a JSON error, never
a 500.
"""

from collective.migrationnetwork.search.facets import FACETS
from dataclasses import dataclass
from dataclasses import field
from DateTime import DateTime
from DateTime.interfaces import DateTimeError

import datetime
import re


CONTENT_TYPES = ("Network", "Organisation", "Practice", "Training", "Newsletter")
SORT_INDEXES = ("sortable_title", "start", "end", "effective", "created", "modified")
SORT_ORDERS = ("ascending", "descending", "reverse")
WHEN = ("upcoming", "past", "all")
DEFAULT_B_SIZE = 20
MAX_B_SIZE = 100
MAX_TEXT = 200
TRUE = ("true", "1", "on", "yes")
FALSE = ("false", "0", "off", "no", "")
TOKEN = re.compile(r"^[A-Za-z0-9_-]{1,64}$")
# The catalogue's date indexes count minutes in 32 bits: dates after about
# the year 4000 cannot be searched for.
MAX_YEAR = 3999


class SearchParameterError(ValueError):
    """A search parameter is unknown or has a bad value.

    ``parameter`` is the name of the parameter, ``value`` the bad value.
    """

    def __init__(self, parameter, message, value=None):
        self.parameter = parameter
        self.value = value
        self.message = message
        super().__init__(f"{parameter}: {message}")


@dataclass(frozen=True)
class SearchParams:
    """What to search for; ``filters`` maps a facet name to its tokens."""

    portal_type: tuple = ()
    text: str = ""
    filters: dict = field(default_factory=dict)
    when: str | None = None
    start_from: DateTime | None = None
    start_to: DateTime | None = None
    include_archived: bool = False
    sort_on: str | None = None
    sort_order: str | None = None
    b_start: int = 0
    b_size: int = DEFAULT_B_SIZE
    facets: tuple | None = None


def values(form, name):
    """The non-empty values of ``name`` in ``form``, as a tuple of strings."""
    value = form.get(name)
    if value is None:
        return ()
    if not isinstance(value, (list, tuple, set, frozenset)):
        value = [value]
    result = []
    for item in value:
        if not isinstance(item, (str, int)):
            raise SearchParameterError(name, "must be a string", item)
        item = str(item).strip()
        if item and item not in result:
            result.append(item)
    return tuple(result)


def single(form, name, default=None):
    found = values(form, name)
    if len(found) > 1:
        raise SearchParameterError(name, "must be given once", list(found))
    return found[0] if found else default


def boolean(form, name, default=False):
    value = form.get(name)
    if value is None:
        return default
    if isinstance(value, bool):
        return value
    text = single(form, name, "").lower()
    if text in TRUE:
        return True
    if text in FALSE:
        return False
    raise SearchParameterError(name, "must be true or false", value)


def integer(form, name, default, minimum=0, maximum=None):
    value = single(form, name)
    if value is None:
        return default
    try:
        number = int(value)
    except ValueError:
        raise SearchParameterError(name, "must be a whole number", value) from None
    if number < minimum or (maximum is not None and number > maximum):
        limits = f"from {minimum}" + (f" to {maximum}" if maximum else "")
        raise SearchParameterError(name, f"must be {limits}", value)
    return number


def choice(form, name, allowed):
    value = single(form, name)
    if value is not None and value not in allowed:
        raise SearchParameterError(name, f"must be one of {', '.join(allowed)}", value)
    return value


def date(form, name):
    value = form.get(name)
    if isinstance(value, DateTime) or value is None:
        return value
    if isinstance(value, datetime.date):
        return DateTime(value.isoformat())
    text = single(form, name)
    if text is None:
        return None
    try:
        parsed = datetime.datetime.fromisoformat(text)
        result = DateTime(text)
    except (ValueError, DateTimeError):
        raise SearchParameterError(name, "must be an ISO 8601 date", text) from None
    if parsed.year > MAX_YEAR:
        raise SearchParameterError(
            name, f"must be before the year {MAX_YEAR + 1}", text
        )
    return result


def portal_types(form):
    found = values(form, "portal_type")
    for name in found:
        if name not in CONTENT_TYPES:
            raise SearchParameterError("portal_type", "unknown type", name)
    return found


def facet_names(form):
    """The facets to count: a list or a comma-separated string."""
    if form.get("facets") is None:
        return None
    names = []
    for value in values(form, "facets"):
        names.extend(name.strip() for name in value.split(",") if name.strip())
    return check_facet_names(names)


def check_facet_names(names):
    for name in names:
        if name not in FACETS:
            raise SearchParameterError("facets", "unknown facet", name)
    return tuple(dict.fromkeys(names))


def filters(form):
    result = {}
    for name, facet in FACETS.items():
        tokens = values(form, name)
        for token in tokens:
            if not TOKEN.match(token) or not facet.well_formed(token):
                raise SearchParameterError(name, "unknown value", token)
        if tokens:
            result[name] = tokens
    return result


def when(form):
    """``when=upcoming|past|all``, or ``upcoming=true`` / ``past=true``."""
    value = choice(form, "when", WHEN)
    upcoming, past = boolean(form, "upcoming"), boolean(form, "past")
    if upcoming and past:
        raise SearchParameterError("when", "upcoming and past exclude each other")
    flag = "upcoming" if upcoming else "past" if past else None
    if value and flag and value != flag:
        raise SearchParameterError("when", f"conflicts with {flag}", value)
    return value or flag


CONTROLS = (
    "portal_type",
    "SearchableText",
    "when",
    "upcoming",
    "past",
    "start.from",
    "start.to",
    "include_archived",
    "sort_on",
    "sort_order",
    "b_start",
    "b_size",
    "facets",
)


def check_unknown(form):
    for name in form:
        if name not in CONTROLS and name not in FACETS:
            raise SearchParameterError(name, "unknown parameter")


def text(form):
    value = single(form, "SearchableText", "")
    if len(value) > MAX_TEXT:
        raise SearchParameterError(
            "SearchableText", f"must be at most {MAX_TEXT} characters", value
        )
    return value


def parse_params(
    form, ignore_unknown=False, default_b_size=DEFAULT_B_SIZE, max_b_size=MAX_B_SIZE
):
    """Turn ``form`` (a request's form or any mapping) into ``SearchParams``.

    Names that are not search parameters raise an error unless
    ``ignore_unknown`` (a view's form carries buttons and the like). An
    export that gives every row asks for larger batches with
    ``default_b_size`` and ``max_b_size``.
    """
    if not ignore_unknown:
        check_unknown(form)
    return SearchParams(
        portal_type=portal_types(form),
        text=text(form),
        filters=filters(form),
        when=when(form),
        start_from=date(form, "start.from"),
        start_to=date(form, "start.to"),
        include_archived=boolean(form, "include_archived"),
        sort_on=choice(form, "sort_on", SORT_INDEXES),
        sort_order=choice(form, "sort_order", SORT_ORDERS),
        b_start=integer(form, "b_start", 0),
        b_size=integer(form, "b_size", default_b_size, 1, max_b_size),
        facets=facet_names(form),
    )
