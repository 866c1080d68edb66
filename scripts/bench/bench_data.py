"""Generated content for the benchmark: one plan, two sites.

``make_plan(size)`` draws organisations with their practices and trainings
until ``size`` objects (every language version counts) are planned, in the
proportions of a real network: mostly Greek organisations, mostly
municipalities and NGOs, about ten practices and six trainings each, a
third of the organisations in both languages with half of their items
translated.

``OursBuilder`` creates the plan in a portal with the add-on (Organisations,
Practices and Trainings in ``/{lang}/organisations/``); ``VanillaBuilder``
creates the same number of objects in a plain Plone site, in the same
folder shape (a Folder per organisation holding Documents for practices and
News Items for trainings), with the same texts. Both create objects
directly (``createContent`` and ``_setObject``, so that every subscriber of
the add-on and of Plone runs), set the public state in the workflow history
instead of running transitions, index each object once (the indexing queue
merges the add and the state change) and commit in batches.
"""

from dataclasses import dataclass
from dataclasses import field
from DateTime import DateTime
from OFS.event import ObjectWillBeAddedEvent
from plone import api
from plone.app.multilingual.interfaces import ATTRIBUTE_NAME as TG_ATTRIBUTE
from plone.app.textfield import RichTextValue
from plone.dexterity.utils import createContent
from z3c.relationfield import RelationValue
from zope.component import getUtility
from zope.event import notify
from zope.intid.interfaces import IIntIds
from zope.lifecycleevent import ObjectAddedEvent

import datetime
import pytz
import random
import transaction


LANGUAGES = ("el", "en")
BATCH = 500
TIMEZONE = pytz.timezone("Europe/Athens")

COUNTRIES = {
    "GR": 45, "CY": 12, "IT": 8, "ES": 6, "MT": 4, "FR": 3, "PT": 3,
    "HR": 2, "SI": 2, "DE": 3, "TR": 3, "LB": 2, "JO": 2, "EG": 2,
    "TN": 2, "MA": 1,
}  # fmt: skip
CITIES = {
    "GR": ("Αθήνα", "Θεσσαλονίκη", "Λάρισα", "Ιωάννινα", "Τρίκαλα", "Ηράκλειο"),
    "CY": ("Λευκωσία", "Πάφος", "Λεμεσός", "Λάρνακα"),
}
ORGANISATION_KINDS = {
    "municipality": 40, "ngo": 30, "university": 8, "international": 5,
    "regional_authority": 5, "national_authority": 3,
    "migrant_association": 6, "other": 3,
}  # fmt: skip
PRACTICE_KINDS = {
    "good_practice": 40, "promising_practice": 25, "pilot_project": 20,
    "policy": 8, "tool": 7,
}  # fmt: skip
PRACTICE_STATUSES = {"planned": 10, "ongoing": 50, "completed": 40}
THEMATIC_AREAS = (
    "labour_market", "education", "language_learning", "housing", "health",
    "social_inclusion", "civic_participation", "intercultural_dialogue",
    "governance", "reception", "voluntary_return", "information_counselling",
    "local_capacity", "children_minors", "gender_equality",
)  # fmt: skip
TARGET_GROUPS = (
    "third_country_nationals", "international_protection", "asylum_seekers",
    "returnees", "unaccompanied_minors", "women", "youth", "local_community",
    "professionals",
)  # fmt: skip
TRAINING_KINDS = {
    "training_course": 25, "webinar": 30, "workshop": 20, "seminar": 10,
    "study_visit": 6, "coordination_meeting": 5, "conference": 4,
}  # fmt: skip
TRAINING_FORMATS = {"in_person": 45, "online": 40, "hybrid": 15}
AUDIENCES = (
    "municipal_staff", "ngo_staff", "policy_makers", "volunteers",
    "migrants_refugees", "general_public",
)  # fmt: skip
FUNDING = ("amif", "esf_plus", "erdf", "eea_norway", "national", "municipal")
GEOGRAPHIC_SCOPES = {"local": 60, "regional": 20, "national": 15, "transnational": 5}
EVALUATION_KINDS = {"none": 30, "internal": 40, "external": 20, "participatory": 10}
# Rich text sections of a practice: (name, fewest, most characters, share
# of practices that fill it in).
PRACTICE_SECTIONS = (
    ("context", 400, 1500, 1.0),
    ("objectives", 200, 700, 1.0),
    ("activities", 500, 2000, 1.0),
    ("results", 300, 1200, 0.8),
    ("evaluation", 200, 800, 0.5),
    ("transferability", 200, 800, 0.7),
    ("lessons_learned", 200, 700, 0.5),
    ("resources", 100, 400, 0.4),
)
# The networks of the generated organisations: id, scope, countries.
NETWORKS = (
    ("cities-network", "national", ("GR",)),
    ("cyprus-network", "transnational", ("CY", "IT", "MT", "SI")),
    ("mediterranean-return-network", "transnational", ("GR", "CY", "IT", "MT")),
    ("includ-eu", "transnational", ("GR", "CY", "ES", "IT", "MT", "SI")),
)


