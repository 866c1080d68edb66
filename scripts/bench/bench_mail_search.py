"""``@network-search`` while the deliverer sends a newsletter to 10,000
subscribers, against the same without a send, on the site as ``make
start`` serves it (one web process, its deliverer thread, a FileStorage of
its own under a temporary folder, the demo content).

    .venv/bin/python scripts/bench/bench_mail_search.py [subscribers]

Prints the p50 and p95 of ``GET /en/@network-search`` (one client, a
request every 50 ms) for 30 s before the send and during the send, their
ratio, and the delivery rate.
"""

import os
import statistics
import sys
import time
import urllib.request


HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(HERE))

import mail_crash_drill as drill  # noqa: E402


def search_latencies(seconds, until=None):
    found = []
    deadline = time.monotonic() + seconds
    url = f"http://127.0.0.1:{drill.PORT}/Plone/en/@network-search"
    while time.monotonic() < deadline and (until is None or until()):
        request = urllib.request.Request(url, headers={"Accept": "application/json"})  # noqa: S310
        started = time.monotonic()
        with urllib.request.urlopen(request, timeout=30) as answer:  # noqa: S310
            answer.read()
        found.append(time.monotonic() - started)
        time.sleep(0.05)
    return found


def summary(values):
    p95 = statistics.quantiles(values, n=20)[-1] * 1000
    return statistics.median(values) * 1000, p95


def main(count=10000):
    site = drill.Site(count, delay=0.0, demo=True)
    try:
        site.start()
        baseline = search_latencies(30)
        started = time.monotonic()
        site.send()
        during = search_latencies(600, until=lambda: site.received() < count * 0.9)
        while site.report()["pending"]:
            time.sleep(0.5)
        elapsed = time.monotonic() - started
    finally:
        site.stop()
    b50, b95 = summary(baseline)
    d50, d95 = summary(during)
    print(
        f"| @network-search without a send (n={len(baseline)}) | p50 {b50:.0f} ms, p95 {b95:.0f} ms |"
    )
    print(
        f"| @network-search during the send (n={len(during)}) | p50 {d50:.0f} ms, p95 {d95:.0f} ms |"
    )
    print(f"| p95 ratio | {d95 / b95:.2f} |")
    print(
        f"| delivered | {site.received()} in {elapsed:.0f} s ({site.received() / elapsed:.0f} mails/s) |"
    )


if __name__ == "__main__":
    main(*(int(arg) for arg in sys.argv[1:2]))
