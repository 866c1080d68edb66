"""A test layer for the permission matrix: one object of every type in
every state of its workflow, and one user per principal of the matrix.

Everything is built once, when the layer is set up; the matrix tests only
read (permissions and available transitions), and the integration layer
rolls back each test anyway.
"""

from collective.migrationnetwork.roles.groups import NEWSLETTER_EDITORS_GROUP
from collective.migrationnetwork.roles.groups import SECRETARIAT_GROUP
from collective.migrationnetwork.roles.groups import coordinators_group_id
from collective.migrationnetwork.roles.groups import ensure_groups
from collective.migrationnetwork.testing import FIXTURE
from plone import api
from plone.app.testing import FunctionalTesting
from plone.app.testing import IntegrationTesting
from plone.app.testing import PloneSandboxLayer
from plone.testing.zope import WSGI_SERVER_FIXTURE
from z3c.relationfield import RelationValue
from zope.component import getUtility
from zope.intid.interfaces import IIntIds

import datetime
import pytz
import transaction


PASSWORD = "matrix-secret-123"

# The transitions that bring a new object from its initial state to each
# state, run as Manager (a comment where one is required).
PATHS = {
    "network_review_workflow": {
        "private": (),
        "pending_coordinator": ("submit",),
        "pending_network": ("submit", "endorse"),
        "published": ("submit", "publish"),
        "archived": ("submit", "publish", "archive"),
    },
    "organisation_workflow": {
        "applied": (),
        "active": ("approve",),
        "inactive": ("approve", "deactivate"),
        "declined": ("decline",),
    },
    "newsletter_workflow": {
        "draft": (),
        "pending": ("submit",),
        "approved": ("submit", "approve"),
        "sent": ("submit", "approve", "send"),
    },
    "network_workflow": {
        "private": (),
        "published": ("publish",),
    },
}


def bring_to(obj, workflow, state):
    wf_tool = api.portal.get_tool("portal_workflow")
    for transition in PATHS[workflow][state]:
        wf_tool.doActionFor(obj, transition, comment="Matrix set-up")
    assert api.content.get_state(obj) == state, (obj, state)
    return obj


def relation(obj):
    return RelationValue(getUtility(IIntIds).getId(obj))


def create(container, portal_type, id, **fields):
    return api.content.create(
        container=container, type=portal_type, id=id, title=id, **fields
    )


PRINCIPALS = (
    "member",
    "owner",
    "editor",
    "contributor",
    "reader",
    "editors_group",
    "newsletter_editors",
    "coordinator",
    "parent_coordinator",
    "other_coordinator",
    "reviewer",
    "secretariat",
    "site_admin",
    "manager",
)


def build_networks(root, objects):
    """The networks of the organisations (a network, its parent and an
    unrelated one) and one Network per state of its workflow."""
    networks = root["networks"]
    made = {}
    for key, fields in (
        ("parent", {}),
        ("network", {"parent_network": "parent"}),
        ("other", {}),
    ):
        fields = {name: relation(made[value]) for name, value in fields.items()}
        obj = create(networks, "Network", f"matrix-{key}", **fields)
        made[key] = bring_to(obj, "network_workflow", "published")
    for state in PATHS["network_workflow"]:
        obj = create(networks, "Network", f"network-{state}")
        objects["Network", state] = bring_to(obj, "network_workflow", state)
    return made


def build_organisations(root, network, objects):
    """One Organisation of ``network`` per state; practices and trainings
    in every state inside the active one."""
    for state in PATHS["organisation_workflow"]:
        obj = create(
            root["organisations"],
            "Organisation",
            f"organisation-{state}",
            kind="ngo",
            country="GR",
            city="Athens",
            networks=[relation(network)],
        )
        objects["Organisation", state] = bring_to(obj, "organisation_workflow", state)
    home = objects["Organisation", "active"]
    start = datetime.datetime.now(pytz.timezone("Europe/Athens"))
    start += datetime.timedelta(days=10)
    for state in PATHS["network_review_workflow"]:
        practice = create(
            home, "Practice", f"practice-{state}", kind="tool", status="planned"
        )
        objects["Practice", state] = bring_to(
            practice, "network_review_workflow", state
        )
        training = create(
            home,
            "Training",
            f"training-{state}",
            kind="webinar",
            format="online",
            start=start,
            end=start + datetime.timedelta(hours=2),
        )
        objects["Training", state] = bring_to(
            training, "network_review_workflow", state
        )


