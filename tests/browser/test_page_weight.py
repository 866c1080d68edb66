"""Pages stay light as the network grows: navigation never lists items."""

from collective.migrationnetwork.workflows import make_public
from plone import api

import transaction


def _add_practices(organisation, start, count):
    with api.env.adopt_roles(["Manager"]):
        for n in range(start, start + count):
            practice = api.content.create(
                container=organisation,
                type="Practice",
                id=f"practice-{n}",
                title=f"Practice number {n}",
                kind="good_practice",
            )
            make_public(practice)
    transaction.commit()


def test_practice_page_weight_does_not_grow_with_practices(http, functional_sample):
    session = http()
    athens = functional_sample["athens"]
    _add_practices(athens, 0, 5)
    path = "/el/organisations/athens/practice-0"
    small = session.get(path)
    assert small.status_code == 200
    _add_practices(athens, 5, 250)
    large = session.get(path)
    assert large.status_code == 200
    # A few hundred bytes of slack for ids and timestamps; listing the 250
    # siblings would add tens of kilobytes.
    assert len(large.content) - len(small.content) < 1000
    assert "Practice number 200" not in large.text
