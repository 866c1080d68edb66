"""The load: several clients in threads, each with its own keep-alive HTTP
connection, requesting one endpoint at a time.

For each endpoint every client first sends ``warmup`` requests (not
counted), then all start together and send ``requests`` each, or fewer
when the endpoint's phase outlasts ``max_seconds``. Recorded per
endpoint: latencies (p50, p95, mean, max), requests per second over the
measured phase (all clients), response sizes, HTTP statuses and the ZODB
loads that the benchmark's instance reports in its response headers. Then
a few requests, one at a time, with emptied caches (``X-Bench-Cold``) say
how many objects and content objects each request needs.

A write "request" is a scenario of several HTTP requests (create, then
workflow transitions), timed as a whole.
"""

from dataclasses import dataclass
from urllib.parse import urlencode
from urllib.parse import urlsplit

import base64
import http.client
import itertools
import json
import math
import statistics
import threading
import time


JSON = "application/json"
HTML = "text/html"
METADATA_FIELDS = ("UID", "created", "modified", "effective", "Subject", "Creator")
FACETS = "thematic_areas,target_groups,countries,kind"


def percentile(values, share):
    """Nearest-rank percentile of ``values`` (``share`` from 0 to 1)."""
    if not values:
        return None
    ordered = sorted(values)
    rank = max(1, min(len(ordered), math.ceil(share * len(ordered))))
    return ordered[rank - 1]


class Client:
    """One keep-alive connection; ``get``/``post`` return (status, headers,
    body, seconds)."""

    def __init__(self, base, auth=None):
        parts = urlsplit(base)
        self.host, self.port = parts.hostname, parts.port or 80
        self.prefix = parts.path.rstrip("/")
        self.connection = None
        self.auth = None
        if auth:
            token = base64.b64encode(f"{auth[0]}:{auth[1]}".encode()).decode()
            self.auth = f"Basic {token}"

    def request(self, method, path, accept=JSON, body=None, headers=None):
        if path.startswith("http"):
            path = urlsplit(path)._replace(scheme="", netloc="").geturl()
        else:
            path = self.prefix + path
        send = {"Accept": accept, **(headers or {})}
        if self.auth:
            send["Authorization"] = self.auth
        data = None
        if body is not None:
            data = json.dumps(body).encode()
            send["Content-Type"] = JSON
        for attempt in (1, 2):
            if self.connection is None:
                self.connection = http.client.HTTPConnection(
                    self.host, self.port, timeout=300
                )
            started = time.perf_counter()
            try:
                self.connection.request(method, path, body=data, headers=send)
                response = self.connection.getresponse()
                content = response.read()
            except (http.client.HTTPException, ConnectionError):
                self.connection.close()
                self.connection = None
                if attempt == 2:
                    raise
                continue
            seconds = time.perf_counter() - started
            return response.status, dict(response.getheaders()), content, seconds
        raise AssertionError("unreachable")

    def close(self):
        if self.connection is not None:
            self.connection.close()


@dataclass
class Endpoint:
    """``path(i)`` gives the i-th request's path; ``write(client, i, n)``
    replaces it for a scenario of several requests."""

    name: str
    site: str
    path: object = None
    accept: str = JSON
    write: object = None
    auth: bool = False
    description: str = ""


def rotating(paths):
    return lambda i: paths[i % len(paths)]