def weighted(rng, weights):
    return rng.choices(tuple(weights), weights=tuple(weights.values()))[0]


def some(rng, values, fewest, most):
    """Between ``fewest`` and ``most`` values, the first ones more often
    (weight 1/rank), without repeats, in vocabulary order."""
    count = rng.randint(fewest, most)
    weights = [1.0 / rank for rank in range(1, len(values) + 1)]
    chosen = set()
    while len(chosen) < count:
        chosen.add(rng.choices(values, weights=weights)[0])
    return [value for value in values if value in chosen]


@dataclass
class Planned:
    """One item, in one or both languages; ``seed`` makes its texts."""

    portal_type: str
    id: str
    languages: tuple
    seed: int
    values: dict = field(default_factory=dict)
    sizes: dict = field(default_factory=dict)
    children: list = field(default_factory=list)


def plan_practice(rng, number, organisation, languages):
    sizes = {
        name: rng.randint(fewest, most)
        for name, fewest, most, share in PRACTICE_SECTIONS
        if rng.random() < share
    }
    sizes["description"] = rng.randint(120, 350)
    countries = [organisation.values["country"]]
    if rng.random() < 0.1:
        countries.append(weighted(rng, COUNTRIES))
    start = datetime.date(2015, 1, 1) + datetime.timedelta(days=rng.randint(0, 3800))
    return Planned(
        "Practice",
        f"practice-{number:06d}",
        languages,
        rng.getrandbits(32),
        values={
            "kind": weighted(rng, PRACTICE_KINDS),
            "status": weighted(rng, PRACTICE_STATUSES),
            "start_date": start,
            "end_date": start + datetime.timedelta(days=rng.randint(90, 1500)),
            "thematic_areas": some(rng, THEMATIC_AREAS, 1, 3),
            "target_groups": some(rng, TARGET_GROUPS, 1, 3),
            "countries": sorted(set(countries)),
            "geographic_scope": weighted(rng, GEOGRAPHIC_SCOPES),
            "gcm_objectives": [f"gcm{n:02d}" for n in sorted(rng.sample(range(1, 24), rng.randint(0, 3)))],
            "funding_sources": some(rng, FUNDING, 1, 2),
            "evaluation_kind": weighted(rng, EVALUATION_KINDS),
        },
        sizes=sizes,
    )  # fmt: skip


def plan_training(rng, number, languages):
    start = TIMEZONE.localize(
        datetime.datetime(2023, 1, 1, rng.choice((9, 10, 11, 14, 17)))
        + datetime.timedelta(days=rng.randint(0, 1460))
    )
    return Planned(
        "Training",
        f"training-{number:06d}",
        languages,
        rng.getrandbits(32),
        values={
            "kind": weighted(rng, TRAINING_KINDS),
            "format": weighted(rng, TRAINING_FORMATS),
            "start": start,
            "end": start + datetime.timedelta(hours=rng.choice((1, 2, 3, 8, 32))),
            "audience": some(rng, AUDIENCES, 1, 3),
            "languages": list(languages),
            "thematic_areas": some(rng, THEMATIC_AREAS, 1, 2),
            "capacity": rng.choice((None, 20, 30, 50, 100)),
            "registration_open": rng.random() < 0.3,
        },
        sizes={"description": rng.randint(150, 600)},
    )


