"""The default view of a Practice: the write-up, the facts, the connections."""

from collective.migrationnetwork.browser.views.base import ContentView
from collective.migrationnetwork.content.practice import SECTIONS
from collective.migrationnetwork.content.practice import IPractice
from plone.memoize.view import memoize


FACTS = (
    "kind",
    "status",
    "start_date",
    "end_date",
    "place",
    "thematic_areas",
    "target_groups",
    "countries",
    "geographic_scope",
    "funding_sources",
    "budget",
    "gcm_objectives",
    "evaluation_kind",
)


class PracticeView(ContentView):
    """Every filled section in order, classification, indicators, relations."""

    @memoize
    def sections(self):
        """The filled rich text sections, in the order of ``SECTIONS``."""
        result = []
        for name, label in SECTIONS:
            html = self.html(name)
            if html:
                result.append(
                    {"name": name, "label": self.translate(label), "html": html}
                )
        return result

    def facts(self):
        return self.reader.facts(*((IPractice, name) for name in FACTS))

    def indicators(self):
        rows = self.context.indicators or ()
        return [
            {
                "name": row.get("name") or "",
                "value": row.get("value") or "",
                "unit": row.get("unit") or "",
            }
            for row in rows
            if row.get("name") or row.get("value")
        ]

    def partners(self):
        return self.related("partners")

    def inspired_by(self):
        return self.related("inspired_by")

    @memoize
    def replicated_in(self):
        """Practices inspired by this one: the reverse of ``inspired_by``."""
        return self.back_related("inspired_by")
