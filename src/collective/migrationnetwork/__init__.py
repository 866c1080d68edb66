"""collective.migrationnetwork: the portal of a migration network."""

from zope.i18nmessageid import MessageFactory

import logging


PACKAGE_NAME = "collective.migrationnetwork"

_ = MessageFactory(PACKAGE_NAME)

logger = logging.getLogger(PACKAGE_NAME)
