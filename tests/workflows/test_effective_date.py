"""An item first made public gets that moment as its publication date."""

from collective.migrationnetwork.workflows import make_public
from DateTime import DateTime
from plone import api

import pytest


def create(portal, portal_type):
    root = portal["el"]
    with api.env.adopt_roles(["Manager"]):
        organisation = api.content.create(
            root["organisations"], "Organisation", id="org", title="O", kind="ngo"
        )
        if portal_type == "Organisation":
            return organisation
        container = {
            "Network": root["networks"],
            "Newsletter": root["newsletters"],
        }.get(portal_type, organisation)
        return api.content.create(container, portal_type, id="item", title="I")


TYPES = ["Practice", "Training", "Organisation", "Network", "Newsletter"]


@pytest.mark.parametrize("portal_type", TYPES)
def test_publication_sets_the_effective_date(portal, portal_type):
    obj = create(portal, portal_type)
    assert obj.EffectiveDate() == "None"
    before = DateTime()
    with api.env.adopt_roles(["Manager"]):
        make_public(obj)
    assert before <= obj.effective() <= DateTime()
    (brain,) = api.content.find(UID=obj.UID())
    assert brain.effective == obj.effective()


@pytest.mark.parametrize("portal_type", ["Practice", "Training"])
def test_a_date_the_editors_chose_is_kept(portal, portal_type):
    obj = create(portal, portal_type)
    chosen = DateTime("2026-01-15 10:00 UTC")
    obj.setEffectiveDate(chosen)
    with api.env.adopt_roles(["Manager"]):
        make_public(obj)
    assert obj.effective() == chosen


def test_steps_before_publication_leave_it_unset(portal):
    obj = create(portal, "Practice")
    with api.env.adopt_roles(["Manager"]):
        api.content.transition(obj, transition="submit")
        api.content.transition(obj, transition="endorse")
    assert api.content.get_state(obj) == "pending_network"
    assert obj.EffectiveDate() == "None"
