"""The period a dashboard's time figures cover: the last 12 months (the
default), a calendar year, or all time."""

from collective.migrationnetwork import _
from dataclasses import dataclass
from DateTime import DateTime


LAST_12_MONTHS = "12m"
ALL = "all"
FIRST_YEAR = 2000


class PeriodError(ValueError):
    """A period that is none of the above; names the parameter."""

    field = "period"


@dataclass(frozen=True)
class Period:
    key: str
    start: object  # DateTime, None for all time
    end: object  # DateTime (exclusive)
    title: object

    def contains(self, value):
        if value is None:
            return False
        return (self.start is None or value >= self.start) and value < self.end


def parse_period(value, now):
    """The ``Period`` of the parameter ``value`` (``12m``, ``all`` or a
    year such as ``2025``); raises ``PeriodError``."""
    now = DateTime(now)
    if value is None or (isinstance(value, str) and not value.strip()):
        value = LAST_12_MONTHS
    value = value.strip() if isinstance(value, str) else value
    if value == LAST_12_MONTHS:
        return Period(
            value,
            now - 365,
            now,
            _("period_last_12_months", default="Last 12 months"),
        )
    if value == ALL:
        return Period(value, None, now, _("period_all", default="All time"))
    if isinstance(value, str) and value.isdigit() and len(value) == 4:
        year = int(value)
        if FIRST_YEAR <= year <= now.year():
            start = DateTime(year, 1, 1, 0, 0, 0, now.timezone())
            end = DateTime(year + 1, 1, 1, 0, 0, 0, now.timezone())
            return Period(value, start, min(end, now), value)
    raise PeriodError(value)


def period_choices(now):
    """``[(key, title)]`` offered on the page: the last 12 months, each
    year from this one back to ``FIRST_YEAR`` worth showing, all time."""
    year = DateTime(now).year()
    choices = [(LAST_12_MONTHS, parse_period(LAST_12_MONTHS, now).title)]
    choices += [(str(y), str(y)) for y in range(year, max(FIRST_YEAR, year - 5), -1)]
    choices.append((ALL, parse_period(ALL, now).title))
    return choices
