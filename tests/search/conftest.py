"""Fixtures of the search tests that talk HTTP to the functional site.

``bilingual`` builds the sample of content_builders in /el and in /en (the
same items, titled alike; the vocabularies' titles differ by language).
"""

from collective.migrationnetwork.roles.groups import SECRETARIAT_GROUP
from content_builders import build_sample
from plone import api

import pytest
import transaction


REVIEWER = ("search-reviewer", "a-reviewer-password")


@pytest.fixture
def bilingual(functional):
    portal = functional["portal"]
    objects = {lang: build_sample(portal, lang) for lang in ("el", "en")}
    transaction.commit()
    return objects


@pytest.fixture
def anon(http):
    """An anonymous REST client."""
    return http(json=True)


@pytest.fixture
def reviewer(http, functional):
    """A REST client logged in as a member of the network secretariat
    (which holds the Reviewer role site-wide)."""
    userid, password = REVIEWER
    with api.env.adopt_roles(["Manager"]):
        api.user.create(
            email="reviewer@example.org", username=userid, password=password
        )
        api.group.add_user(groupname=SECRETARIAT_GROUP, username=userid)
    transaction.commit()
    return http(json=True, auth=REVIEWER)


@pytest.fixture
def pending(bilingual):
    """A practice of Athens about housing, endorsed by its coordinator and
    waiting for the secretariat (pending_network)."""
    with api.env.adopt_roles(["Manager"]):
        practice = api.content.create(
            container=bilingual["el"]["athens"],
            type="Practice",
            id="pending-practice",
            title="Shelter coordination",
            kind="policy",
            status="planned",
            thematic_areas=["housing"],
            countries=["GR"],
        )
        api.content.transition(practice, transition="submit")
        api.content.transition(practice, transition="endorse")
    transaction.commit()
    return practice


@pytest.fixture
def archived(bilingual):
    """The housing help desk (Nicosia, CY, housing) archived."""
    practice = bilingual["el"]["housing"]
    with api.env.adopt_roles(["Manager"]):
        api.content.transition(practice, transition="archive")
    transaction.commit()
    return practice
