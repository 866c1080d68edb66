"""The sample network with places: Athens and Nicosia on the map, CARDET
without a place (listed, not drawn)."""

from plone import api

import pytest
import transaction


PLACES = {"athens": (37.98, 23.73), "nicosia": (35.17, 33.36)}


def place(objects):
    with api.env.adopt_roles(["Manager"]):
        for name, (latitude, longitude) in PLACES.items():
            objects[name].latitude = latitude
            objects[name].longitude = longitude
            objects[name].reindexObject()
    return objects


@pytest.fixture
def placed(sample):
    return place(sample)


@pytest.fixture
def functional_placed(functional_sample):
    objects = place(functional_sample)
    transaction.commit()
    return objects
