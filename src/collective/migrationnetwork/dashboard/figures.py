"""Every figure of the dashboard, for each network the user may see.

    from collective.migrationnetwork.dashboard.figures import dashboard

    answer = dashboard(language_root, period="12m")

Catalogue records are read with ``unrestrictedSearchResults``, scoped to
the networks of ``scope.network_brains`` (the permission decides which):
a coordinator counts the drafts of their organisations too, and never
anything of another network. Lists of items that link somewhere (the
backlog, the translation worklist) hold what the user may open.
"""

from collective.migrationnetwork.dashboard import counts
from collective.migrationnetwork.dashboard.network import network_figures
from collective.migrationnetwork.dashboard.newsletter import newsletter_figures
from collective.migrationnetwork.dashboard.periods import parse_period
from collective.migrationnetwork.dashboard.periods import period_choices
from collective.migrationnetwork.dashboard.scope import VIEW_ALL_NETWORKS
from collective.migrationnetwork.dashboard.scope import network_brains
from collective.migrationnetwork.dashboard.stale import stale_profiles
from collective.migrationnetwork.stats import stats_root
from DateTime import DateTime
from plone import api
from zope.i18n import translate


def dashboard(context, period=None, now=None, language=None):
    """The dashboard's answer for the language root of ``context``, as a
    JSON-ready dict. ``period`` is a key of ``periods.parse_period``
    (raises ``PeriodError``); ``now`` fixes the clock for tests."""
    now = DateTime(now) if now is not None else DateTime()
    chosen = parse_period(period, now)
    root = stats_root(context)
    language = language or api.portal.get_current_language(root)
    networks = network_brains(root)
    everything = api.user.has_permission(VIEW_ALL_NETWORKS, obj=api.portal.get())
    answer = {
        "root": root.absolute_url(),
        "language": language,
        "now": counts.iso(now),
        "period": {
            "key": chosen.key,
            "title": translate(chosen.title, target_language=language),
            "start": counts.iso(chosen.start),
            "end": counts.iso(chosen.end),
            "choices": [
                {"key": key, "title": translate(title, target_language=language)}
                for key, title in period_choices(now)
            ],
        },
        "all_networks": everything,
        "networks": [
            network_figures(root, brain, chosen, now, language) for brain in networks
        ],
        "stale_profiles": stale_profiles(root, networks, now, language),
    }
    if everything:
        answer["newsletter"] = newsletter_figures(root, language)
    return answer
