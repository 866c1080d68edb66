"""The registrations' setting, shown in the add-on's control panel (its
record lives under the add-on's prefix, beside ``INetworkSettings``)."""

from collective.migrationnetwork import SETTINGS_PREFIX
from collective.migrationnetwork import _
from plone import api
from zope import schema
from zope.interface import Interface


DEFAULT_RETENTION_MONTHS = 24


class IRegistrationSettings(Interface):
    registration_retention_months = schema.Int(
        title=_(
            "label_registration_retention_months",
            default="Registrations are anonymised after (months)",
        ),
        description=_(
            "help_registration_retention_months",
            default=(
                "The registrations of a training that ended this many months "
                "ago are anonymised: names, e-mail addresses, positions and "
                "needs are removed, the counts stay."
            ),
        ),
        default=DEFAULT_RETENTION_MONTHS,
        min=1,
        max=240,
        required=True,
    )


def retention_months():
    """The setting; its default on a site that lacks the record (a site
    not yet upgraded to 1012)."""
    value = api.portal.get_registry_record(
        f"{SETTINGS_PREFIX}.registration_retention_months", default=None
    )
    return value if isinstance(value, int) and value > 0 else DEFAULT_RETENTION_MONTHS
