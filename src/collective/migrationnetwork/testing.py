"""Test layers of the add-on (used by pytest-plone's fixtures_factory)."""

from plone.app.contenttypes.testing import PLONE_APP_CONTENTTYPES_FIXTURE
from plone.app.testing import FunctionalTesting
from plone.app.testing import IntegrationTesting
from plone.app.testing import PloneSandboxLayer
from plone.app.testing import applyProfile
from plone.supermodel.model import finalizeSchemas
from plone.testing.zope import WSGIServer

import collective.migrationnetwork
import os


# Translations are compiled from the .po files when Zope starts, as in an
# instance (see instance/etc/zope.conf).
os.environ.setdefault("zope_i18n_compile_mo_files", "true")


class Layer(PloneSandboxLayer):
    defaultBases = (PLONE_APP_CONTENTTYPES_FIXTURE,)

    def setUpZope(self, app, configurationContext):
        # plone.autoinclude is off in the test layers: load our ZCML, which
        # includes what it depends on.
        self.loadZCML(package=collective.migrationnetwork)
        # Schemas imported before the ZCML was loaded (e.g. by a test module
        # at collection) keep their directives (language independence, ...)
        # unapplied until finalised.
        finalizeSchemas()

    def setUpPloneSite(self, portal):
        # The site as the distribution makes it: the add-on, then the
        # portal layer (languages, sections, home page).
        applyProfile(portal, "collective.migrationnetwork:default")
        applyProfile(portal, "collective.migrationnetwork:portal")


FIXTURE = Layer()


class PlainLayer(PloneSandboxLayer):
    """A plain English Plone site with the add-on's code loaded but not
    installed, as an integrator's site is before they add it."""

    defaultBases = (PLONE_APP_CONTENTTYPES_FIXTURE,)

    def setUpZope(self, app, configurationContext):
        self.loadZCML(package=collective.migrationnetwork)
        finalizeSchemas()


PLAIN_FIXTURE = PlainLayer()


class GuardedWSGIServer(WSGIServer):
    """plone.testing's WSGI server with the filter of instance/etc/zope.ini's
    pipeline (``collective.migrationnetwork.wsgi``) in front of Zope."""

    def make_wsgi_app(self):
        from collective.migrationnetwork.wsgi import RequestGuard

        return RequestGuard(super().make_wsgi_app())


WSGI_SERVER_FIXTURE = GuardedWSGIServer(
    name="CollectiveMigrationnetworkLayer:WSGIServer"
)

INTEGRATION_TESTING = IntegrationTesting(
    bases=(FIXTURE,),
    name="CollectiveMigrationnetworkLayer:IntegrationTesting",
)

FUNCTIONAL_TESTING = FunctionalTesting(
    bases=(FIXTURE, WSGI_SERVER_FIXTURE),
    name="CollectiveMigrationnetworkLayer:FunctionalTesting",
)

PLAIN_WSGI_SERVER_FIXTURE = GuardedWSGIServer(
    name="CollectiveMigrationnetworkLayer:PlainWSGIServer"
)

PLAIN_FUNCTIONAL_TESTING = FunctionalTesting(
    bases=(PLAIN_FIXTURE, PLAIN_WSGI_SERVER_FIXTURE),
    name="CollectiveMigrationnetworkLayer:PlainFunctionalTesting",
)
