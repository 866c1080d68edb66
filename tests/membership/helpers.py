"""Helpers of the membership tests: people of the sample network and a
valid application."""

from collective.migrationnetwork.roles.groups import SECRETARIAT_GROUP
from collective.migrationnetwork.roles.groups import add_coordinator
from plone import api


PASSWORD = "membership-test"

# user id -> (network whose coordinator they are, or the secretariat)
PEOPLE = {
    "coordinator-cities": "cities",
    "coordinator-cyprus": "cyprus",
    "secretary": SECRETARIAT_GROUP,
    "member": None,
}


def application(network_uid, **changes):
    """A valid application to ``network_uid``, with ``changes``."""
    data = {
        "network": network_uid,
        "title": "Municipality of Larissa",
        "kind": "municipality",
        "country": "GR",
        "city": "Larissa",
        "website": "https://www.larissa.example",
        "email": "info@larissa.example",
        "phone": "+30 2410 000000",
        "description": "A municipality in Thessaly.",
        "applicant_name": "Eleni Applicant",
        "applicant_email": "eleni@larissa.example",
        "applicant_phone": "+30 6900 000000",
        "applicant_position": "Integration officer",
        "message": "We run a migrant integration centre.",
        "consent": True,
    }
    data.update(changes)
    return data


def make_people(sample):
    with api.env.adopt_roles(["Manager"]):
        for userid, joins in PEOPLE.items():
            api.user.create(
                email=f"{userid}@network.example",
                username=userid,
                password=PASSWORD,
                properties={"fullname": userid.title()},
            )
            if joins == SECRETARIAT_GROUP:
                api.group.add_user(groupname=SECRETARIAT_GROUP, username=userid)
            elif joins:
                add_coordinator(sample[joins], userid)


def organisation_ids(portal, lang="el"):
    return set(portal[lang]["organisations"].objectIds())