def make_plan(size, seed=1):
    """The organisations to create (``Planned``, with their practices and
    trainings as children), ``size`` objects in all."""
    rng = random.Random(seed)
    organisations, total, practices, trainings = [], 0, 0, 0
    while total < size:
        home = "el" if rng.random() < 0.7 else "en"
        languages = LANGUAGES if rng.random() < 0.35 else (home,)
        country = weighted(rng, COUNTRIES)
        networks = [
            name
            for name, _scope, countries in NETWORKS
            if country in countries and rng.random() < 0.5
        ]
        organisation = Planned(
            "Organisation",
            f"org-{len(organisations) + 1:05d}",
            languages,
            rng.getrandbits(32),
            values={
                "kind": weighted(rng, ORGANISATION_KINDS),
                "country": country,
                "city": rng.choice(CITIES.get(country, ("",))) or None,
                "networks": networks,
                "network_role": "member",
                "thematic_areas": some(rng, THEMATIC_AREAS, 2, 5),
                "languages": list(languages),
            },
            sizes={"description": rng.randint(100, 300), "text": rng.randint(500, 2000)},
        )  # fmt: skip
        total += len(languages)
        organisations.append(organisation)
        for _ in range(rng.randint(3, 17)):
            if total >= size:
                break
            practices += 1
            both = len(languages) == 2 and rng.random() < 0.5
            item_languages = languages if both else (home,)
            item_languages = item_languages[: size - total]
            organisation.children.append(
                plan_practice(rng, practices, organisation, item_languages)
            )
            total += len(item_languages)
        for _ in range(rng.randint(1, 11)):
            if total >= size:
                break
            trainings += 1
            both = len(languages) == 2 and rng.random() < 0.5
            item_languages = (languages if both else (home,))[: size - total]
            organisation.children.append(plan_training(rng, trainings, item_languages))
            total += len(item_languages)
    return organisations


def count(plan):
    found = {}
    for organisation in plan:
        for item in (organisation, *organisation.children):
            found[item.portal_type] = found.get(item.portal_type, 0) + len(
                item.languages
            )
    return found


class Texts:
    """The texts of a planned item in a language: the same in both sites."""

    def __init__(self, vocabularies):
        self.vocabularies = vocabularies

    def __call__(self, item, language):
        vocabulary = self.vocabularies[language]
        vocabulary.rng.seed(item.seed * 7 + LANGUAGES.index(language))
        texts = {"title": vocabulary.title()}
        for name, size in item.sizes.items():
            if name == "description":
                texts[name] = vocabulary.text(size)
            else:
                texts[name] = vocabulary.html(size)
        return texts


def richtext(html):
    return RichTextValue(html, "text/html", "text/x-html-safe")


def dates(rng):
    """Creation and modification dates spread over the last six years."""
    created = DateTime() - rng.uniform(30, 6 * 365)
    modified = created + rng.uniform(0, 20)
    return created, modified


class Builder:
    """Creates objects directly and commits every ``BATCH`` of them."""

    def __init__(self, portal, texts, seed=1, batch=BATCH):
        self.portal = portal
        self.texts = texts
        self.rng = random.Random(seed)
        self.batch = batch
        self.workflow = api.portal.get_tool("portal_workflow")
        self.created = 0
        self.pending = 0

    def add(self, container, portal_type, object_id, state, **values):
        obj = createContent(portal_type, id=object_id, **values)
        # The events of _setObject but the container's modification: on a
        # translated organisation, that makes plone.app.multilingual copy
        # its language-independent fields to the translation and reindex
        # it, at every item added (three indexings per item instead of one).
        notify(ObjectWillBeAddedEvent(obj, container, object_id))
        container._setObject(object_id, obj, suppress_events=True)
        obj = container._getOb(object_id)
        notify(ObjectAddedEvent(obj, container, object_id))
        self.set_state(obj, state)
        created, modified = dates(self.rng)
        obj.creation_date = created
        obj.modification_date = modified
        obj.effective_date = modified
        # Queued: merged with the add's indexing, so indexed once.
        obj.reindexObject()
        self.created += 1
        self.pending += 1
        if self.pending >= self.batch:
            self.commit()
        return obj

    def set_state(self, obj, state):
        for workflow in self.workflow.getWorkflowsFor(obj):
            self.workflow.setStatusOf(
                workflow.getId(),
                obj,
                {
                    "action": "publish",
                    "actor": "admin",
                    "comments": "",
                    "review_state": state,
                    "time": DateTime(),
                },
            )
            workflow.updateRoleMappingsFor(obj)

    def commit(self):
        transaction.commit()
        self.portal._p_jar.cacheGC()
        self.pending = 0

    def build(self, plan):
        for organisation in plan:
            self.organisation(organisation)
        self.commit()
        return self.created


