"""The permission matrix: who may do what, per type and workflow state.

This is the one table of expectations. ``test_matrix.py`` turns every cell
into a test, and ``scripts/render_permissions.py`` turns it into
``docs/permissions.md``. Plain data, no Plone import, so that the script
runs without Zope.

Each row is ``principal: (permissions, transitions)``: two strings of
space-separated short names, listing everything that principal may do in
that state. Whatever a row does not list is refused, and is tested as
refused: every permission column and every transition of the workflow is
checked for every principal.
"""

# Short name -> Zope permission title.
PERMISSIONS = {
    "view": "View",
    "access": "Access contents information",
    "list": "List folder contents",
    "modify": "Modify portal content",
    "delete": "Delete objects",
    "add": "Add portal content",
    "add_practice": "collective.migrationnetwork: Add Practice",
    "add_training": "collective.migrationnetwork: Add Training",
    "request_review": "Request review",
    "review": "Review portal content",
    "endorse_content": "collective.migrationnetwork: Endorse content",
    "checkout": "iterate : Check out content",
    "checkin": "iterate : Check in content",
    "manage_registrations": "collective.migrationnetwork: Manage registrations",
    "manage_team": "collective.migrationnetwork: Manage organisation team",
    "contact_details": "collective.migrationnetwork: View contact details",
    "send_newsletter": "collective.migrationnetwork: Send newsletter",
    "view_template": "Modify view template",
    "sharing": "Sharing page: Delegate roles",
    "local_roles": "Change local roles",
    "manage_membership": "collective.migrationnetwork: Manage network membership",
    "review_own_work": "collective.migrationnetwork: Review own work",
    "ask_update": "collective.migrationnetwork: Ask for a profile update",
}
# Only Site Administrators and Managers choose a view, share or change
# local roles (the team is the one door); every type's workflow says so.
ADMIN_ONLY = "view_template sharing local_roles"

# Principal -> (label, how the test layer makes one). The team roles live
# where the type's team works: see TEAM_HOME.
PRINCIPALS = {
    "anonymous": ("Anonymous", "not logged in"),
    "member": ("Member", "a logged-in user with no other role"),
    "owner": ("Owner", "local role Owner on the team's home"),
    "editor": ("Editor", "local role Editor on the team's home"),
    "contributor": ("Contributor", "local role Contributor on the team's home"),
    "reader": ("Reader", "local role Reader on the team's home"),
    "editors_group": (
        "Organisation editors",
        "a member of the organisation's editors group (editors_group_id)",
    ),
    "newsletter_editors": (
        "Newsletter editors",
        "a member of the newsletter-editors group",
    ),
    "coordinator": (
        "Coordinator",
        "a member of the coordinators group (coordinators_group_id) of the "
        "organisation's network; for a Network, of that network; for a "
        "Newsletter, of some network",
    ),
    "parent_coordinator": (
        "Coordinator of the parent network",
        "a member of the coordinators group of the parent of the "
        "organisation's network",
    ),
    "other_coordinator": (
        "Coordinator of another network",
        "a member of the coordinators group of an unrelated network",
    ),
    "reviewer": ("Reviewer", "the global role Reviewer"),
    "secretariat": (
        "Secretariat",
        "a member of the network-secretariat group",
    ),
    "site_admin": ("Site Administrator", "the global role Site Administrator"),
    "manager": ("Manager", "the global role Manager"),
}

ORGANISATION_PRINCIPALS = (
    "anonymous",
    "member",
    "owner",
    "editor",
    "contributor",
    "reader",
    "editors_group",
    "coordinator",
    "parent_coordinator",
    "other_coordinator",
    "reviewer",
    "secretariat",
    "site_admin",
    "manager",
)
NEWSLETTER_PRINCIPALS = (
    "anonymous",
    "member",
    "owner",
    "editor",
    "contributor",
    "reader",
    "newsletter_editors",
    "coordinator",
    "reviewer",
    "secretariat",
    "site_admin",
    "manager",
)
NETWORK_PRINCIPALS = (
    "anonymous",
    "member",
    "owner",
    "editor",
    "contributor",
    "reader",
    "coordinator",
    "other_coordinator",
    "reviewer",
    "secretariat",
    "site_admin",
    "manager",
)

# Where each type's Owner, Editor, Contributor and Reader hold their local
# role (the objects inherit it).
TEAM_HOME = {
    "Practice": "the Organisation that contains it",
    "Training": "the Organisation that contains it",
    "Organisation": "the Organisation itself",
    "Newsletter": "the newsletters section of the language root",
    "Network": "the Network itself",
}

