"""Charts of the dashboard: accessible SVG drawn by a page template
(``templates/chart.pt``) from the geometry computed here, each with the
data table it is drawn from and a CSV download of that table.

A chart is a dict: ``id`` (stable, for the CSV link), ``title``, ``kind``
(``bars``: horizontal bars, one per value; ``columns``: a time series,
one column per month), ``rows`` (``[{label, value}]``) and the geometry.
"""

from collective.migrationnetwork import _
from DateTime import DateTime
from zope.i18n import translate


WIDTH = 760
BAR_HEIGHT = 22
BAR_GAP = 8
LABEL_WIDTH = 320
VALUE_WIDTH = 48
COLUMN_HEIGHT = 160
AXIS_HEIGHT = 40


def bars(chart_id, title, values, language):
    """A bar chart of ``[{token, title, count}]``."""
    rows = [{"label": value["title"], "value": value["count"]} for value in values]
    top = max([row["value"] for row in rows] + [1])
    room = WIDTH - LABEL_WIDTH - VALUE_WIDTH
    for position, row in enumerate(rows):
        row["y"] = position * (BAR_HEIGHT + BAR_GAP)
        row["width"] = round(room * row["value"] / top, 1)
        row["text_y"] = row["y"] + BAR_HEIGHT * 0.7
        row["value_x"] = LABEL_WIDTH + row["width"] + 6
    return {
        "id": chart_id,
        "title": translate(title, target_language=language),
        "kind": "bars",
        "rows": rows,
        "width": WIDTH,
        "height": max(len(rows) * (BAR_HEIGHT + BAR_GAP), BAR_HEIGHT),
        "label_width": LABEL_WIDTH,
        "bar_height": BAR_HEIGHT,
    }


def month_keys(start, end):
    """``YYYY-MM`` of every month from ``start`` to ``end``."""
    year, month = start.year, start.month
    keys = []
    while (year, month) <= (end.year, end.month):
        keys.append(f"{year:04d}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return keys


def columns(chart_id, title, dates, period, now, language):
    """A time series: how many of ``dates`` (DateTime) fall in each month
    of ``period`` (each year, for all time)."""
    dates = [date for date in dates if date is not None and period.contains(date)]
    end = DateTime(period.end).asdatetime()
    if period.start is not None:
        start = DateTime(period.start).asdatetime()
    elif dates:
        start = min(dates).asdatetime()
    else:
        start = end
    if period.start is None:
        keys = [str(year) for year in range(start.year, end.year + 1)]
        key_of = lambda date: str(date.year())  # noqa: E731
    else:
        keys = month_keys(start, end)
        key_of = lambda date: f"{date.year():04d}-{date.month():02d}"  # noqa: E731
    counts = dict.fromkeys(keys, 0)
    for date in dates:
        key = key_of(date)
        if key in counts:
            counts[key] += 1
    rows = [{"label": key, "value": counts[key]} for key in keys]
    top = max([row["value"] for row in rows] + [1])
    step = WIDTH / max(len(rows), 1)
    for position, row in enumerate(rows):
        row["height"] = round(COLUMN_HEIGHT * row["value"] / top, 1)
        row["x"] = round(position * step + step * 0.15, 1)
        row["y"] = round(COLUMN_HEIGHT - row["height"], 1)
        row["bar_width"] = round(step * 0.7, 1)
        row["text_x"] = round(position * step + step / 2, 1)
    return {
        "id": chart_id,
        "title": translate(title, target_language=language),
        "kind": "columns",
        "rows": rows,
        "width": WIDTH,
        "height": COLUMN_HEIGHT + AXIS_HEIGHT,
        "plot_height": COLUMN_HEIGHT,
    }


def _date(value):
    return DateTime(value) if value else None


def network_charts(network, period, now, language):
    """The charts of one network's figures (``network.network_figures``)."""
    uid = network["UID"]
    members = network["members"]
    practices = network["practices"]
    trainings = network["trainings"]
    backlog = [
        {"token": step["state"], "title": step["title"], "count": step["count"]}
        for step in network["backlog"]["steps"]
    ]
    held = [_date(item["start"]) for item in trainings["held_items"]]
    joined = [_date(item["since"]) for item in members["new"]]
    return [
        bars(
            f"{uid}-members-country",
            _("chart_members_by_country", default="Members by country"),
            members["by_country"],
            language,
        ),
        bars(
            f"{uid}-members-kind",
            _("chart_members_by_kind", default="Members by kind"),
            members["by_kind"],
            language,
        ),
        columns(
            f"{uid}-members-new",
            _("chart_new_members", default="New members by month"),
            joined,
            period,
            now,
            language,
        ),
        bars(
            f"{uid}-backlog",
            _("chart_backlog", default="Waiting for review, by step"),
            backlog,
            language,
        ),
        bars(
            f"{uid}-practices-state",
            _("chart_practices_by_state", default="Practices by state"),
            practices["by_state"],
            language,
        ),
        bars(
            f"{uid}-practices-area",
            _("chart_practices_by_area", default="Practices by thematic area"),
            practices["by_thematic_area"],
            language,
        ),
        bars(
            f"{uid}-practices-kind",
            _("chart_practices_by_kind", default="Practices by kind"),
            practices["by_kind"],
            language,
        ),
        columns(
            f"{uid}-trainings-held",
            _("chart_trainings_held", default="Trainings held by month"),
            held,
            period,
            now,
            language,
        ),
        bars(
            f"{uid}-trained-country",
            _("chart_trained_by_country", default="People trained by country"),
            trainings["trained_by_country"],
            language,
        ),
        bars(
            f"{uid}-trained-organisation",
            _(
                "chart_trained_by_organisation",
                default="People trained by organisation",
            ),
            trainings["trained_by_organisation"],
            language,
        ),
    ]


def newsletter_charts(newsletter, language):
    subscribers = newsletter["subscribers"]
    return [
        bars(
            "subscribers-language",
            _("chart_subscribers_by_language", default="Subscribers by language"),
            subscribers["by_language"],
            language,
        ),
        bars(
            "subscribers-interest",
            _("chart_subscribers_by_interest", default="Subscribers by interest"),
            subscribers["by_interest"],
            language,
        ),
    ]


def all_charts(answer, period, now, language):
    """``{network UID: [charts]}``, and ``"newsletter"`` when present."""
    found = {
        network["UID"]: network_charts(network, period, now, language)
        for network in answer["networks"]
    }
    if "newsletter" in answer:
        found["newsletter"] = newsletter_charts(answer["newsletter"], language)
    return found


def find_chart(charts, chart_id):
    for group in charts.values():
        for chart in group:
            if chart["id"] == chart_id:
                return chart
    return None
