"""Which subscribers an issue goes to.

An issue's segment is three lists: languages, thematic areas, countries
(the ``segment_*`` fields of the Newsletter). An empty list does not
restrict. A subscriber matches when, for every non-empty list of the
segment, they share at least one value with it; a subscriber who chose no
thematic area (or no country) follows the whole newsletter and so matches
any thematic (or country) segment.
"""

from Acquisition import aq_base
from collective.migrationnetwork.newsletter.store import CONFIRMED
from dataclasses import dataclass
from dataclasses import field


@dataclass(frozen=True)
class Segment:
    languages: frozenset = field(default_factory=frozenset)
    thematic_areas: frozenset = field(default_factory=frozenset)
    countries: frozenset = field(default_factory=frozenset)

    @classmethod
    def of(cls, languages=(), thematic_areas=(), countries=()):
        return cls(
            frozenset(languages or ()),
            frozenset(thematic_areas or ()),
            frozenset(countries or ()),
        )

    @classmethod
    def of_issue(cls, issue):
        issue = aq_base(issue)
        return cls.of(
            getattr(issue, "segment_languages", None),
            getattr(issue, "segment_thematic_areas", None),
            getattr(issue, "segment_countries", None),
        )

    @property
    def everyone(self):
        return not (self.languages or self.thematic_areas or self.countries)


def _overlaps(wanted, chosen):
    return not wanted or not chosen or bool(wanted.intersection(chosen))


def matches(segment, subscriber):
    """True if ``subscriber`` (language, thematic_areas, countries) is in
    ``segment``."""
    if segment.languages and subscriber.language not in segment.languages:
        return False
    return _overlaps(segment.thematic_areas, subscriber.thematic_areas) and (
        _overlaps(segment.countries, subscriber.countries)
    )


def recipients(store, segment):
    """The confirmed subscribers of ``store`` in ``segment``."""
    return [s for s in store.values(CONFIRMED) if matches(segment, s)]
