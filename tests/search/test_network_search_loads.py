"""@network-search and its feeds wake no content object: counted over HTTP.

The WSGI server answers in its own thread, with its own ZODB connection.
Every object that connection needs and does not hold in its cache is
loaded from the storage; the test records each load (object id and the
class of the record) while one request runs, after emptying every
connection's cache so that nothing is served from memory.

A *content object* is precisely: a record of one of the add-on's five
content classes (Network, Organisation, Practice, Training, Newsletter), or
any persistent object held in such an object's own attributes (its
annotations, relation values, files). Everything else a request may load:
the site and the language root it traverses, the catalogue and its
indexes, metadata and BTree buckets, the registry, users and groups.
"""

from Acquisition import aq_base
from collective.migrationnetwork.content.network import Network
from collective.migrationnetwork.content.newsletter import Newsletter
from collective.migrationnetwork.content.organisation import Organisation
from collective.migrationnetwork.content.practice import Practice
from collective.migrationnetwork.content.training import Training
from plone import api
from ZODB.utils import get_pickle_metadata

import collections
import pytest
import transaction


CONTENT_CLASSES = {
    (klass.__module__, klass.__name__)
    for klass in (Network, Organisation, Practice, Training, Newsletter)
}


class LoadRecorder:
    """Records the storage's loads: ``{oid: (module, class)}``."""

    def __init__(self, storage):
        self.storage = storage
        self.loads = {}
        self.recording = False

    def wrap(self, name):
        original = getattr(self.storage, name)

        def load(oid, *args, **kwargs):
            result = original(oid, *args, **kwargs)
            if self.recording and result:
                self.loads[oid] = get_pickle_metadata(result[0])
            return result

        return load

    def record(self, function):
        """The loads while ``function()`` runs, with every cache empty."""
        self.storage_db.cacheMinimize()
        self.loads = {}
        self.recording = True
        try:
            value = function()
        finally:
            self.recording = False
        return value, dict(self.loads)


@pytest.fixture
def recorder(functional, monkeypatch):
    db = functional["app"]._p_jar.db()
    recorder = LoadRecorder(db.storage)
    recorder.storage_db = db
    for name in ("load", "loadBefore", "loadSerial"):
        if hasattr(db.storage, name):
            monkeypatch.setattr(db.storage, name, recorder.wrap(name))
    return recorder


def content_oids(objects):
    """The oids of content objects: the objects and their own persistent
    attributes (annotations, relation values, files)."""
    oids = set()
    for obj in objects:
        obj = aq_base(obj)
        oids.add(obj._p_oid)
        for value in vars(obj).values():
            values = value if isinstance(value, (list, tuple)) else [value]
            oids.update(
                v._p_oid for v in values if getattr(v, "_p_oid", None) is not None
            )
    return oids


@pytest.fixture
def sample_oids(functional_sample):
    """The committed sample and the oids of its content objects."""
    return content_oids(functional_sample.values())


def woken(loads, oids):
    """Loaded records that are content objects, by the definition above."""
    return sorted(
        f"{module}.{name}"
        for oid, (module, name) in loads.items()
        if oid in oids or (module, name) in CONTENT_CLASSES
    )


ALL_FACETS = "thematic_areas,target_groups,countries,kind,format,audience,status,networks,organisation"


@pytest.mark.parametrize(
    ("path", "params", "accept"),
    [
        ("@network-search", [("facets", ALL_FACETS), ("b_size", "100")], "application/json"),
        ("@network-search", [("portal_type", "Practice"), ("thematic_areas", "housing"), ("countries", "CY"), ("facets", "thematic_areas,countries,networks")], "application/json"),
        ("@network-search", [("portal_type", "Training"), ("upcoming", "true"), ("facets", "format,kind")], "application/json"),
        ("@network-search", [("SearchableText", "housing"), ("facets", "countries")], "application/json"),
        ("@network-search", [("portal_type", "Organisation"), ("facets", "kind,countries,networks")], "application/json"),
        ("@network-search", [], "text/csv"),
        ("network-search.rss", [], "text/html"),
        ("network-search.ics", [], "text/html"),
        ("network-search.csv", [("portal_type", "Practice")], "text/html"),
        # The Classic UI listings, whole pages (portlets, viewlets) included.
        ("practices", [("thematic_areas", "housing"), ("countries", "CY")], "text/html"),
        ("trainings", [], "text/html"),
        ("organisations", [("kind", "municipality")], "text/html"),
    ],
)  # fmt: skip
def test_search_and_feeds_load_no_content_object(
    recorder, sample_oids, http, path, params, accept
):
    session = http()
    url = f"/el/{path}"
    session.get(url, params=params, headers={"Accept": accept})  # warm up
    response, loads = recorder.record(
        lambda: session.get(url, params=params, headers={"Accept": accept})
    )
    assert response.status_code == 200, response.text
    assert response.content
    # The request did load records (the caches were empty) ...
    assert len(loads) > 0
    # ... but no content object.
    assert woken(loads, sample_oids) == []


def test_the_recorder_sees_a_content_object_woken(recorder, sample_oids, http):
    """The same measure notices a request that does wake content: the
    standard REST serialisation of a practice."""
    session = http(json=True)
    url = "/el/organisations/athens/job-mentoring"
    session.get(url)  # warm up: emptying the caches is what makes it load
    response, loads = recorder.record(lambda: session.get(url))
    assert response.status_code == 200
    assert "collective.migrationnetwork.content.practice.Practice" in woken(
        loads, sample_oids
    )


def test_loads_do_not_grow_with_the_result(recorder, functional_sample, http):
    """Summaries are metadata: ten more practices add catalogue buckets,
    not ten objects."""
    session = http(json=True)
    url, params = "/el/@network-search", {"portal_type": "Practice", "b_size": "100"}
    session.get(url, params=params)
    response, before = recorder.record(lambda: session.get(url, params=params))
    assert response.json()["items_total"] == 2
    athens = functional_sample["athens"]
    with api.env.adopt_roles(["Manager"]):
        created = [
            api.content.create(
                container=athens,
                type="Practice",
                id=f"practice-{number}",
                title=f"Practice {number}",
                kind="tool",
                thematic_areas=["housing"],
            )
            for number in range(10)
        ]
        for practice in created:
            api.content.transition(practice, to_state="published")
    transaction.commit()
    session.get(url, params=params)
    response, after = recorder.record(lambda: session.get(url, params=params))
    assert response.json()["items_total"] == 12
    assert (
        woken(after, content_oids(created) | content_oids(functional_sample.values()))
        == []
    )
    by_class = collections.Counter(f"{m}.{n}" for m, n in after.values())
    assert len(after) - len(before) < 10, by_class
