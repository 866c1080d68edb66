"""The default view of an Organisation: its profile and what it does."""

from collective.migrationnetwork.browser.views.base import ContentView
from collective.migrationnetwork.browser.views.facts import brain_link
from collective.migrationnetwork.content.organisation import VIEW_CONTACT_DETAILS
from collective.migrationnetwork.content.organisation import IOrganisation
from DateTime import DateTime
from plone import api
from plone.autoform.interfaces import READ_PERMISSIONS_KEY
from plone.memoize.view import memoize
from plone.supermodel.utils import mergedTaggedValueDict
from zope.component import queryUtility
from zope.security.interfaces import IPermission


PROFILE = (
    "kind",
    "country",
    "city",
    "address",
    "website",
    "email",
    "phone",
    "languages",
    "thematic_areas",
)
MEMBERSHIP = ("networks", "network_role", "joined")


def read_permission(schema, name, default):
    """The Zope permission (its title, which checkPermission wants) that
    guards reading field ``name`` of ``schema``."""
    permissions = mergedTaggedValueDict(schema, READ_PERMISSIONS_KEY)
    permission_id = permissions.get(name, default)
    permission = queryUtility(IPermission, permission_id)
    return permission.title if permission is not None else permission_id


class OrganisationView(ContentView):
    """Profile, networks, published practices, upcoming trainings, contacts."""

    def text(self):
        return self.html("text")

    def logo(self):
        return self.image_tag("logo")

    def profile(self):
        return self.reader.facts(*((IOrganisation, name) for name in PROFILE))

    def membership(self):
        return self.reader.facts(*((IOrganisation, name) for name in MEMBERSHIP))

    @memoize
    def may_see_contacts(self):
        """Personal contact data are for logged-in network members only."""
        permission = read_permission(
            IOrganisation, "contact_points", VIEW_CONTACT_DETAILS
        )
        return bool(api.user.has_permission(permission, obj=self.context))

    def contact_points(self):
        """The contact points, or nothing at all without the permission."""
        if not self.may_see_contacts():
            return []
        result = []
        for row in self.context.contact_points or ():
            verified = row.get("verified")
            result.append(
                {
                    "role": row.get("role") or "",
                    "name": row.get("name") or "",
                    "email": row.get("email") or "",
                    "phone": row.get("phone") or "",
                    "verified": self.reader.date(verified) if verified else "",
                }
            )
        return result

    def has_contact_points(self):
        return bool(self.context.contact_points)

    def _query(self, portal_type, **query):
        catalog = api.portal.get_tool("portal_catalog")
        return catalog(
            portal_type=portal_type,
            organisation=api.content.get_uuid(self.context),
            review_state="published",
            **query,
        )

    @memoize
    def practices(self):
        """Published practices led by the organisation, from the catalogue."""
        brains = self._query("Practice", sort_on="sortable_title")
        return [self._brain_item(brain, "practice_kinds") for brain in brains]

    @memoize
    def trainings(self):
        """Published trainings that have not ended yet, soonest first."""
        query = {"end": {"query": DateTime(), "range": "min"}, "sort_on": "start"}
        result = []
        for brain in self._query("Training", **query):
            item = self._brain_item(brain, "training_kinds")
            item["when"] = self.date_range(brain.start, brain.end)
            result.append(item)
        return result

    def _brain_item(self, brain, kinds):
        """A link with the translated kind, all read from the brain."""
        item = brain_link(brain)
        vocabulary = f"collective.migrationnetwork.{kinds}"
        item["kind"] = (
            self.reader.term_title(vocabulary, brain.kind) if brain.kind else ""
        )
        return item
