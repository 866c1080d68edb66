"""How long the Practice add form takes to render, against a Document's.

    .venv/bin/python scripts/bench/bench_add_forms.py [--renders 40]

In process, on the integration test site (no HTTP, no theme transform):
each add form is rendered ``--renders`` times as a Manager with
``Accept-Language: el`` after one warm-up render, and the median and the
90th percentile are printed, with the ratio Practice / Document (the issue
asks for at most 1.5). A measurement to read, not a test.
"""

from plone import api
from plone.app.testing import TEST_USER_ID
from plone.app.testing import setRoles

import argparse
import statistics
import time


def set_up(layer):
    """Set ``layer`` and its bases up, as the test runner would."""
    done = []

    def visit(current):
        for base in current.__bases__:
            visit(base)
        if current not in done:
            current.setUp()
            done.append(current)

    visit(layer)
    for current in done:
        if hasattr(current, "testSetUp"):
            current.testSetUp()
    return done


def tear_down(done):
    for current in reversed(done):
        if hasattr(current, "testTearDown"):
            current.testTearDown()
    for current in reversed(done):
        current.tearDown()


def render(context, request, portal_type):
    for key in ("form.widgets", "form.buttons.save"):
        request.form.pop(key, None)
    view = context.restrictedTraverse(f"++add++{portal_type}")
    return view()


def timings(context, request, portal_type, renders):
    render(context, request, portal_type)  # warm-up: templates, vocabularies
    seconds = []
    for _ in range(renders):
        start = time.perf_counter()
        html = render(context, request, portal_type)
        seconds.append(time.perf_counter() - start)
    assert 'id="form"' in html
    return seconds


def describe(name, seconds):
    median = statistics.median(seconds)
    p90 = statistics.quantiles(seconds, n=10)[-1]
    print(f"{name:10} median {median * 1000:7.1f} ms   p90 {p90 * 1000:7.1f} ms")
    return median


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--renders", type=int, default=40)
    args = parser.parse_args()

    from collective.migrationnetwork.testing import INTEGRATION_TESTING

    done = set_up(INTEGRATION_TESTING)
    try:
        portal = INTEGRATION_TESTING["portal"]
        request = INTEGRATION_TESTING["request"]
        request.environ["HTTP_ACCEPT_LANGUAGE"] = "el"
        setRoles(portal, TEST_USER_ID, ["Manager"])
        root = portal["el"]
        organisation = api.content.create(
            container=root["organisations"],
            type="Organisation",
            id="athens",
            title="Δήμος Αθηναίων",
            kind="municipality",
            country="GR",
        )
        document = timings(root, request, "Document", args.renders)
        practice = timings(organisation, request, "Practice", args.renders)
        ratio = describe("Practice", practice) / describe("Document", document)
        print(f"ratio      {ratio:.2f} (at most 1.5 asked)")
    finally:
        tear_down(done)


if __name__ == "__main__":
    main()