NOTHING = ("", "")
PUBLIC = ("view access list", "")

# --- network_review_workflow: Practice and Training -------------------------

REVIEW_ALL = (
    "view access list modify delete add request_review review endorse_content "
    f"checkout checkin review_own_work {ADMIN_ONLY}"
)
TEAM_READS = ("view access list", "")

REVIEW_STATES = {
    "private": {
        "anonymous": NOTHING,
        "member": NOTHING,
        "owner": ("view access list modify delete add request_review", "submit"),
        "editor": ("view access list modify delete add request_review", "submit"),
        "contributor": ("view access list add", ""),
        "reader": TEAM_READS,
        "editors_group": (
            "view access list modify delete add request_review",
            "submit",
        ),
        "coordinator": NOTHING,
        "parent_coordinator": NOTHING,
        "other_coordinator": NOTHING,
        "reviewer": NOTHING,
        "secretariat": NOTHING,
        "site_admin": (REVIEW_ALL, "submit"),
        "manager": (REVIEW_ALL, "submit"),
    },
    "pending_coordinator": {
        "anonymous": NOTHING,
        "member": NOTHING,
        "owner": ("view access list request_review", "retract"),
        "editor": ("view access list request_review", "retract"),
        "contributor": TEAM_READS,
        "reader": TEAM_READS,
        "editors_group": ("view access list request_review", "retract"),
        "coordinator": (
            "view access list modify endorse_content",
            "endorse request_changes",
        ),
        "parent_coordinator": (
            "view access list modify endorse_content",
            "endorse request_changes",
        ),
        "other_coordinator": NOTHING,
        "reviewer": (
            "view access list modify review endorse_content checkin",
            "endorse publish request_changes",
        ),
        "secretariat": (
            "view access list modify review endorse_content checkin",
            "endorse publish request_changes",
        ),
        "site_admin": (REVIEW_ALL, "retract endorse publish request_changes"),
        "manager": (REVIEW_ALL, "retract endorse publish request_changes"),
    },
    "pending_network": {
        "anonymous": NOTHING,
        "member": NOTHING,
        "owner": ("view access list request_review", "retract"),
        "editor": ("view access list request_review", "retract"),
        "contributor": TEAM_READS,
        "reader": TEAM_READS,
        "editors_group": ("view access list request_review", "retract"),
        # First level only: once endorsed, the coordinator reads.
        "coordinator": ("view access list", ""),
        "parent_coordinator": ("view access list", ""),
        "other_coordinator": NOTHING,
        "reviewer": (
            "view access list modify review checkin",
            "publish request_changes",
        ),
        "secretariat": (
            "view access list modify review checkin",
            "publish request_changes",
        ),
        "site_admin": (REVIEW_ALL, "retract publish request_changes"),
        "manager": (REVIEW_ALL, "retract publish request_changes"),
    },
    "published": {
        "anonymous": PUBLIC,
        "member": PUBLIC,
        # The team proposes changes through a working copy.
        "owner": ("view access list checkout", ""),
        "editor": ("view access list checkout", ""),
        "contributor": PUBLIC,
        "reader": PUBLIC,
        "editors_group": ("view access list checkout", ""),
        "coordinator": PUBLIC,
        "parent_coordinator": PUBLIC,
        "other_coordinator": PUBLIC,
        # A check-out is created beside the original, where only the team
        # adds content; the secretariat checks copies in.
        "reviewer": (
            "view access list modify delete review checkin",
            "unpublish archive",
        ),
        "secretariat": (
            "view access list modify delete review checkin",
            "unpublish archive",
        ),
        "site_admin": (REVIEW_ALL, "unpublish archive"),
        "manager": (REVIEW_ALL, "unpublish archive"),
    },
    "archived": {
        "anonymous": PUBLIC,
        "member": PUBLIC,
        "owner": PUBLIC,
        "editor": PUBLIC,
        "contributor": PUBLIC,
        "reader": PUBLIC,
        "editors_group": PUBLIC,
        "coordinator": PUBLIC,
        "parent_coordinator": PUBLIC,
        "other_coordinator": PUBLIC,
        "reviewer": ("view access list review", "restore"),
        "secretariat": ("view access list review", "restore"),
        "site_admin": (REVIEW_ALL, "restore"),
        "manager": (REVIEW_ALL, "restore"),
    },
}

REVIEW = {
    "workflow": "network_review_workflow",
    "principals": ORGANISATION_PRINCIPALS,
    "permissions": REVIEW_ALL.split(),
    "transitions": [
        "submit",
        "retract",
        "endorse",
        "publish",
        "request_changes",
        "skip_endorsement",
        "unpublish",
        "archive",
        "restore",
    ],
    "states": REVIEW_STATES,
}