class OursBuilder(Builder):
    """The plan as the add-on's content, in ``/{lang}/organisations``."""

    def __init__(self, portal, texts, seed=1, batch=BATCH):
        super().__init__(portal, texts, seed, batch)
        self.intids = getUtility(IIntIds)
        self.networks = {}

    def make_networks(self):
        for name, scope, countries in NETWORKS:
            group = None
            for language in LANGUAGES:
                container = self.portal[language]["networks"]
                if name in container:
                    network = container[name]
                else:
                    network = self.add(
                        container,
                        "Network",
                        name,
                        "published",
                        title=f"{name.replace('-', ' ').title()} ({language})",
                        language=language,
                        scope=scope,
                        countries=list(countries),
                        **({TG_ATTRIBUTE: group} if group else {}),
                    )
                group = getattr(network, TG_ATTRIBUTE)
                self.networks[name, language] = self.intids.getId(network)
        self.commit()

    def values(self, item, language):
        texts = self.texts(item, language)
        values = dict(item.values, title=texts["title"], language=language)
        values["description"] = texts["description"]
        for name, html in texts.items():
            if name not in ("title", "description"):
                values[name] = richtext(html)
        return values

    def organisation(self, item):
        group = None
        for language in item.languages:
            values = self.values(item, language)
            values["networks"] = [
                RelationValue(self.networks[name, language])
                for name in item.values["networks"]
            ]
            if group:
                values[TG_ATTRIBUTE] = group
            organisation = self.add(
                self.portal[language]["organisations"],
                "Organisation",
                item.id,
                "active",
                **values,
            )
            group = getattr(organisation, TG_ATTRIBUTE)
        for child in item.children:
            self.child(item, child)

    def child(self, organisation, item):
        group = None
        for language in item.languages:
            container = self.portal[language]["organisations"][organisation.id]
            values = self.values(item, language)
            if group:
                values[TG_ATTRIBUTE] = group
            obj = self.add(container, item.portal_type, item.id, "published", **values)
            group = getattr(obj, TG_ATTRIBUTE)


class VanillaBuilder(Builder):
    """The plan as Folders, Documents and News Items of a plain Plone site,
    in ``/{lang}/organisations`` Folders."""

    TYPES = {"Practice": "Document", "Training": "News Item"}
    POLICY = "at_edit_autoversion"

    def build(self, plan):
        """Plone versions Documents and News Items as they are added; the
        initial versions would double the generation time and are never
        read by the benchmark, so the policy is off while generating and
        back on for the measured writes."""
        repository = api.portal.get_tool("portal_repository")
        versioned = [
            portal_type
            for portal_type in self.TYPES.values()
            if self.POLICY in repository.getPolicyMap().get(portal_type, ())
        ]
        for portal_type in versioned:
            repository.removePolicyFromContentType(portal_type, self.POLICY)
        try:
            return super().build(plan)
        finally:
            for portal_type in versioned:
                repository.addPolicyForContentType(portal_type, self.POLICY)
            transaction.commit()

    def make_folders(self):
        for language in LANGUAGES:
            if language not in self.portal:
                self.add(self.portal, "Folder", language, "published", title=language)
            root = self.portal[language]
            if "organisations" not in root:
                self.add(
                    root, "Folder", "organisations", "published", title="Organisations"
                )
        self.commit()

    def organisation(self, item):
        for language in item.languages:
            texts = self.texts(item, language)
            self.add(
                self.portal[language]["organisations"],
                "Folder",
                item.id,
                "published",
                title=texts["title"],
                description=texts["description"],
            )
        for child in item.children:
            for language in child.languages:
                texts = self.texts(child, language)
                body = "\n".join(
                    html
                    for name, html in texts.items()
                    if name not in ("title", "description")
                )
                self.add(
                    self.portal[language]["organisations"][item.id],
                    self.TYPES[child.portal_type],
                    child.id,
                    "published",
                    title=texts["title"],
                    description=texts["description"],
                    **({"text": richtext(body)} if body else {}),
                )


def targets(plan, count_each=20, seed=2):
    """Paths (below the site, the same in both) that the load runs use:
    practices and trainings in Greek, organisations to write into."""
    rng = random.Random(seed)
    practices = [
        f"el/organisations/{organisation.id}/{child.id}"
        for organisation in plan
        for child in organisation.children
        if child.portal_type == "Practice" and "el" in child.languages
    ]
    organisations = [
        f"el/organisations/{organisation.id}"
        for organisation in plan
        if "el" in organisation.languages
    ]
    return {
        "practices": rng.sample(practices, min(count_each, len(practices))),
        "organisations": rng.sample(organisations, min(count_each, len(organisations))),
    }
