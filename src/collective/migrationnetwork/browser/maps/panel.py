"""``@@members-map-panel``: the map of member organisations, an HTML
fragment for the home page and a network's page.

Everything comes from catalogue metadata (``geo.organisations``): titles,
kinds, countries, networks and places; no organisation is woken. The page
works without JavaScript: the filter is a GET form (``network``, ``kind``)
and the members are listed by country, which is also the map's text
alternative. With JavaScript, ``members-map.js`` draws the members that
have a place with Leaflet, clustered, and filters the map and the list as
the choices change.
"""

from collective.migrationnetwork import SETTINGS_PREFIX
from collective.migrationnetwork import _
from collective.migrationnetwork.content.network import INetwork
from collective.migrationnetwork.geo import brain_place
from collective.migrationnetwork.geo import organisations
from collective.migrationnetwork.search import SearchParameterError
from collective.migrationnetwork.search import value_titles
from collective.migrationnetwork.search.facets import content_titles
from collective.migrationnetwork.search.params import single
from collective.migrationnetwork.search.summary import text
from collective.migrationnetwork.search.summary import tokens
from collective.migrationnetwork.validation import InvalidInput
from collective.migrationnetwork.validation import is_web_url
from collective.migrationnetwork.validation import tile_url
from plone import api
from plone.memoize.view import memoize
from Products.Five import BrowserView
from zope.i18n import translate

import json


RESOURCES = "++plone++collective.migrationnetwork.maps"
DEFAULT_TILES = {
    "url": "https://tile.openstreetmap.org/{z}/{x}/{y}.png",
    "attribution": "© OpenStreetMap contributors",
    "attribution_url": "https://www.openstreetmap.org/copyright",
}
# What JSON in a <script> element must not hold as such: "</script>",
# "<!--" and an ampersand are written as escapes, which JSON.parse reads
# back as the same characters.
SCRIPT_ESCAPES = {ord("<"): "\\u003c", ord(">"): "\\u003e", ord("&"): "\\u0026"}


def script_json(data):
    """``data`` as JSON that can stand inside a <script> element."""
    return json.dumps(data, ensure_ascii=False).translate(SCRIPT_ESCAPES)


def tile_settings():
    """The tile server of the control panel; the default if it is unset or
    not a tile address (a value written around the form)."""
    settings = {}
    for name, default in DEFAULT_TILES.items():
        value = api.portal.get_registry_record(
            f"{SETTINGS_PREFIX}.map_tile_{name}", default=None
        )
        settings[name] = value if isinstance(value, str) and value else default
    try:
        tile_url(settings["url"])
    except InvalidInput:
        settings["url"] = DEFAULT_TILES["url"]
    if not is_web_url(settings["attribution_url"]):
        settings["attribution_url"] = ""
    return settings


