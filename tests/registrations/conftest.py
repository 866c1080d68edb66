"""Fixtures of the registration tests: an upcoming training that takes
registrations, the people around it (its organisers, the coordinators of
its network, the secretariat, a member, the editor of another
organisation), and a mailbox that delivers the outbox."""

from collective.migrationnetwork.notifications import testing
from collective.migrationnetwork.roles.groups import SECRETARIAT_GROUP
from collective.migrationnetwork.roles.groups import coordinators_group_id
from collective.migrationnetwork.roles.groups import editors_group_id
from plone import api

import pytest
import transaction


PASSWORD = "a-long-secret-1"  # noqa: S105

# userid -> (full name, language)
PEOPLE = {
    "organiser": ("Ελένη Οργανώτρια", "el"),
    "coordinator": ("Νίκος Συντονιστής", "el"),
    "secretariat": ("Σοφία Γραμματεία", "en"),
    "member": ("Μαρία Μέλος", "el"),
    "stranger": ("Other Editor", "en"),
}
# Who may manage the training's registrations, and who may not.
MANAGERS = ("organiser", "coordinator", "secretariat")
OTHERS = ("member", "stranger")


def _group(groupid, members, obj=None, roles=()):
    if api.group.get(groupname=groupid) is None:
        api.group.create(groupname=groupid, title=groupid)
    for userid in members:
        api.group.add_user(groupname=groupid, username=userid)
    if roles:
        api.group.grant_roles(groupname=groupid, obj=obj, roles=list(roles))


@pytest.fixture
def people(functional, functional_sample):
    """The people, with the roles the roles package gives them."""
    with api.env.adopt_roles(["Manager"]):
        for userid, (fullname, language) in PEOPLE.items():
            api.user.create(
                username=userid,
                email=f"{userid}@staff.example",
                password=PASSWORD,
                properties={"fullname": fullname, "language": language},
            )
        athens = functional_sample["athens"]
        cardet = functional_sample["cardet"]
        _group(
            editors_group_id(athens),
            ["organiser"],
            athens,
            ("Contributor", "Editor", "Reader"),
        )
        _group(
            editors_group_id(cardet),
            ["stranger"],
            cardet,
            ("Contributor", "Editor", "Reader"),
        )
        _group(
            coordinators_group_id(functional_sample["cities"]),
            ["coordinator"],
            athens,
            ("Coordinator",),
        )
        _group(SECRETARIAT_GROUP, ["secretariat"], roles=("Reviewer",))
    transaction.commit()
    return PEOPLE


def auth(userid):
    return (userid, PASSWORD)


@pytest.fixture
def training(functional_sample):
    """The sample's webinar (in ten days), open for registrations, three
    places, a waiting list."""
    webinar = functional_sample["webinar"]
    webinar.registration_open = True
    webinar.capacity = 3
    webinar.waiting_list = True
    webinar.reindexObject()
    transaction.commit()
    return webinar


@pytest.fixture
def mailbox(functional):
    """The MailHost records what it is given; reading the mailbox delivers
    the committed outbox first."""
    testing.install_mailhost(
        functional["portal"], testing.RecordingMailHost("MailHost")
    )
    transaction.commit()
    del testing.SENT[:]
    yield testing.Mailbox(functional["portal"])
    del testing.SENT[:]


@pytest.fixture
def mails(mailbox):
    """``mails()``: the delivered mails, parsed, by address."""

    def read():
        found = {}
        for raw in mailbox:
            message = testing.parse(raw)
            found.setdefault(message["To"].addresses[0].addr_spec, []).append(message)
        return found

    return read


def registrant(number, **extra):
    """The body of a registration."""
    return {
        "name": f"Πρόσωπο {number}",
        "email": f"person{number}@example.org",
        "organisation": "Δήμος Πειραιά",
        "position": "Κοινωνική λειτουργός",
        "country": "GR",
        "needs": "",
        "consent": True,
        **extra,
    }


@pytest.fixture
def person():
    """``person(n, **fields)``: the body of a registration."""
    return registrant


@pytest.fixture
def login():
    """``login(userid)``: the credentials of one of PEOPLE."""
    return auth
