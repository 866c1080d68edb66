"""The add-on's endpoints answer compact UTF-8 JSON.

plone.restapi indents its answers and escapes every non-ASCII character as
``\\uXXXX``: a Greek search answer grew to three times its content and was
encoded by Python's slow pure-Python encoder (docs/performance.md). The
add-on's services answer the same data without whitespace, in UTF-8.
"""

from accounts import ADMIN

import json
import pytest


ENDPOINTS = [
    (None, "/el/@network-search?portal_type=Practice&facets=thematic_areas,countries"),
    (None, "/el/@network-stats"),
    (None, "/@openapi"),
    (ADMIN, "/el/organisations/athens/@team"),
    (ADMIN, "/el/@review-queue"),
    (ADMIN, "/@subscribers"),
]


@pytest.mark.parametrize(("auth", "path"), ENDPOINTS)
def test_compact_utf8_json(http, functional_sample, auth, path):
    response = http(auth=auth, json=True).get(path)
    assert response.status_code == 200, response.text
    assert response.headers["Content-Type"] == "application/json"
    body = response.content
    data = json.loads(body.decode("utf-8"))
    assert body == json.dumps(
        data, ensure_ascii=False, sort_keys=True, separators=(",", ":")
    ).encode("utf-8")
    assert b"\n" not in body
    assert b"\\u03" not in body  # Greek letters are not escaped ...


def test_greek_text_is_sent_as_utf8(http, functional_sample):
    response = http(json=True).get(
        "/el/@network-search?portal_type=Practice&facets=thematic_areas"
    )
    labels = response.json()["facets"]["thematic_areas"]
    # ... they are UTF-8 (the facet's label is translated into Greek)
    assert any(ord(char) > 0x370 for char in labels["title"])
    assert labels["title"].encode("utf-8") in response.content


def test_a_refusal_is_still_json(http, functional_sample):
    response = http(json=True).get("/el/@network-search?b_size=many")
    assert response.status_code == 400
    assert response.json()["error"]
