"""Over REST, as the secretariat would: changing an organisation's networks
changes at once which coordinators find and endorse its submitted work."""

from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import SITE_OWNER_PASSWORD
from roles.helpers import PASSWORD
from roles.helpers import make_people
from roles.helpers import submit

import pytest
import transaction


CARDET = "/el/organisations/cardet"
ADMIN = (SITE_OWNER_NAME, SITE_OWNER_PASSWORD)


@pytest.fixture
def site(functional, functional_sample):
    make_people(functional_sample)
    submit(functional_sample["cardet"])
    transaction.commit()
    return functional_sample


def pending(session):
    response = session.get(
        "/el/@search",
        params={"portal_type": "Practice", "review_state": "pending_coordinator"},
    )
    assert response.status_code == 200
    return {item["@id"].split("/el/", 1)[1] for item in response.json()["items"]}


def test_patching_networks_changes_who_reviews(site, http):
    admin = http(auth=ADMIN, json=True)
    cyprus = http(auth=("coordinator-cyprus", PASSWORD), json=True)
    cities = http(auth=("coordinator-cities", PASSWORD), json=True)
    assert "organisations/cardet/proposal" not in pending(cyprus)

    patched = admin.patch(CARDET, json={"networks": [site["cyprus"].UID()]})
    assert patched.status_code == 204, patched.text

    assert "organisations/cardet/proposal" in pending(cyprus)
    assert "organisations/cardet/proposal" in pending(cities)  # the network above
    endorsed = cities.post(
        f"{CARDET}/proposal/@workflow/endorse", json={"comment": "Fine"}
    )
    assert endorsed.status_code == 200, endorsed.text
    assert endorsed.json()["review_state"] == "pending_network"


def test_removing_the_network_takes_the_review_away(site, http):
    admin = http(auth=ADMIN, json=True)
    cyprus = http(auth=("coordinator-cyprus", PASSWORD), json=True)
    admin.patch(CARDET, json={"networks": [site["cyprus"].UID()]})
    assert "organisations/cardet/proposal" in pending(cyprus)

    patched = admin.patch(CARDET, json={"networks": []})
    assert patched.status_code == 204, patched.text

    assert "organisations/cardet/proposal" not in pending(cyprus)
    refused = cyprus.post(f"{CARDET}/proposal/@workflow/endorse", json={})
    # The proposal is out of their sight once the network is gone.
    assert refused.status_code == 401
