"""CORS policy whose allowed origins are a control-panel setting."""

from collective.migrationnetwork import SETTINGS_PREFIX
from plone import api
from plone.rest.cors import CORSPolicy


class NetworkCORSPolicy(CORSPolicy):
    """Let member websites read the API from a browser.

    Reading is enough for them, so only GET, HEAD and OPTIONS are allowed and
    credentials are never shared: a browser on another site cannot act with a
    logged-in user's cookie.
    """

    allow_credentials = False
    allow_methods = ["GET", "HEAD", "OPTIONS"]
    allow_headers = ["Accept", "Accept-Language", "Content-Type"]
    expose_headers = ["Content-Language", "Content-Length"]
    max_age = "3600"

    @property
    def allow_origin(self):
        origins = api.portal.get_registry_record(
            f"{SETTINGS_PREFIX}.cors_allowed_origins", default=None
        )
        return [o.strip().rstrip("/") for o in origins or [] if o.strip()]
