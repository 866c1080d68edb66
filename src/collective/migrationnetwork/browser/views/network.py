"""The default view of a Network: what it is and who its members are."""

from collective.migrationnetwork.browser.views.base import ContentView
from collective.migrationnetwork.browser.views.facts import brain_link
from collective.migrationnetwork.content.network import INetwork
from plone import api
from plone.memoize.view import memoize


COUNTRIES = "collective.migrationnetwork.countries"
KINDS = "collective.migrationnetwork.organisation_kinds"


class NetworkView(ContentView):
    """Text, logo, scope, countries, parent and sub-networks, members."""

    def text(self):
        return self.html("text")

    def logo(self):
        return self.image_tag("logo")

    def facts(self):
        return self.reader.facts(
            (INetwork, "scope"), (INetwork, "countries"), (INetwork, "founded")
        )

    def parent_network(self):
        return self.related("parent_network")

    @memoize
    def sub_networks(self):
        """Networks that name this one as their parent (relation catalogue)."""
        return self.back_related("parent_network")

    @memoize
    def members_by_country(self):
        """Member organisations grouped by country, countries by name.

        One catalogue query: an Organisation is indexed with its networks
        and the networks above them, so members of sub-networks are here
        too, marked with the sub-network they belong through.
        """
        catalog = api.portal.get_tool("portal_catalog")
        brains = catalog(
            portal_type="Organisation",
            networks=api.content.get_uuid(self.context),
            sort_on="sortable_title",
        )
        through = self._sub_network_titles()
        groups = {}
        for brain in brains:
            country = (brain.countries or ("",))[0]
            groups.setdefault(country, []).append(self._member(brain, through))
        result = [
            {
                "code": code,
                "country": self.reader.term_title(COUNTRIES, code) if code else "",
                "organisations": members,
            }
            for code, members in groups.items()
        ]
        return sorted(result, key=lambda group: (not group["code"], group["country"]))

    def member_count(self):
        return sum(len(group["organisations"]) for group in self.members_by_country())

    def _sub_network_titles(self):
        return {item["uid"]: item["title"] for item in self.sub_networks()}

    def _member(self, brain, through):
        item = brain_link(brain)
        item["kind"] = self.reader.term_title(KINDS, brain.kind) if brain.kind else ""
        item["through"] = [
            title for uid, title in through.items() if uid in (brain.networks or ())
        ]
        return item
