"""Demo users, made by the demo loader's users part for the sample network,
log in over HTTP with the documented password and can do their job."""

from collective.migrationnetwork.demo import read_data
from collective.migrationnetwork.demo.users import load_users

import pytest
import transaction


USERS = read_data()["users"]
PASSWORD = USERS["password"]


@pytest.fixture
def demo_users(functional, functional_sample):
    sample = functional_sample
    data = {
        "organisations": {"athens": {"country": "GR"}, "cardet": {"country": "CY"}},
        "networks": {"cities-network": {"countries": ["GR"]}},
        "users": USERS,
    }
    items = {
        "athens": {"el": sample["athens"]},
        "cardet": {"el": sample["cardet"]},
        "cities-network": {"el": sample["cities"]},
    }
    summary = load_users(functional["portal"], data, items)
    transaction.commit()
    return summary


USERIDS = [
    "editor-athens",
    "editor-cardet",
    "coordinator-cities-network",
    "secretariat",
    "newsletter-editor",
]


def test_all_created(demo_users):
    assert sorted(demo_users["created"]) == sorted(USERIDS)


@pytest.mark.parametrize("userid", USERIDS)
def test_log_in_through_rest(demo_users, http, userid):
    session = http(json=True)
    response = session.post("/@login", json={"login": userid, "password": PASSWORD})
    assert response.status_code == 200, response.text
    assert response.json()["token"]
    refused = session.post("/@login", json={"login": userid, "password": "nope"})
    assert refused.status_code == 401


@pytest.mark.parametrize(
    ("userid", "path", "status"),
    [
        ("editor-athens", "/el/organisations/athens/@@edit", 200),
        ("editor-athens", "/el/organisations/cardet/@@edit", 401),
        ("coordinator-cities-network", "/el/organisations/athens/@@team", 200),
        ("coordinator-cities-network", "/el/organisations/cardet/@@team", 401),
        ("secretariat", "/el/organisations/cardet/@@team", 200),
        ("newsletter-editor", "/el/newsletters/++add++Newsletter", 200),
        ("editor-athens", "/el/newsletters/++add++Newsletter", 401),
    ],
)
def test_each_can_do_their_job(demo_users, http, userid, path, status):
    response = http(auth=(userid, PASSWORD)).get(path, allow_redirects=False)
    if status == 200:
        assert response.status_code == 200
    else:
        assert response.status_code in (302, 401, 403)
