"""A test layer with the demo content loaded once (for tests/demo)."""

from collective.migrationnetwork.demo import load_demo
from collective.migrationnetwork.testing import FIXTURE
from plone.app.testing import IntegrationTesting
from plone.app.testing import PloneSandboxLayer


class DemoLayer(PloneSandboxLayer):
    defaultBases = (FIXTURE,)

    def setUpPloneSite(self, portal):
        # What the load returned, for the tests: layer["demo_summary"].
        self["demo_summary"] = load_demo(portal)


DEMO_FIXTURE = DemoLayer()

DEMO_INTEGRATION_TESTING = IntegrationTesting(
    bases=(DEMO_FIXTURE,),
    name="CollectiveMigrationnetworkDemoLayer:IntegrationTesting",
)