# --- organisation_workflow: Organisation ------------------------------------

ORG_ALL = (
    "view access list modify delete add add_practice add_training review "
    f"manage_registrations manage_team contact_details manage_membership ask_update {ADMIN_ONLY}"
)
# Contact persons are for logged-in members, in every state.
MEMBER_ONLY = ("contact_details", "")
MEMBER_READS = ("view access list contact_details", "")
TEAM_KEEPS_PROFILE = ("view access list modify contact_details", "")
ORG_COORDINATOR = (
    "view access list modify manage_registrations manage_team contact_details "
    "manage_membership ask_update",
    "",
)

ORGANISATION_STATES = {
    # An application: its coordinators and the secretariat decide.
    "applied": {
        "anonymous": NOTHING,
        "member": MEMBER_ONLY,
        "owner": MEMBER_ONLY,
        "editor": MEMBER_ONLY,
        "contributor": MEMBER_ONLY,
        "reader": MEMBER_ONLY,
        "editors_group": MEMBER_ONLY,
        "coordinator": (
            "view access list modify manage_registrations manage_team contact_details "
            "manage_membership ask_update",
            "approve decline",
        ),
        "parent_coordinator": (
            "view access list modify manage_registrations manage_team contact_details "
            "manage_membership ask_update",
            "approve decline",
        ),
        "other_coordinator": MEMBER_ONLY,
        "reviewer": (
            "view access list modify delete manage_registrations manage_team "
            "contact_details manage_membership ask_update",
            "approve decline",
        ),
        "secretariat": (
            "view access list modify delete manage_registrations manage_team "
            "contact_details manage_membership ask_update",
            "approve decline",
        ),
        "site_admin": (ORG_ALL, "approve decline"),
        "manager": (ORG_ALL, "approve decline"),
    },
    # A member: the team keeps its profile and adds practices and trainings.
    "active": {
        "anonymous": PUBLIC,
        "member": MEMBER_READS,
        "owner": (
            "view access list modify delete add add_practice add_training "
            "contact_details",
            "",
        ),
        "editor": (
            "view access list modify delete add add_practice add_training "
            "contact_details",
            "",
        ),
        "contributor": (
            "view access list add add_practice add_training contact_details",
            "",
        ),
        "reader": MEMBER_READS,
        "editors_group": (
            "view access list modify delete add add_practice add_training "
            "contact_details",
            "",
        ),
        "coordinator": ORG_COORDINATOR,
        "parent_coordinator": ORG_COORDINATOR,
        "other_coordinator": MEMBER_READS,
        "reviewer": (
            "view access list modify delete add review manage_registrations "
            "manage_team contact_details manage_membership ask_update",
            "deactivate",
        ),
        "secretariat": (
            "view access list modify delete add review manage_registrations "
            "manage_team contact_details manage_membership ask_update",
            "deactivate",
        ),
        "site_admin": (ORG_ALL, "deactivate"),
        "manager": (ORG_ALL, "deactivate"),
    },
    # Kept for the record: public, nothing new is added.
    "inactive": {
        "anonymous": PUBLIC,
        "member": MEMBER_READS,
        # The team keeps its profile up to date; it adds nothing new.
        "owner": TEAM_KEEPS_PROFILE,
        "editor": TEAM_KEEPS_PROFILE,
        "contributor": MEMBER_READS,
        "reader": MEMBER_READS,
        "editors_group": TEAM_KEEPS_PROFILE,
        "coordinator": ORG_COORDINATOR,
        "parent_coordinator": ORG_COORDINATOR,
        "other_coordinator": MEMBER_READS,
        "reviewer": (
            "view access list modify review manage_registrations manage_team "
            "contact_details manage_membership ask_update",
            "reactivate",
        ),
        "secretariat": (
            "view access list modify review manage_registrations manage_team "
            "contact_details manage_membership ask_update",
            "reactivate",
        ),
        "site_admin": (ORG_ALL, "reactivate"),
        "manager": (ORG_ALL, "reactivate"),
    },
    # A declined application, kept for the record.
    "declined": {
        "anonymous": NOTHING,
        "member": MEMBER_ONLY,
        "owner": MEMBER_ONLY,
        "editor": MEMBER_ONLY,
        "contributor": MEMBER_ONLY,
        "reader": MEMBER_ONLY,
        "editors_group": MEMBER_ONLY,
        "coordinator": (
            "view access list manage_team contact_details manage_membership ask_update",
            "",
        ),
        "parent_coordinator": (
            "view access list manage_team contact_details manage_membership ask_update",
            "",
        ),
        "other_coordinator": MEMBER_ONLY,
        "reviewer": (
            "view access list delete manage_team contact_details manage_membership ask_update",
            "",
        ),
        "secretariat": (
            "view access list delete manage_team contact_details manage_membership ask_update",
            "",
        ),
        "site_admin": (ORG_ALL, ""),
        "manager": (ORG_ALL, ""),
    },
}

