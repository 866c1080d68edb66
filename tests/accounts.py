"""Accounts the tests log in with (importable from any test folder)."""

from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import SITE_OWNER_PASSWORD


ADMIN = (SITE_OWNER_NAME, SITE_OWNER_PASSWORD)
