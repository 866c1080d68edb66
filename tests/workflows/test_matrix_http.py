"""A sample of the permission matrix over HTTP: who can read each type in
each state through the REST API, as the table says (``view``), with real
logins (basic auth), so that PAS, the groups and the local-role adapter
answer as they do on a site."""

from plone.restapi.testing import RelativeSession
from workflows.matrix import MATRIX
from workflows.matrix import allowed
from workflows.matrix_layer import PASSWORD

import pytest


# Those who come through a group or the adapter, and those who come with
# nothing: the ones most likely to differ between a unit check and a site.
SAMPLED = (
    "anonymous",
    "member",
    "reader",
    "editors_group",
    "newsletter_editors",
    "coordinator",
    "other_coordinator",
    "secretariat",
)

READS = [
    (portal_type, state, principal, "view" in allowed(rows[principal])[0])
    for portal_type, spec in MATRIX.items()
    for state, rows in spec["states"].items()
    for principal in SAMPLED
    if principal in spec["principals"]
]


@pytest.fixture
def rest(matrix_functional):
    sessions = []
    site = matrix_functional["matrix"]

    def open_session(principal):
        session = RelativeSession(matrix_functional["portal"].absolute_url())
        session.headers["Accept"] = "application/json"
        if site["users"][principal] is not None:
            session.auth = (site["users"][principal], PASSWORD)
        sessions.append(session)
        return session

    yield open_session
    for session in sessions:
        session.close()


class TestReadOverRest:
    """In a class, so that the layer is set up once for all the requests."""

    @pytest.mark.parametrize(
        ("portal_type", "state", "principal", "expected"),
        READS,
        ids=[f"{t}-{s}-{p}-{'yes' if e else 'no'}" for t, s, p, e in READS],
    )
    def test_get(
        self, matrix_functional, rest, portal_type, state, principal, expected
    ):
        path = matrix_functional["matrix"]["objects"][portal_type, state]
        relative = path.split("/", 2)[2]  # below /plone
        response = rest(principal).get(relative)
        if expected:
            assert response.status_code == 200, response.text
            assert response.json()["review_state"] == state
        else:
            assert response.status_code in (401, 403), response.status_code