def build_newsletters(root, objects):
    for state in PATHS["newsletter_workflow"]:
        obj = create(root["newsletters"], "Newsletter", f"newsletter-{state}")
        objects["Newsletter", state] = bring_to(obj, "newsletter_workflow", state)


def build_users(root, networks, objects):
    """One user per principal, given their role the way the site gives it."""
    users = {"anonymous": None}
    for principal in PRINCIPALS:
        userid = f"matrix-{principal.replace('_', '-')}"
        api.user.create(
            email=f"{userid}@example.org", username=userid, password=PASSWORD
        )
        users[principal] = userid

    # The team: one local role each, where the type's team works.
    organisations = [
        obj for (kind, _state), obj in objects.items() if kind == "Organisation"
    ]
    network_objects = [
        obj for (kind, _state), obj in objects.items() if kind == "Network"
    ]
    homes = [*organisations, root["newsletters"], *network_objects]
    for role in ("Owner", "Editor", "Contributor", "Reader"):
        for obj in homes:
            api.user.grant_roles(username=users[role.lower()], obj=obj, roles=[role])

    # Groups, as the add-on creates and keeps them; the roles their members
    # get come from the add-on (its local-role adapter, its group set-up).
    # (An application has no editors group yet: made here to test it.)
    memberships = [("editors_group", ensure_groups(obj)) for obj in organisations]
    memberships += [
        ("newsletter_editors", NEWSLETTER_EDITORS_GROUP),
        ("secretariat", SECRETARIAT_GROUP),
        ("coordinator", coordinators_group_id(networks["network"])),
        ("parent_coordinator", coordinators_group_id(networks["parent"])),
        ("other_coordinator", coordinators_group_id(networks["other"])),
    ]
    memberships += [
        ("coordinator", coordinators_group_id(obj)) for obj in network_objects
    ]
    for principal, group_id in memberships:
        api.group.add_user(groupname=group_id, username=users[principal])

    api.user.grant_roles(username=users["reviewer"], roles=["Reviewer"])
    api.user.grant_roles(username=users["site_admin"], roles=["Site Administrator"])
    api.user.grant_roles(username=users["manager"], roles=["Manager"])
    return users


def build(portal, lang="el"):
    """Build the matrix site. Returns {"objects": {(type, state): path},
    "users": {principal: userid or None for Anonymous}}."""
    root = portal[lang]
    objects = {}
    with api.env.adopt_roles(["Manager"]):
        networks = build_networks(root, objects)
        build_organisations(root, networks["network"], objects)
        build_newsletters(root, objects)
        users = build_users(root, networks, objects)
    return {
        "objects": {
            key: "/".join(obj.getPhysicalPath()) for key, obj in objects.items()
        },
        "users": users,
    }


class MatrixLayer(PloneSandboxLayer):
    defaultBases = (FIXTURE,)

    def setUpPloneSite(self, portal):
        self["matrix"] = build(portal)
        # Commit while the site is still set: the commit of
        # PloneSandboxLayer comes after the site hook is reset, when the
        # indexing queue can no longer be processed, and it swallows the
        # error.
        transaction.commit()


MATRIX_FIXTURE = MatrixLayer()

MATRIX_INTEGRATION_TESTING = IntegrationTesting(
    bases=(MATRIX_FIXTURE,),
    name="CollectiveMigrationnetworkMatrixLayer:IntegrationTesting",
)

MATRIX_FUNCTIONAL_TESTING = FunctionalTesting(
    bases=(MATRIX_FIXTURE, WSGI_SERVER_FIXTURE),
    name="CollectiveMigrationnetworkMatrixLayer:FunctionalTesting",
)
