"""Queue entries: what a reviewer needs to know of each waiting item, read
from catalogue metadata and the workflow definitions (never from the item
itself)."""

from collective.migrationnetwork import _
from collective.migrationnetwork.workflows import PUBLIC_STATES
from plone import api
from zope.i18n import translate


# Transitions an author runs on their own item: never offered in a queue.
AUTHOR_PERMISSION = "Request review"

WAITS_FOR_TITLES = {
    "coordinator": _("label_waits_for_coordinator", default="Coordinator"),
    "secretariat": _("label_waits_for_secretariat", default="Secretariat"),
    "author": _("label_waits_for_author", default="Changes requested"),
}


class QueueEntries:
    """Turns catalogue brains into queue entries; looks each network, user
    and workflow up once per queue."""

    def __init__(self, request):
        self.request = request
        self.catalog = api.portal.get_tool("portal_catalog")
        self.workflow = api.portal.get_tool("portal_workflow")
        self.types = api.portal.get_tool("portal_types")
        self._titles = {}
        self._users = {}

    def translate(self, message, domain="plone"):
        return translate(message, domain=domain, context=self.request)

    def entry(self, brain, waits_for, roles):
        url = brain.getURL()
        working_copy = bool(brain.is_working_copy)
        baseline = self.item_by_uid(brain.working_copy_of) if working_copy else None
        return {
            "@id": url,
            "UID": brain.UID,
            "title": brain.Title,
            "portal_type": brain.portal_type,
            "type_title": self.type_title(brain.portal_type),
            "review_state": brain.review_state,
            "review_state_title": self.state_title(brain),
            "organisation_title": brain.organisation_title or None,
            "network_titles": self.network_titles(brain.networks),
            "since": brain.review_state_date,
            "last_action": brain.review_last_action or None,
            "submitted_by": self.user_info(brain.review_submitter or brain.Creator),
            "waits_for": waits_for,
            "waits_for_title": self.translate(
                WAITS_FOR_TITLES[waits_for], domain="collective.migrationnetwork"
            ),
            "is_working_copy": working_copy,
            "working_copy_of": baseline,
            "actions": self.actions(brain, url, roles, working_copy),
        }

    def type_title(self, portal_type):
        fti = self.types.get(portal_type)
        if fti is None:
            return portal_type
        return self.translate(fti.Title(), domain=fti.i18n_domain or "plone")

    def workflow_of(self, portal_type):
        chain = self.workflow.getChainForPortalType(portal_type)
        return self.workflow.getWorkflowById(chain[0]) if chain else None

    def state_title(self, brain):
        workflow = self.workflow_of(brain.portal_type)
        state = workflow.states.get(brain.review_state) if workflow else None
        return self.translate(state.title if state else brain.review_state)

    def titles(self, uids):
        missing = [uid for uid in uids if uid not in self._titles]
        if missing:
            for brain in self.catalog.unrestrictedSearchResults(UID=missing):
                self._titles[brain.UID] = (brain.Title, brain.getURL())
        return [self._titles[uid] for uid in uids if uid in self._titles]

    def network_titles(self, uids):
        return [title for title, url in self.titles(list(uids or ()))]

    def item_by_uid(self, uid):
        found = self.titles([uid]) if uid else []
        if not found:
            return None
        title, url = found[0]
        return {"@id": url, "title": title}

    def user_info(self, userid):
        if not userid:
            return None
        if userid not in self._users:
            user = api.user.get(userid=userid)
            fullname = user.getProperty("fullname", "") if user is not None else ""
            self._users[userid] = {"id": userid, "fullname": fullname or userid}
        return self._users[userid]

    def actions(self, brain, url, roles, working_copy):
        """Links to the transitions the reviewer may run from here, read from
        the workflow definition (state permissions and the site's role map),
        not from the object. The transition form checks them again."""
        if roles is None:
            return [self._edit_action(url)]
        workflow = self.workflow_of(brain.portal_type)
        state = workflow.states.get(brain.review_state) if workflow else None
        if state is None:
            return []
        public_state = PUBLIC_STATES.get(brain.portal_type)
        result = []
        for transition_id in state.transitions:
            transition = workflow.transitions.get(transition_id)
            if transition is None or not self._may(state, transition, roles):
                continue
            if working_copy and transition.new_state_id == public_state:
                # A working copy is not published: it is checked in.
                result.append(self._checkin_action(url))
                continue
            result.append(
                {
                    "id": transition_id,
                    "title": self.translate(
                        transition.actbox_name or transition.title or transition_id
                    ),
                    "url": f"{url}/@@review-transition?workflow_action={transition_id}",
                }
            )
        return result

    def _may(self, state, transition, roles):
        guard = transition.getGuard()
        permissions = guard.permissions or ()
        if not permissions or set(permissions) == {AUTHOR_PERMISSION}:
            return False
        return any(set(self._roles_of(state, p)) & roles for p in permissions)

    def _roles_of(self, state, permission):
        roles = (state.permission_roles or {}).get(permission)
        if roles is None or isinstance(roles, list):
            # Acquired: the site's role map says.
            portal = api.portal.get()
            acquired = [
                r["name"] for r in portal.rolesOfPermission(permission) if r["selected"]
            ]
            roles = list(roles or ()) + acquired
        return roles

    def _checkin_action(self, url):
        return {
            "id": "checkin",
            "title": self.translate(
                _("label_check_in", default="Check in"), "collective.migrationnetwork"
            ),
            "url": f"{url}/@@content-checkin",
        }

    def _edit_action(self, url):
        return {
            "id": "edit",
            "title": self.translate("Edit"),
            "url": f"{url}/edit",
        }
