"""collective.migrationnetwork: the portal of a migration network."""

from zope.i18nmessageid import MessageFactory

import logging


PACKAGE_NAME = "collective.migrationnetwork"

# Records of the add-on's settings are stored under this registry prefix.
SETTINGS_PREFIX = PACKAGE_NAME

_ = MessageFactory(PACKAGE_NAME)

logger = logging.getLogger(PACKAGE_NAME)

# The lexicon's pipeline elements must be registered before a catalog.xml
# that names them is imported, and before a stored lexicon is used.
from collective.migrationnetwork import lexicon  # noqa: E402, F401
