"""1010 -> 1011: the add-on's indexes as querystring criteria.

Imports the registry records ``plone.app.querystring.field.*`` of
``profiles/default/registry/querystring.xml``, so that collections and
Volto's listing and search blocks (``@querystring``) can filter by
thematic area, country, target group and the other classifications.
"""

from collective.migrationnetwork.upgrades.v1005 import PROFILE


def upgrade(setup_tool):
    setup_tool.runImportStepFromProfile(PROFILE, "plone.app.registry")
