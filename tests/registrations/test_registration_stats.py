"""Figures of registrations for the dashboard, and the upgrade to 1006."""

from collective.migrationnetwork import PACKAGE_NAME
from collective.migrationnetwork.registrations import registering
from collective.migrationnetwork.registrations.stats import counts_by_training
from collective.migrationnetwork.upgrades import v1006
from plone import api

import pytest
import transaction


MANAGE = "collective.migrationnetwork: Manage training registrations"


@pytest.fixture
def webinar(sample):
    webinar = sample["webinar"]
    webinar.registration_open = True
    webinar.capacity = 2
    webinar.waiting_list = True
    return webinar


def body(number):
    return {"name": f"P{number}", "email": f"p{number}@example.org", "consent": True}


def test_counts_by_training(portal, sample, webinar):
    for number in range(4):
        registering.register(webinar, body(number), language="el")
    store_record = registering.registrations_of(webinar).find("p0@example.org")
    registering.withdraw(webinar, store_record)
    figures = counts_by_training(portal)
    assert figures[webinar.UID()] == {
        "pending": 0,
        "confirmed": 2,
        "waiting": 1,
        "withdrawn": 1,
        "declined": 0,
        "attended": 0,
    }
    assert figures[sample["visit"].UID()]["confirmed"] == 0
    only = counts_by_training(portal, uids=[sample["visit"].UID()])
    assert list(only) == [sample["visit"].UID()]


def test_counts_name_nobody(portal, sample, webinar):
    registering.register(webinar, body(1), language="el")
    assert "p1@example.org" not in repr(counts_by_training(portal))
    assert "P1" not in repr(counts_by_training(portal))


def test_upgrade_1006_gives_the_permission_and_the_tab(portal):
    portal.manage_permission(MANAGE, roles=[], acquire=False)
    portal.portal_actions.object.manage_delObjects(["training-registrations"])
    v1006.upgrade(portal.portal_setup)
    roles = {r["name"] for r in portal.rolesOfPermission(MANAGE) if r["selected"]}
    assert roles == {
        "Manager",
        "Site Administrator",
        "Reviewer",
        "Coordinator",
        "Editor",
    }
    assert "training-registrations" in portal.portal_actions.object
    assert api.portal.get_tool("portal_setup").getLastVersionForProfile(
        f"{PACKAGE_NAME}:default"
    )


def test_network_stats_count_registrations_publicly(http, training, mailbox):
    for number in range(4):
        registering.register(training, body(number), language="el")
    transaction.commit()
    answer = http(json=True).get(f"{training.portal_url()}/el/@network-stats")
    assert answer.status_code == 200
    figures = answer.json()["registrations"]
    assert figures["totals"]["confirmed"] == 3
    assert figures["totals"]["waiting"] == 1
    [row] = [r for r in figures["by_training"] if r["uid"] == training.UID()]
    assert row["confirmed"] == 3
    assert "p0@example.org" not in answer.text
