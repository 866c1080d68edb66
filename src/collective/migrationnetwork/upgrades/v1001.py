"""1000 -> 1001: the review workflows, the Coordinator role and working copies.

Sites made with profile 1000 had Plone's simple publication workflow on the
add-on's types. This step installs working copy support, imports the new
definitions and carries every item over to the matching state of its new
workflow, so that what was public stays public and drafts stay drafts.
"""

from collective.migrationnetwork import logger
from collective.migrationnetwork.workflows import PUBLIC_STATES
from DateTime import DateTime
from plone import api


PROFILE = "profile-collective.migrationnetwork:default"
STEPS = ("rolemap", "workflow", "catalog", "actions", "plone.app.registry")

# (portal_type, state under simple_publication_workflow) -> new state
STATE_MAP = {
    "pending": {
        "Practice": "pending_coordinator",
        "Training": "pending_coordinator",
        "Organisation": "applied",
        "Newsletter": "pending",
        "Network": "private",
    },
    "private": {
        "Practice": "private",
        "Training": "private",
        "Organisation": "applied",
        "Newsletter": "draft",
        "Network": "private",
    },
}


def new_state(portal_type, old_state):
    if old_state == "published":
        return PUBLIC_STATES[portal_type]
    return STATE_MAP.get(old_state, STATE_MAP["private"])[portal_type]


def carry_over(obj, workflow_tool):
    """Give ``obj`` a state in its new workflow from its old one."""
    (workflow,) = workflow_tool.getWorkflowsFor(obj)
    history = getattr(obj, "workflow_history", {}) or {}
    if history.get(workflow.getId()):
        return False
    old = (history.get("simple_publication_workflow") or [{}])[-1]
    state = new_state(obj.portal_type, old.get("review_state", "private"))
    workflow_tool.setStatusOf(
        workflow.getId(),
        obj,
        {
            "action": None,
            "review_state": state,
            "actor": old.get("actor") or "system",
            "comments": "Carried over from the simple publication workflow",
            "time": DateTime(),
        },
    )
    workflow.updateRoleMappingsFor(obj)
    obj.reindexObject()
    obj.reindexObjectSecurity()
    return True


def upgrade(setup_tool):
    if setup_tool.getLastVersionForProfile("plone.app.iterate:default") == "unknown":
        setup_tool.runAllImportStepsFromProfile("profile-plone.app.iterate:default")
    for step in STEPS:
        setup_tool.runImportStepFromProfile(PROFILE, step)
    workflow_tool = api.portal.get_tool("portal_workflow")
    catalog = api.portal.get_tool("portal_catalog")
    changed = 0
    for brain in catalog.unrestrictedSearchResults(portal_type=list(PUBLIC_STATES)):
        changed += carry_over(brain._unrestrictedGetObject(), workflow_tool)
    # Imported here: the roles package imports content modules.
    from collective.migrationnetwork.roles.groups import sync_groups

    sync_groups(api.portal.get())
    logger.info("Review workflows: %s items carried over", changed)
