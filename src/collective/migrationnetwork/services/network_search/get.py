"""The service: parse, search, serialise."""

from collective.migrationnetwork.search import SearchParameterError
from collective.migrationnetwork.search import network_search
from collective.migrationnetwork.search import parse_params
from collective.migrationnetwork.services import Service
from collective.migrationnetwork.services.network_search.errors import bad_request
from collective.migrationnetwork.services.network_search.serialize import serialize


class NetworkSearchGet(Service):
    def reply(self):
        try:
            result = network_search(self.context, parse_params(self.request.form))
        except SearchParameterError as error:
            return bad_request(self.request, error)
        return serialize(self.context, self.request, result)
