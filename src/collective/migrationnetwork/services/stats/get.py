"""``GET /@network-stats`` on the site root or a language root."""

from collective.migrationnetwork.services import Service
from collective.migrationnetwork.stats import network_stats


class NetworkStatsGet(Service):
    """The figures of ``network_stats`` for the context's language root."""

    def reply(self):
        return {
            "@id": f"{self.context.absolute_url()}/@network-stats",
            **network_stats(self.context),
        }