def read_endpoints(targets, filters):
    practices = targets["practices"]
    search_ours = urlencode(
        [
            ("portal_type", "Practice"),
            *((name, value) for name, value in filters.items()),
            ("facets", FACETS),
            ("b_size", "25"),
        ]
    )
    search_vanilla = urlencode(
        [
            ("portal_type", "Document"),
            ("sort_on", "sortable_title"),
            ("b_size", "25"),
            *(("metadata_fields", name) for name in METADATA_FIELDS),
        ]
    )
    listing = urlencode(
        [(name, filters[name]) for name in ("thematic_areas", "countries")]
    )
    return [
        Endpoint(
            "floor",
            "floor",
            lambda i: "/ours/@@bench-floor",
            "text/plain",
            description="a view answering a constant",
        ),
        Endpoint(
            "search",
            "vanilla",
            lambda i: f"/vanilla/el/@search?{search_vanilla}",
            description="@search: Documents sorted by title, 6 metadata fields, b_size 25",
        ),
        Endpoint(
            "search",
            "ours",
            lambda i: f"/ours/el/@network-search?{search_ours}",
            description="@network-search: Practices, 3 facet filters, counts of 4 facets, b_size 25",
        ),
        Endpoint(
            "search_all",
            "ours",
            lambda i: (
                f"/ours/el/@network-search?portal_type=Practice&facets={FACETS}&b_size=25"
            ),
            description="@network-search: every Practice, counts of 4 facets, b_size 25",
        ),
        Endpoint(
            "item_json",
            "vanilla",
            rotating([f"/vanilla/{path}" for path in practices]),
            description="GET of a Document as JSON",
        ),
        Endpoint(
            "item_json",
            "ours",
            rotating([f"/ours/{path}" for path in practices]),
            description="GET of a Practice as JSON",
        ),
        Endpoint(
            "item_html",
            "vanilla",
            rotating([f"/vanilla/{path}" for path in practices]),
            HTML,
            description="a Document's page",
        ),
        Endpoint(
            "item_html",
            "ours",
            rotating([f"/ours/{path}" for path in practices]),
            HTML,
            description="a Practice's page",
        ),
        Endpoint(
            "listing",
            "ours",
            lambda i: f"/ours/el/practices?{listing}",
            HTML,
            description="the practices listing page, 2 filters",
        ),
        Endpoint(
            "dashboard",
            "ours",
            lambda i: "/ours/el/@@network-dashboard",
            HTML,
            auth=True,
            description="the network dashboard page, as a Site Administrator",
        ),
        Endpoint(
            "dashboard_json",
            "ours",
            lambda i: "/ours/el/@network-dashboard",
            auth=True,
            description="GET /@network-dashboard, as a Site Administrator",
        ),
    ]


def practice_body(i):
    return {
        "@type": "Practice",
        "title": f"Benchmark practice {i}",
        "description": "A practice written by the benchmark. " * 5,
        "kind": "good_practice",
        "status": "ongoing",
        "thematic_areas": ["housing", "education"],
        "target_groups": ["women"],
        "context": {"data": "<p>" + "Context of the practice. " * 60 + "</p>"},
        "activities": {"data": "<p>" + "What was done. " * 80 + "</p>"},
    }


def document_body(i):
    return {
        "@type": "Document",
        "title": f"Benchmark document {i}",
        "description": "A practice written by the benchmark. " * 5,
        "text": {
            "data": "<p>"
            + "Context of the practice. " * 60
            + "</p><p>"
            + "What was done. " * 80
            + "</p>"
        },
    }


def scenario(site, folders, body, transitions):
    def write(client, i, number):
        folder = folders[number % len(folders)]
        status, _headers, content, seconds = client.request(
            "POST", f"/{site}/{folder}", body=body(i)
        )
        if status != 201:
            return status, seconds, len(content)
        url = json.loads(content)["@id"]
        total, size = seconds, len(content)
        for transition in transitions:
            status, _headers, content, seconds = client.request(
                "POST", f"{url}/@workflow/{transition}", body={}
            )
            total += seconds
            size += len(content)
            if status != 200:
                break
        return status, total, size

    return write


def write_endpoints(targets):
    folders = targets["organisations"]
    return [
        Endpoint(
            "write",
            "vanilla",
            write=scenario("vanilla", folders, document_body, ("publish",)),
            auth=True,
            description="create a Document, publish it (2 requests)",
        ),
        Endpoint(
            "write",
            "ours",
            write=scenario("ours", folders, practice_body, ("submit", "publish")),
            auth=True,
            description="create a Practice, submit, publish (3 requests)",
        ),
    ]


