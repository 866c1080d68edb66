"""What the feeds share: titles, addresses, the base view."""

from collective.migrationnetwork import _
from collective.migrationnetwork.search import SearchParameterError
from collective.migrationnetwork.services.network_search.errors import bad_request_json
from collective.migrationnetwork.services.network_search.serialize import current_url
from plone import api
from Products.Five import BrowserView
from zope.i18n import translate


# The section of a language root that lists each type, and its title.
SECTIONS = {
    "Practice": ("practices", _("section_practices", default="Practices")),
    "Training": ("trainings", _("section_trainings", default="Trainings")),
    "Newsletter": ("newsletters", _("section_newsletters", default="Newsletters")),
    "Organisation": (
        "organisations",
        _("section_organisations", default="Organisations"),
    ),
    "Network": ("networks", _("section_networks", default="Networks")),
}


def feed_title(context, result):
    """ "Practices, Trainings · Site" in the search's language."""
    names = [
        translate(SECTIONS[name][1], target_language=result.language)
        for name in result.params.portal_type
        if name in SECTIONS
    ]
    site = api.portal.get().Title()
    return " · ".join(part for part in (", ".join(names), site) if part)


def home_url(context, result):
    """The listing section of the feed's one type, else the language root."""
    root = api.portal.get_navigation_root(context)
    if len(result.params.portal_type) == 1:
        section_id = SECTIONS.get(result.params.portal_type[0], ("",))[0]
        section = root.get(section_id) if section_id else None
        if section is not None:
            return section.absolute_url()
    return root.absolute_url()


def translated(message, result):
    return translate(message, target_language=result.language)


def location(summary, result):
    """The place; "Online" (in the search's language) for online events,
    "<place> / Online" for hybrid ones."""
    place = summary.get("location") or ""
    kind = (summary.get("format") or {}).get("token")
    if kind in ("online", "hybrid"):
        online = translated(_("label_online", default="Online"), result)
        return f"{place} / {online}" if place else online
    return place


class FeedView(BrowserView):
    """Search with the request's parameters and render; a bad parameter is
    answered 400 with the JSON body of @network-search."""

    content_type = "text/plain"
    filename = None

    def __call__(self):
        try:
            result = self.search(self.request.form)
        except SearchParameterError as error:
            return bad_request_json(self.request, error)
        body = self.render(result)
        response = self.request.response
        response.setHeader("Content-Type", self.content_type)
        if self.filename:
            response.setHeader(
                "Content-Disposition",
                f'{self.disposition}; filename="{self.filename(result)}"',
            )
        return body

    disposition = "inline"

    def search(self, form):
        raise NotImplementedError

    def render(self, result):
        raise NotImplementedError

    @property
    def url(self):
        return current_url(self.request)
