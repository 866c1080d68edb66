"""Sample network content for tests: built with plone.api, as a user would."""

from collective.migrationnetwork.workflows import make_public
from plone import api
from z3c.relationfield import RelationValue
from zope.component import getUtility
from zope.intid.interfaces import IIntIds

import datetime
import pytz


def relation(obj):
    return RelationValue(getUtility(IIntIds).getId(obj))


def publish(obj):
    """Bring ``obj`` to the public state of its type."""
    return make_public(obj)


def build_sample(portal, lang="el"):
    """A small, known network in the ``lang`` root.

    Two networks (one a sub-network), three organisations in two countries,
    three practices (two published) and two trainings (one upcoming, one
    past). Returns a dict of the objects by short name.
    """
    root = portal[lang]
    # pytz, as Plone's forms store event dates (plone.app.event localizes).
    now = datetime.datetime.now(pytz.timezone("Europe/Athens"))
    with api.env.adopt_roles(["Manager"]):
        cities = publish(
            api.content.create(
                container=root["networks"],
                type="Network",
                id="cities-network",
                title="Cities Network for Integration",
                scope="national",
                countries=["GR"],
            )
        )
        cyprus = publish(
            api.content.create(
                container=root["networks"],
                type="Network",
                id="cyprus-network",
                title="Cyprus local integration network",
                scope="local",
                countries=["CY"],
                parent_network=relation(cities),
            )
        )
        athens = publish(
            api.content.create(
                container=root["organisations"],
                type="Organisation",
                id="athens",
                title="Municipality of Athens",
                kind="municipality",
                country="GR",
                city="Athens",
                networks=[relation(cities)],
                network_role="member",
                thematic_areas=["housing", "labour_market"],
                contact_points=[
                    {
                        "role": "Migrant Integration Centre",
                        "name": "Maria Papadopoulou",
                        "email": "kem@athens.example",
                        "phone": "+30 210 000 0000",
                        "verified": datetime.date(2026, 1, 15),
                    }
                ],
            )
        )
        nicosia = publish(
            api.content.create(
                container=root["organisations"],
                type="Organisation",
                id="nicosia-university",
                title="University of Nicosia",
                kind="university",
                country="CY",
                city="Nicosia",
                networks=[relation(cyprus)],
                network_role="partner",
            )
        )
        cardet = publish(
            api.content.create(
                container=root["organisations"],
                type="Organisation",
                id="cardet",
                title="CARDET",
                kind="ngo",
                country="CY",
                city="Nicosia",
            )
        )
        mentoring = publish(
            api.content.create(
                container=athens,
                type="Practice",
                id="job-mentoring",
                title="Job mentoring for refugees",
                kind="good_practice",
                status="ongoing",
                thematic_areas=["labour_market"],
                target_groups=["international_protection"],
                countries=["GR"],
                geographic_scope="local",
                funding_sources=["amif"],
                start_date=datetime.date(2024, 1, 1),
                partners=[relation(cardet)],
            )
        )
        housing = publish(
            api.content.create(
                container=nicosia,
                type="Practice",
                id="housing-help",
                title="Housing help desk",
                kind="pilot_project",
                status="completed",
                thematic_areas=["housing"],
                target_groups=["asylum_seekers", "women"],
                countries=["CY"],
                geographic_scope="local",
                inspired_by=[relation(mentoring)],
            )
        )
        draft = api.content.create(
            container=athens,
            type="Practice",
            id="draft-practice",
            title="Draft language cafe",
            kind="tool",
            status="planned",
            thematic_areas=["language_learning"],
            countries=["GR"],
        )
        webinar = publish(
            api.content.create(
                container=athens,
                type="Training",
                id="webinar",
                title="Webinar on labour integration",
                kind="webinar",
                format="online",
                online_url="https://meet.example/webinar",
                audience=["municipal_staff"],
                thematic_areas=["labour_market"],
                start=now + datetime.timedelta(days=10),
                end=now + datetime.timedelta(days=10, hours=2),
                related_practices=[relation(mentoring)],
            )
        )
        visit = publish(
            api.content.create(
                container=nicosia,
                type="Training",
                id="study-visit",
                title="Study visit to Nicosia",
                kind="study_visit",
                format="in_person",
                location="Nicosia",
                audience=["municipal_staff", "ngo_staff"],
                thematic_areas=["housing"],
                start=now - datetime.timedelta(days=30),
                end=now - datetime.timedelta(days=29),
            )
        )
    return {
        "cities": cities,
        "cyprus": cyprus,
        "athens": athens,
        "nicosia": nicosia,
        "cardet": cardet,
        "mentoring": mentoring,
        "housing": housing,
        "draft": draft,
        "webinar": webinar,
        "visit": visit,
    }
