"""Benchmark (not part of the test run): queue an issue for 10,000
subscribers and deliver it to a local SMTP sink.

    .venv/bin/pytest tests/newsletter/bench_send.py -q -s -p no:cacheprovider

Prints how long the ``send`` request took, the latency of other requests
while delivery runs, and how long delivery took. ``BENCH_SUBSCRIBERS``
changes the number of subscribers.
"""

from collective.migrationnetwork.newsletter.store import get_store
from newsletter_helpers import add_subscriber
from plone import api
from smtp_server import wait_until

import os
import statistics
import time
import transaction


SUBSCRIBERS = int(os.environ.get("BENCH_SUBSCRIBERS", "10000"))
SECRETARIAT = ("sofia", "a-long-secret-1")


def test_bench_send(mail_site, smtp, people, http, functional):
    smtp.start()
    portal = functional["portal"]
    themes = ["housing", "health", "reception", "labour_market"]
    for i in range(SUBSCRIBERS):
        add_subscriber(
            f"reader{i:05d}@bench.example",
            language="el" if i % 3 else "en",
            thematic_areas=[themes[i % 4]] if i % 5 else [],
        )
    with api.env.adopt_roles(["Manager"]):
        issue = api.content.create(
            container=portal["el"]["newsletters"],
            type="Newsletter",
            id="bench",
            title="Bench issue",
        )
        api.content.transition(obj=issue, to_state="approved")
    transaction.commit()
    assert len(get_store()) == SUBSCRIBERS

    session = http(auth=SECRETARIAT, json=True)
    started = time.monotonic()
    response = session.post("el/newsletters/bench/@workflow/send", json={})
    send_seconds = time.monotonic() - started
    assert response.status_code == 200, response.text

    # Other requests while delivery runs.
    other = http(json=True)
    latencies = []
    while len(smtp.messages) < SUBSCRIBERS * 0.9 and len(latencies) < 200:
        t = time.monotonic()
        assert other.get("en").status_code == 200
        latencies.append(time.monotonic() - t)
        time.sleep(0.05)
    done = wait_until(lambda: len(smtp.messages) >= SUBSCRIBERS, timeout=1800)
    delivery_seconds = time.monotonic() - started
    assert done
    print(
        f"\nsubscribers: {SUBSCRIBERS}\n"
        f"send request: {send_seconds:.2f} s "
        f"({send_seconds / SUBSCRIBERS * 1000:.3f} s per 1000)\n"
        f"other requests during delivery: n={len(latencies)} "
        f"p50={statistics.median(latencies) * 1000:.0f} ms "
        f"max={max(latencies) * 1000:.0f} ms\n"
        f"delivered: {len(smtp.messages)} in {delivery_seconds:.1f} s "
        f"({len(smtp.messages) / delivery_seconds:.0f} mails/s)"
    )
