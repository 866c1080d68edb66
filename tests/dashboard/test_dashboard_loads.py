"""The dashboard wakes no content object: the loads of one request are
recorded as the listings' test records them (tests/search)."""

from collective.migrationnetwork.content.organisation import Organisation
from plone import api
from review.review_people import auth
from search.test_network_search_loads import content_oids
from search.test_network_search_loads import woken

import pytest


def every_content_oid(portal):
    catalog = api.portal.get_tool("portal_catalog")
    with api.env.adopt_roles(["Manager"]):
        objects = [
            brain.getObject()
            for brain in catalog.unrestrictedSearchResults(
                portal_type=[
                    "Network",
                    "Organisation",
                    "Practice",
                    "Training",
                    "Newsletter",
                ]
            )
        ]
    return content_oids(objects)


@pytest.mark.parametrize("userid", ["secretary", "cities-coordinator"])
@pytest.mark.parametrize(
    ("path", "json"),
    [
        ("/el/@network-dashboard", True),
        ("/el/@@network-dashboard", False),
        ("/el/@network-dashboard?period=all", True),
    ],
)
def test_the_dashboard_loads_no_content_object(
    functional, functional_network, recorder, http, userid, path, json
):
    oids = every_content_oid(functional["portal"])
    session = http(auth=auth(userid), json=json)
    session.get(path)  # warm up
    response, loads = recorder.record(lambda: session.get(path))
    assert response.status_code == 200, response.text
    assert len(loads) > 0
    assert woken(loads, oids) == []


def test_the_recorder_sees_an_organisation_woken(
    functional, functional_network, recorder, http
):
    oids = every_content_oid(functional["portal"])
    session = http(auth=auth("secretary"), json=True)
    url = functional_network["sample"]["athens"].absolute_url()
    session.get(url)
    response, loads = recorder.record(lambda: session.get(url))
    assert response.status_code == 200
    name = f"{Organisation.__module__}.{Organisation.__name__}"
    assert name in woken(loads, oids)