ORGANISATION = {
    "workflow": "organisation_workflow",
    "principals": ORGANISATION_PRINCIPALS,
    "permissions": ORG_ALL.split(),
    "transitions": ["approve", "decline", "deactivate", "reactivate"],
    "states": ORGANISATION_STATES,
}

# --- newsletter_workflow: Newsletter ----------------------------------------

NEWSLETTER_ALL = (
    "view access list modify delete add request_review review send_newsletter "
    f"{ADMIN_ONLY}"
)
NEWSLETTER_WRITES = ("view access list modify delete add request_review", "submit")

NEWSLETTER_STATES = {
    "draft": {
        "anonymous": NOTHING,
        "member": NOTHING,
        "owner": NEWSLETTER_WRITES,
        "editor": NEWSLETTER_WRITES,
        "contributor": ("view access list add", ""),
        "reader": TEAM_READS,
        "newsletter_editors": NEWSLETTER_WRITES,
        "coordinator": NOTHING,
        "reviewer": ("view access list modify delete add", ""),
        "secretariat": ("view access list modify delete add", ""),
        "site_admin": (NEWSLETTER_ALL, "submit"),
        "manager": (NEWSLETTER_ALL, "submit"),
    },
    "pending": {
        "anonymous": NOTHING,
        "member": NOTHING,
        "owner": ("view access list request_review", "retract"),
        "editor": ("view access list request_review", "retract"),
        "contributor": TEAM_READS,
        "reader": TEAM_READS,
        "newsletter_editors": ("view access list request_review", "retract"),
        "coordinator": NOTHING,
        "reviewer": ("view access list modify review", "approve request_changes"),
        "secretariat": ("view access list modify review", "approve request_changes"),
        "site_admin": (NEWSLETTER_ALL, "retract approve request_changes"),
        "manager": (NEWSLETTER_ALL, "retract approve request_changes"),
    },
    "approved": {
        "anonymous": NOTHING,
        "member": NOTHING,
        "owner": TEAM_READS,
        "editor": TEAM_READS,
        "contributor": TEAM_READS,
        "reader": TEAM_READS,
        "newsletter_editors": TEAM_READS,
        "coordinator": NOTHING,
        "reviewer": ("view access list review send_newsletter", "send request_changes"),
        "secretariat": (
            "view access list review send_newsletter",
            "send request_changes",
        ),
        "site_admin": (NEWSLETTER_ALL, "send request_changes"),
        "manager": (NEWSLETTER_ALL, "send request_changes"),
    },
    # Sent: public in the archive, and immutable.
    "sent": {
        "anonymous": PUBLIC,
        "member": PUBLIC,
        "owner": PUBLIC,
        "editor": PUBLIC,
        "contributor": PUBLIC,
        "reader": PUBLIC,
        "newsletter_editors": PUBLIC,
        "coordinator": PUBLIC,
        "reviewer": PUBLIC,
        "secretariat": PUBLIC,
        "site_admin": (NEWSLETTER_ALL, ""),
        "manager": (NEWSLETTER_ALL, ""),
    },
}

NEWSLETTER = {
    "workflow": "newsletter_workflow",
    "principals": NEWSLETTER_PRINCIPALS,
    "permissions": NEWSLETTER_ALL.split(),
    "transitions": ["submit", "retract", "approve", "request_changes", "send"],
    "states": NEWSLETTER_STATES,
}

# --- network_workflow: Network ----------------------------------------------

NETWORK_ALL = f"view access list modify delete review {ADMIN_ONLY}"

