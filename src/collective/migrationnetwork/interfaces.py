"""Module where all interfaces, events and exceptions live."""

from collective.migrationnetwork import _
from zope import schema
from zope.interface import Interface
from zope.publisher.interfaces.browser import IDefaultBrowserLayer


# Records of INetworkSettings are stored under this prefix in the registry.
SETTINGS_PREFIX = "collective.migrationnetwork"


class IBrowserLayer(IDefaultBrowserLayer):
    """Marker interface that defines a browser layer."""


class INetworkSettings(Interface):
    """Site-wide settings of the network portal, kept in the registry."""

    cors_allowed_origins = schema.List(
        title=_(
            "label_cors_allowed_origins", default="Origins allowed to read the API"
        ),
        description=_(
            "help_cors_allowed_origins",
            default=(
                "Web sites (scheme, host and port, e.g. https://www.athens.gr) "
                "that may read the portal's REST API from a browser. "
                "A single * allows every origin. Credentials are never shared."
            ),
        ),
        value_type=schema.ASCIILine(),
        default=["*"],
        required=False,
    )
