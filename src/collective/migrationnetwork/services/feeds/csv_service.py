"""``@network-search`` asked for with ``Accept: text/csv``: the CSV export."""

from collective.migrationnetwork.search import SearchParameterError
from collective.migrationnetwork.services.feeds.search import export_search
from collective.migrationnetwork.services.feeds.spreadsheet import csv_filename
from collective.migrationnetwork.services.feeds.spreadsheet import render_csv
from collective.migrationnetwork.services.network_search.errors import bad_request_json
from plone.restapi.services import Service


class NetworkSearchCSV(Service):
    def render(self):
        self.check_permission()
        try:
            result = export_search(self.context, self.request.form)
        except SearchParameterError as error:
            return bad_request_json(self.request, error)
        response = self.request.response
        response.setHeader("Content-Type", "text/csv; charset=utf-8; header=present")
        response.setHeader(
            "Content-Disposition", f'attachment; filename="{csv_filename(result)}"'
        )
        return render_csv(self.context, result)
