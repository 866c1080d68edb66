"""1002 -> 1003: the review chain cannot be walked around.

The step imports the new permission (*Manage network membership*) and the
workflows that keep sharing, local roles and display layouts to Site
Administrators, then applies the workflows' permissions to every item, and
records each account's current e-mail address as confirmed (a later change
waits for the new address to confirm it).
"""

from collective.migrationnetwork import logger
from plone import api


PROFILE = "profile-collective.migrationnetwork:default"
STEPS = ("rolemap", "workflow")


def upgrade(setup_tool):
    for step in STEPS:
        setup_tool.runImportStepFromProfile(PROFILE, step)
    count = api.portal.get_tool("portal_workflow").updateRoleMappings()
    logger.info("Upgrade 1003: permissions of %s items updated", count)
    from collective.migrationnetwork.accounts.email_change import record_all

    recorded = record_all(api.portal.get())
    logger.info("Upgrade 1003: the e-mail address of %s accounts recorded", recorded)