class Runner:
    def __init__(
        self, base, clients=4, warmup=5, requests=50, auth=None, max_seconds=None
    ):
        self.base = base
        self.clients = clients
        self.warmup = warmup
        self.requests = requests
        self.auth = auth
        # A time budget for the warm-up and for the measured phase of each
        # endpoint: a client stops early (after at least one request) once
        # it is spent, so that a page taking seconds (vanilla's navigation
        # at 100,000 items) does not hold the run for half an hour.
        self.max_seconds = max_seconds
        self.counter = itertools.count()

    def one(self, client, endpoint, i, number):
        if endpoint.write:
            status, seconds, size = endpoint.write(client, i, number)
            return status, {}, size, seconds
        status, headers, content, seconds = client.request(
            "GET", endpoint.path(i), accept=endpoint.accept
        )
        return status, headers, len(content), seconds

    def run(self, endpoint, requests=None):
        requests = requests or self.requests
        barrier = threading.Barrier(self.clients + 1)
        samples = [[] for _ in range(self.clients)]

        if not endpoint.write:
            # One request alone first: Python 3.11 can fail to compile a
            # page template that several threads render for the first time
            # at once (CPython gh-106905), and the template then stays
            # broken until the server restarts.
            client = Client(self.base)
            try:
                self.one(client, endpoint, 0, 0)
            finally:
                client.close()

        def work(number):
            client = Client(self.base, self.auth if endpoint.auth else None)
            try:
                deadline = self.deadline()
                for _ in range(self.warmup):
                    self.one(client, endpoint, next(self.counter), number)
                    if time.perf_counter() > deadline:
                        break
                barrier.wait()
                deadline = self.deadline()
                for _ in range(requests):
                    samples[number].append(
                        self.one(client, endpoint, next(self.counter), number)
                    )
                    if time.perf_counter() > deadline:
                        break
            finally:
                client.close()

        threads = [
            threading.Thread(target=work, args=(number,))
            for number in range(self.clients)
        ]
        for thread in threads:
            thread.start()
        barrier.wait()
        started = time.perf_counter()
        for thread in threads:
            thread.join()
        wall = time.perf_counter() - started
        flat = [sample for client in samples for sample in client]
        result = summarise(flat, wall)
        result["cut"] = len(flat) < requests * self.clients
        if not endpoint.write:
            result["cold"] = self.cold(endpoint)
        return result

    def deadline(self):
        if self.max_seconds is None:
            return math.inf
        return time.perf_counter() + self.max_seconds

    def cold(self, endpoint, times=3):
        """Loads of ``times`` requests made one by one with emptied caches."""
        client = Client(self.base, self.auth if endpoint.auth else None)
        loads, content, classes, examples = [], [], None, None
        try:
            for i in range(times):
                _status, headers, _body, _seconds = client.request(
                    "GET",
                    endpoint.path(i),
                    accept=endpoint.accept,
                    headers={"X-Bench-Cold": "1"},
                )
                loads.append(int(headers.get("X-Bench-Loads", -1)))
                content.append(int(headers.get("X-Bench-Content-Loads", -1)))
                classes = classes or headers.get("X-Bench-Load-Classes")
                examples = examples or headers.get("X-Bench-Content-Examples")
        finally:
            client.close()
        return {
            "loads": int(statistics.median(loads)),
            "content_loads": max(content),
            "classes": classes,
            "content_examples": examples,
        }


def summarise(samples, wall):
    latencies = [seconds * 1000 for _status, _headers, _size, seconds in samples]
    statuses = {}
    for status, _headers, _size, _seconds in samples:
        statuses[str(status)] = statuses.get(str(status), 0) + 1
    loads = [
        int(headers["X-Bench-Loads"])
        for _status, headers, _size, _seconds in samples
        if "X-Bench-Loads" in headers
    ]
    sizes = [size for _status, _headers, size, _seconds in samples]
    return {
        "requests": len(samples),
        "seconds": round(wall, 2),
        "rps": round(len(samples) / wall, 2) if wall else None,
        "p50_ms": round(percentile(latencies, 0.50), 1),
        "p95_ms": round(percentile(latencies, 0.95), 1),
        "mean_ms": round(statistics.fmean(latencies), 1),
        "max_ms": round(max(latencies), 1),
        "bytes": round(statistics.fmean(sizes)),
        "statuses": statuses,
        "warm_loads": round(statistics.fmean(loads), 1) if loads else None,
    }
