"""The default view of a Network: what it is and who its members are."""

from collective.migrationnetwork.browser.views.base import ContentView
from collective.migrationnetwork.content.network import INetwork
from plone import api
from plone.memoize.view import memoize


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

    def members_panel(self):
        """The map and the list by country of the network's members
        (``@@members-map-panel``), saying which sub-network a member
        belongs through."""
        panel = api.content.get_view("members-map-panel", self.context, self.request)
        return panel(through=self._sub_network_titles())

    def _sub_network_titles(self):
        return {item["uid"]: item["title"] for item in self.sub_networks()}
