"""Benchmark (not part of the test run): queue an issue for 10,000
subscribers and deliver it to a local SMTP sink.

    .venv/bin/pytest tests/newsletter/bench_send.py -q -s -p no:cacheprovider

Prints how long the ``send`` request took, the p95 of ``@network-search``
while the outbox's deliverer sends against the same without a send, how
long delivery took (mails per second, each outcome committed on its own)
and the process's memory (the deliverer is a thread of it) before and at
the end. ``BENCH_SUBSCRIBERS`` changes the number of subscribers. The
database is the test layer's (a DemoStorage in memory, not a FileStorage).
"""

from collective.migrationnetwork.newsletter.store import get_store
from newsletter_helpers import add_subscriber
from plone import api
from smtp_server import wait_until

import os
import resource
import statistics
import time
import transaction


SUBSCRIBERS = int(os.environ.get("BENCH_SUBSCRIBERS", "10000"))
SECRETARIAT = ("sofia", "a-long-secret-1")


def rss_mb():
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


def p95(values):
    return statistics.quantiles(values, n=20)[-1] * 1000


def search_latencies(session, count=None, until=None):
    latencies = []
    while (count is None or len(latencies) < count) and (until is None or until()):
        t = time.monotonic()
        assert session.get("en/@network-search").status_code == 200
        latencies.append(time.monotonic() - t)
        time.sleep(0.05)
        if count is None and len(latencies) >= 400:
            break
    return latencies


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

    other = http(json=True)
    baseline = search_latencies(other, count=100)
    rss_before = rss_mb()
    session = http(auth=SECRETARIAT, json=True)
    started = time.monotonic()
    response = session.post("el/newsletters/bench/@workflow/send", json={})
    send_seconds = time.monotonic() - started
    assert response.status_code == 200, response.text

    # Other requests while delivery runs.
    latencies = search_latencies(
        other, until=lambda: len(smtp.messages) < SUBSCRIBERS * 0.9
    )
    done = wait_until(lambda: len(smtp.messages) >= SUBSCRIBERS, timeout=1800)
    delivery_seconds = time.monotonic() - started
    assert done
    print(
        f"\nsubscribers: {SUBSCRIBERS}\n"
        f"send request: {send_seconds:.2f} s "
        f"({send_seconds / SUBSCRIBERS * 1000:.3f} s per 1000)\n"
        f"@network-search without a send: n={len(baseline)} "
        f"p95={p95(baseline):.0f} ms\n"
        f"@network-search during delivery: n={len(latencies)} "
        f"p95={p95(latencies):.0f} ms (ratio {p95(latencies) / p95(baseline):.2f})\n"
        f"delivered: {len(smtp.messages)} in {delivery_seconds:.1f} s "
        f"({len(smtp.messages) / delivery_seconds:.0f} mails/s)\n"
        f"memory (RSS): {rss_before:.0f} MB before the send, {rss_mb():.0f} MB "
        f"after; peak {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB"
    )
