"""CSV of a search, for people who work in spreadsheets.

UTF-8 with a byte order mark, so that spreadsheet programs read Greek
correctly (Python reads it with ``encoding="utf-8-sig"``); comma separated,
CRLF line ends, a header row of stable column names; values are titles in
the search's language, several in one cell separated by "; ". A cell that
a spreadsheet would take for a formula starts with an apostrophe
(``collective.migrationnetwork.spreadsheet``, as every CSV of the portal).
"""

from collective.migrationnetwork import spreadsheet
from collective.migrationnetwork.search.summary import Summarizer
from collective.migrationnetwork.services.feeds.common import FeedView
from collective.migrationnetwork.services.feeds.search import export_search
from datetime import date

import io


BOM = "\ufeff"
COLUMNS = (
    "url",
    "type",
    "uid",
    "title",
    "description",
    "review_state",
    "organisation",
    "organisation_country",
    "countries",
    "kind",
    "status",
    "format",
    "audience",
    "thematic_areas",
    "target_groups",
    "networks",
    "start",
    "end",
    "location",
    "created",
    "modified",
    "effective",
)


def cell(value):
    """A term, a list of terms or a plain value as the text of a cell."""
    if value is None:
        return ""
    if isinstance(value, dict):
        return value.get("title") or value.get("token") or ""
    if isinstance(value, list):
        return "; ".join(cell(item) for item in value)
    return str(value)


def row(summary):
    organisation = summary.get("organisation") or {}
    values = {
        **summary,
        "url": summary["@id"],
        "type": summary["@type"],
        "uid": summary["UID"],
        "organisation": organisation.get("title"),
        "organisation_country": organisation.get("country"),
    }
    return [cell(values.get(name)) for name in COLUMNS]


def render_csv(context, result):
    """The CSV document (bytes, UTF-8 with BOM) of ``result``."""
    out = io.StringIO()
    out.write(BOM)
    writer = spreadsheet.writer(out)
    writer.writerow(COLUMNS)
    for _brain, summary in Summarizer(context, result.batch, result.language):
        writer.writerow(row(summary))
    return out.getvalue().encode("utf-8")


def csv_filename(result):
    return f"network-search-{result.language}-{date.today().isoformat()}.csv"


class CSVExport(FeedView):
    content_type = "text/csv; charset=utf-8; header=present"
    disposition = "attachment"

    def search(self, form):
        return export_search(self.context, form)

    def render(self, result):
        return render_csv(self.context, result)

    def filename(self, result):
        return csv_filename(result)
