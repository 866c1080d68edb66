"""The dashboard's setting, shown in the add-on's control panel (its
records live under the add-on's prefix, beside ``INetworkSettings``)."""

from collective.migrationnetwork import SETTINGS_PREFIX
from collective.migrationnetwork import _
from plone import api
from zope import schema
from zope.interface import Interface


DEFAULT_STALE_MONTHS = 12


class IDashboardSettings(Interface):
    stale_profile_months = schema.Int(
        title=_(
            "label_stale_profile_months", default="Profiles go stale after (months)"
        ),
        description=_(
            "help_stale_profile_months",
            default=(
                "An organisation whose profile or contact points were not "
                "verified for this many months is listed on the network "
                "dashboard, with a button to ask its editors to confirm them."
            ),
        ),
        default=DEFAULT_STALE_MONTHS,
        min=1,
        max=120,
        required=True,
    )


def stale_months():
    value = api.portal.get_registry_record(
        f"{SETTINGS_PREFIX}.stale_profile_months", default=None
    )
    return value if isinstance(value, int) and value > 0 else DEFAULT_STALE_MONTHS
