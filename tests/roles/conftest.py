"""People of the sample network: a coordinator of each network, an editor
of each organisation, a member with no group, the secretariat."""

from roles.helpers import make_people
from roles.helpers import submit

import pytest


@pytest.fixture
def people(sample):
    return make_people(sample)


@pytest.fixture
def submitted(sample):
    """A submitted Practice in each organisation of the sample."""
    return {key: submit(sample[key]) for key in ("athens", "nicosia", "cardet")}
