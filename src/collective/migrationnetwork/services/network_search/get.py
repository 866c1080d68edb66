"""The service: parse, search, serialise."""

from collective.migrationnetwork.geo import MAX_MEMBERS
from collective.migrationnetwork.geo import feature_collection
from collective.migrationnetwork.search import SearchParameterError
from collective.migrationnetwork.search import network_search
from collective.migrationnetwork.search import parse_params
from collective.migrationnetwork.search.params import values
from collective.migrationnetwork.services import Service
from collective.migrationnetwork.services.network_search.errors import bad_request
from collective.migrationnetwork.services.network_search.serialize import batching
from collective.migrationnetwork.services.network_search.serialize import serialize


GEOJSON = "geojson"
GEOJSON_TYPE = "application/geo+json"
# A map wants every member at once: pages of up to MAX_MEMBERS features.
GEOJSON_B_SIZE = 1000


def geojson_form(form):
    """``form`` without ``format=geojson`` if it asks for GeoJSON, else
    None. ``format`` is also the trainings' facet; its other values stay."""
    formats = values(form, "format")
    if GEOJSON not in formats:
        return None
    rest = {name: value for name, value in form.items() if name != "format"}
    others = [value for value in formats if value != GEOJSON]
    if others:
        rest["format"] = others
    return rest


def geojson_params(form):
    """The search parameters of a GeoJSON request: organisations only."""
    found = values(form, "portal_type")
    if any(name != "Organisation" for name in found):
        raise SearchParameterError(
            "portal_type", "GeoJSON lists organisations only", list(found)
        )
    return parse_params(
        {**form, "portal_type": "Organisation"},
        default_b_size=GEOJSON_B_SIZE,
        max_b_size=MAX_MEMBERS,
    )


class NetworkSearchGet(Service):
    def reply(self):
        form = self.request.form
        geojson = geojson_form(form)
        try:
            if geojson is not None:
                return self.reply_geojson(geojson)
            result = network_search(self.context, parse_params(form))
        except SearchParameterError as error:
            return bad_request(self.request, error)
        return serialize(self.context, self.request, result)

    def reply_geojson(self, form):
        """The organisations found, with a place, as a GeoJSON
        FeatureCollection (RFC 7946), served as ``application/geo+json``."""
        result = network_search(self.context, geojson_params(form))
        self.content_type = GEOJSON_TYPE
        answer = feature_collection(self.context, result)
        answer["batching"] = batching(self.request, result)
        return answer