NETWORK_STATES = {
    "private": {
        "anonymous": NOTHING,
        "member": NOTHING,
        "owner": ("view access list modify", ""),
        "editor": ("view access list modify", ""),
        "contributor": NOTHING,
        "reader": NOTHING,
        "coordinator": NOTHING,
        "other_coordinator": NOTHING,
        "reviewer": ("view access list modify delete review", "publish"),
        "secretariat": ("view access list modify delete review", "publish"),
        "site_admin": (NETWORK_ALL, "publish"),
        "manager": (NETWORK_ALL, "publish"),
    },
    "published": {
        "anonymous": PUBLIC,
        "member": PUBLIC,
        "owner": PUBLIC,
        "editor": ("view access list modify", ""),
        "contributor": PUBLIC,
        "reader": PUBLIC,
        "coordinator": PUBLIC,
        "other_coordinator": PUBLIC,
        "reviewer": ("view access list modify review", "retract"),
        "secretariat": ("view access list modify review", "retract"),
        "site_admin": (NETWORK_ALL, "retract"),
        "manager": (NETWORK_ALL, "retract"),
    },
}

NETWORK = {
    "workflow": "network_workflow",
    "principals": NETWORK_PRINCIPALS,
    "permissions": NETWORK_ALL.split(),
    "transitions": ["publish", "retract"],
    "states": NETWORK_STATES,
}

MATRIX = {
    "Practice": REVIEW,
    "Training": REVIEW,
    "Organisation": ORGANISATION,
    "Newsletter": NEWSLETTER,
    "Network": NETWORK,
}


# --- Registrations of a Training ------------------------------------------

# Held on a Training in every state of its workflow (the rolemap, acquired
# from its organisation's local roles): the list, approval, attendance and
# the export of its registrations, and its online meeting link.
REGISTRATION_PERMISSIONS = {
    "training_registrations": (
        "collective.migrationnetwork: Manage training registrations"
    ),
    "online_link": "collective.migrationnetwork: View online link",
}
ORGANISERS = "training_registrations online_link"
REGISTRATIONS = {
    "anonymous": "",
    "member": "",
    "owner": "online_link",
    "editor": ORGANISERS,
    "contributor": "online_link",
    "reader": "",
    "editors_group": ORGANISERS,
    "coordinator": ORGANISERS,
    "parent_coordinator": ORGANISERS,
    "other_coordinator": "",
    "reviewer": ORGANISERS,
    "secretariat": ORGANISERS,
    "site_admin": ORGANISERS,
    "manager": ORGANISERS,
}


# --- The site: the network dashboard ---------------------------------------

# Permissions held on the site, not in a workflow state.
SITE_PERMISSIONS = {
    "view_dashboard": "collective.migrationnetwork: View network dashboard",
    "view_all_networks": "collective.migrationnetwork: View every network's figures",
    "erase_personal_data": "collective.migrationnetwork: Erase personal data",
}
# The networks of the matrix site: the organisations' network, the one
# above it and an unrelated one, and one Network per workflow state (whose
# coordinators group the coordinator is in).
NETWORKS = {
    "network": "matrix-network",
    "parent": "matrix-parent",
    "other": "matrix-other",
    "network-private": "network-private",
    "network-published": "network-published",
}
EVERY = "every"
# Principal -> (site permissions, the networks whose figures the dashboard
# (@@network-dashboard, GET /@network-dashboard) shows them). A parent
# network's figures count the organisations of the networks below it.
DASHBOARD = {
    "anonymous": ("", ""),
    "member": ("", ""),
    "owner": ("", ""),
    "editor": ("", ""),
    "contributor": ("", ""),
    "reader": ("", ""),
    "editors_group": ("", ""),
    "newsletter_editors": ("", ""),
    "coordinator": ("view_dashboard", "network network-private network-published"),
    "parent_coordinator": ("view_dashboard", "parent"),
    "other_coordinator": ("view_dashboard", "other"),
    "reviewer": ("view_dashboard view_all_networks erase_personal_data", EVERY),
    "secretariat": ("view_dashboard view_all_networks erase_personal_data", EVERY),
    "site_admin": ("view_dashboard view_all_networks erase_personal_data", EVERY),
    "manager": ("view_dashboard view_all_networks erase_personal_data", EVERY),
}


def allowed(row):
    """The set of permission and transition names a row allows."""
    permissions, transitions = row
    return set(permissions.split()), set(transitions.split())


def cells():
    """Every cell of the matrix: (type, state, principal, kind, name,
    expected), kind being "permission" or "transition"."""
    for portal_type, spec in MATRIX.items():
        for state, rows in spec["states"].items():
            for principal in spec["principals"]:
                permissions, transitions = allowed(rows[principal])
                for name in spec["permissions"]:
                    yield (
                        portal_type,
                        state,
                        principal,
                        "permission",
                        name,
                        name in permissions,
                    )
                for name in spec["transitions"]:
                    yield (
                        portal_type,
                        state,
                        principal,
                        "transition",
                        name,
                        name in transitions,
                    )