class MembersMapPanel(BrowserView):
    """The members of the context's language root (of the network, on a
    Network), on a map and by country; ``through`` maps the UIDs of
    sub-networks to their titles, to say how a member belongs."""

    through = None

    def __call__(self, through=None):
        if through is not None:
            self.through = through
        self.update()
        return self.index()

    def update(self):
        self.network_uid = (
            api.content.get_uuid(self.context)
            if INetwork.providedBy(self.context)
            else None
        )
        self.result = organisations(self.context, self.network_uid)
        self.brains = list(self.result.items)
        self.errors = []
        self.chosen_network = self.choice("network", self.network_titles())
        self.chosen_kind = self.choice("kind", self.kind_titles())

    def translate(self, message):
        return translate(message, context=self.request)

    def choice(self, name, allowed):
        """The token chosen for ``name`` if it is one of ``allowed``; a bad
        value is said in the panel and not used (the panel is part of a
        page that answers as usual)."""
        try:
            value = single(self.request.form, name)
        except SearchParameterError:
            value = False
        if value is None or value == "":
            return None
        if value in allowed:
            return value
        self.errors.append(
            self.translate(
                _(
                    "error_map_filter",
                    default="The filter “${parameter}” cannot be used as "
                    "given; every member is shown instead.",
                    mapping={"parameter": name},
                )
            )
        )
        return None

    @memoize
    def kind_titles(self):
        """``{token: title}`` of the kinds the members have, in the
        vocabulary's order."""
        used = {text(brain.kind) for brain in self.brains}
        titles = value_titles(
            self.context, "kind", ("Organisation",), language=self.result.language
        )
        return {token: title for token, title in titles.items() if token in used}

    @memoize
    def network_titles(self):
        """``{uid: title}`` of the networks worth filtering on: those some
        members belong to but not all, by title."""
        counts = {}
        for brain in self.brains:
            for uid in tokens(brain.networks):
                counts[uid] = counts.get(uid, 0) + 1
        useful = [uid for uid, count in counts.items() if count < len(self.brains)]
        titles = content_titles(useful, "Network")
        return dict(sorted(titles.items(), key=lambda item: item[1].lower()))

    @memoize
    def country_titles(self):
        return value_titles(self.context, "countries", language=self.result.language)

    def matches(self, brain):
        if self.chosen_kind and text(brain.kind) != self.chosen_kind:
            return False
        return not (
            self.chosen_network and self.chosen_network not in tokens(brain.networks)
        )

    @memoize
    def members(self):
        """What the list and the map show of each member, from metadata."""
        kinds, through = self.kind_titles(), self.through or {}
        result = []
        for brain in self.brains:
            networks = tokens(brain.networks)
            place = brain_place(brain)
            countries = tokens(brain.countries)
            result.append(
                {
                    "uid": brain.UID,
                    "title": text(brain.Title) or brain.getId,
                    "url": brain.getURL(),
                    "kind": text(brain.kind),
                    "kind_title": kinds.get(text(brain.kind), ""),
                    "country": countries[0] if countries else "",
                    "networks": list(networks),
                    "through": [through[uid] for uid in networks if uid in through],
                    "lat": place[0] if place else None,
                    "lon": place[1] if place else None,
                    "shown": self.matches(brain),
                }
            )
        return result

    def groups(self):
        """The members by country, countries by title (unknown last)."""
        titles, groups = self.country_titles(), {}
        for member in self.members():
            groups.setdefault(member["country"], []).append(member)
        result = [
            {
                "code": code,
                "title": titles.get(code, code),
                "members": members,
                "shown": any(member["shown"] for member in members),
            }
            for code, members in groups.items()
        ]
        return sorted(result, key=lambda g: (not g["code"], g["title"].lower()))

    def counts(self):
        shown = [member for member in self.members() if member["shown"]]
        placed = [member for member in shown if member["lat"] is not None]
        return {
            "total": len(self.members()),
            "shown": len(shown),
            "placed": len(placed),
        }

    def status(self):
        """What the panel shows, in words (updated by the script)."""
        counts = self.counts()
        return self.translate(self.status_message(counts["shown"], counts["placed"]))

    def status_message(self, shown, placed):
        return _(
            "label_map_status",
            default="Organisations: ${shown}, on the map: ${placed}.",
            mapping={"shown": shown, "placed": placed},
        )

    def form_action(self):
        url = self.request.get("ACTUAL_URL") or self.context.absolute_url()
        return f"{url}#members-map"

    def resource(self, name):
        return f"{api.portal.get().absolute_url()}/{RESOURCES}/{name}"

    def data(self):
        """What the script needs, as JSON for a <script> element."""
        placed = [
            {
                key: member[key]
                for key in ("uid", "title", "url", "kind", "kind_title", "networks")
            }
            | {"lat": member["lat"], "lon": member["lon"]}
            for member in self.members()
            if member["lat"] is not None
        ]
        return script_json(
            {
                "tiles": tile_settings(),
                "members": placed,
                "status": self.translate(self.status_message("{shown}", "{placed}")),
                "tiles_failed": self.translate(
                    _(
                        "label_map_tiles_failed",
                        default="The map's background could not be loaded; "
                        "the members are listed by country below.",
                    )
                ),
            }
        )
