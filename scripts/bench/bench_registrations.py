"""Benchmark of registering for trainings (``make bench-registrations``).

    .venv/bin/python scripts/bench/bench_registrations.py

1. Writes an instance of its own in ``instance/var/bench/registrations/``
   (``bench_run.write_instance``: the portal's configuration, a FileStorage
   of its own, ``bench.zcml`` with the conflict counters) and, only there,
   trusts 127.0.0.1 as a proxy (``trusted-proxy``), so that every
   registration comes from an address of its own (``X-Forwarded-For``):
   the portal's rate limit (60 registrations an hour per address, 5 per
   e-mail) stays on and is paid for, as for visitors who each register
   once, instead of answering 429 to a benchmark sending everything from
   one address. Nothing of the product is changed.
2. Builds the site ``ours`` and one organisation with five published
   trainings, registration open (this script again, through ``zconsole
   run``: ``prepare``); the registrations the measures start from are
   stored in that process, not over HTTP.
3. Starts waitress on that instance (``bench_run.start_server``, mail not
   delivered: ``MAIL_DELIVERY=0``, every registration's mail waits in the
   outbox, put there by its transaction) and measures from this process:
   - **page**: the training's HTML page, anonymous, of a training with
     no registration and of the same training with 2,000 stored, the
     clients alternating between the two (same moment, same load): p95
     and their ratio (target ≤ 1.1);
   - **throughput**: ``--clients`` clients posting distinct registrations
     to one training of large capacity for ``--seconds`` (or
     ``--requests`` each): registrations per second, p50/p95, statuses;
   - **race**: ``--racers`` clients, each posting once at the same moment
     (``threading.Barrier``), for the last ``--places`` places, on a
     training with a waiting list and on one without: answers (confirmed,
     waiting, refused, 5xx), then the store read back as admin (``GET
     @registrations``): overbooked must be 0, confirmed == capacity.
   Conflicts: every answer says how many times Zope's publisher retried it
   after a ZODB ConflictError (``X-Bench-Retries``), the instance counts
   those retried and those given up (``@@bench-conflicts``).
4. Writes ``docs/bench/results-registrations.json`` and its section of
   ``docs/performance.md`` (between the ``bench-registrations`` markers).
"""

from pathlib import Path

import argparse
import datetime
import json
import os
import re
import shutil
import subprocess
import sys
import threading
import time


# ``zconsole run`` (the prepare step) gives no ``__file__``; there
# scripts/bench is on PYTHONPATH (bench_run.environment).
if "__file__" in globals():
    sys.path.insert(0, str(Path(__file__).resolve().parent))

import bench_load  # noqa: E402
import bench_report  # noqa: E402
import bench_run  # noqa: E402


HERE, ROOT = bench_run.HERE, bench_run.ROOT


SITE_ID = "ours"  # the site bench_run.start_server waits for
START = "<!-- bench-registrations:start -->"
END = "<!-- bench-registrations:end -->"
PAGE_STORED = 2000
# The trainings of the benchmark: id -> (capacity, waiting list,
# registrations stored by ``prepare``).
THROUGHPUT_CAPACITY = 1_000_000
PAGE_CAPACITY = 5000
RACE_CAPACITY = 40


def trainings_plan(places=10, stored=PAGE_STORED):
    prefilled = RACE_CAPACITY - places
    return {
        "throughput": (THROUGHPUT_CAPACITY, False, 0),
        "page-empty": (PAGE_CAPACITY, False, 0),
        "page-full": (PAGE_CAPACITY, False, stored),
        "race-waiting": (RACE_CAPACITY, True, prefilled),
        "race-full": (RACE_CAPACITY, False, prefilled),
    }


def registrant(prefix, number):
    """The body of the ``number``-th registration of a phase."""
    return {
        "name": f"Συμμετέχων {prefix} {number}",
        "email": f"{prefix}-{number}@bench.example.org",
        "organisation": "Δήμος Πειραιά",
        "position": "Κοινωνική λειτουργός",
        "country": "GR",
        "needs": "",
        "consent": True,
    }


def client_address(phase, number):
    """A distinct client address per registration (X-Forwarded-For)."""
    return f"10.{phase}.{number // 250 % 250}.{number % 250 + 1}"


# In the instance (zconsole run): prepare


def prepare(app):
    from AccessControl.SecurityManagement import newSecurityManager
    from collective.migrationnetwork.registrations.store import CONFIRMED
    from collective.migrationnetwork.registrations.store import Registration
    from collective.migrationnetwork.registrations.store import new_id
    from collective.migrationnetwork.registrations.store import normalise_email
    from collective.migrationnetwork.registrations.store import registrations_of
    from collective.migrationnetwork.sitesetup import create_site
    from collective.migrationnetwork.sitesetup import ensure_admin
    from collective.migrationnetwork.workflows import make_public
    from plone import api
    from Testing.makerequest import makerequest
    from zope.component.hooks import setSite
    from zope.globalrequest import setRequest

    import pytz
    import transaction

    out = Path(os.environ["BENCH_OUT"])
    plan = json.loads(os.environ["BENCH_PLAN"])
    app = makerequest(app)
    admin = ensure_admin(app, "admin", os.environ.get("ADMIN_PASSWORD", "admin"))
    newSecurityManager(None, admin.__of__(app.acl_users))
    transaction.commit()
    started = time.perf_counter()
    site = create_site(app, site_id=SITE_ID, delete_existing=True)
    transaction.commit()
    site_seconds = time.perf_counter() - started
    setSite(site)
    setRequest(site.REQUEST)
    start = datetime.datetime.now(pytz.timezone("Europe/Athens")).replace(
        microsecond=0
    ) + datetime.timedelta(days=30)
    paths = {}
    started = time.perf_counter()
    with api.env.adopt_roles(["Manager"]):
        organisation = make_public(
            api.content.create(
                container=site["el"]["organisations"],
                type="Organisation",
                id="bench-municipality",
                title="Δήμος του benchmark",
                kind="municipality",
                country="GR",
                city="Αθήνα",
            )
        )
        for training_id, (capacity, waiting, stored) in plan.items():
            training = make_public(
                api.content.create(
                    container=organisation,
                    type="Training",
                    id=training_id,
                    title="Σεμινάριο για την ένταξη στην αγορά εργασίας",
                    description="Διαδικτυακό σεμινάριο για το προσωπικό των δήμων. "
                    * 4,
                    kind="webinar",
                    format="online",
                    online_url="https://meet.example.org/bench",
                    audience=["municipal_staff"],
                    thematic_areas=["labour_market"],
                    start=start,
                    end=start + datetime.timedelta(hours=3),
                    capacity=capacity,
                    registration_open=True,
                    waiting_list=waiting,
                )
            )
            store = registrations_of(training)
            for number in range(stored):
                data = registrant(f"stored-{training_id}", number)
                data["email"] = normalise_email(data["email"])
                store.add(Registration(new_id(), data["email"], data, "el"), CONFIRMED)
            transaction.commit()
            paths[training_id] = "/".join(training.getPhysicalPath())
    stored_seconds = time.perf_counter() - started
    (out / "targets.json").write_text(
        json.dumps(
            {
                "paths": paths,
                "site_seconds": round(site_seconds, 1),
                "trainings_seconds": round(stored_seconds, 1),
            },
            indent=2,
        )
    )
    print(f"site in {site_seconds:.0f} s, trainings in {stored_seconds:.1f} s")


# The measures (this process, over HTTP)


def conflicts(base):
    client = bench_load.Client(base)
    try:
        _status, _headers, body, _seconds = client.request(
            "GET", f"/{SITE_ID}/@@bench-conflicts"
        )
    finally:
        client.close()
    return json.loads(body)


def conflicts_since(base, before):
    after = conflicts(base)
    return {name: after[name] - before[name] for name in after}


class Poster:
    """Registrations to one training: ``write(client, i, number)`` of a
    ``bench_load.Endpoint``; keeps what each answer said."""

    def __init__(self, path, prefix, phase):
        self.path = f"{path}/@registrations"
        self.prefix = prefix
        self.phase = phase
        self.answers = []  # (HTTP status, registration status, retries)
        self.positions = []  # the waiting list's positions answered

    def post(self, client, number):
        status, headers, content, seconds = client.request(
            "POST",
            self.path,
            body=registrant(self.prefix, number),
            headers={"X-Forwarded-For": client_address(self.phase, number)},
        )
        outcome = None
        if status == 201:
            answer = json.loads(content)
            outcome = answer.get("status")
            if answer.get("waiting_position") is not None:
                self.positions.append(answer["waiting_position"])
        retries = int(headers.get("X-Bench-Retries", 0))
        self.answers.append((status, outcome, retries))
        return status, seconds, len(content)

    def write(self, client, i, number):
        return self.post(client, i)


def tally(answers):
    """What the answers said: HTTP statuses, registration statuses (201),
    5xx, and the publisher's retries."""
    statuses, outcomes = {}, {}
    retries = [count for _status, _outcome, count in answers]
    for status, outcome, _retries in answers:
        statuses[str(status)] = statuses.get(str(status), 0) + 1
        if outcome:
            outcomes[outcome] = outcomes.get(outcome, 0) + 1
    return {
        "answers": len(answers),
        "statuses": statuses,
        "outcomes": outcomes,
        "server_errors": sum(1 for status, _o, _r in answers if status >= 500),
        "retried_answers": sum(1 for count in retries if count),
        "retries": sum(retries),
        "most_retries": max(retries, default=0),
    }


def store_counts(base, path, password):
    client = bench_load.Client(base, auth=("admin", password))
    try:
        status, _headers, body, _seconds = client.request(
            "GET", f"{path}/@registrations"
        )
    finally:
        client.close()
    if status != 200:
        raise RuntimeError(f"GET {path}/@registrations answered {status}")
    overview = json.loads(body)
    return {
        "capacity": overview["capacity"],
        "places_left": overview["places_left"],
        "counts": overview["counts"],
        "items": len(overview["items"]),
    }


RETRIED = re.compile(
    r"ConflictError at (?P<path>\S+): database conflict error "
    r"\(oid \w+, class (?P<cls>[\w.]+).*Request will be retried"
)
GIVEN_UP_URL = re.compile(r"ERROR .*ConflictError: (?P<url>\S+)$")
GIVEN_UP = re.compile(
    r"^\S*ConflictError: database conflict error \(oid \w+, class (?P<cls>[\w.]+)"
)


def log_conflicts(lines):
    """The ConflictErrors of the instance's event log (Zope's error log
    writes one line per retried request and a traceback per request whose
    retries were spent), by training and by the class of the object both
    transactions wrote: ``{"training class": {"retried": n, "given_up": m}}``."""
    found = {}
    training = "?"

    def count(path, cls, kind):
        parts = [part for part in path.split("/") if part]
        name = parts[-2] if len(parts) >= 2 else path
        entry = found.setdefault(f"{name} {cls.rsplit('.', 1)[-1]}", {})
        entry[kind] = entry.get(kind, 0) + 1

    for line in lines:
        match = RETRIED.search(line)
        if match:
            count(match["path"], match["cls"], "retried")
            continue
        match = GIVEN_UP_URL.search(line)
        if match:
            training = match["url"]
            continue
        match = GIVEN_UP.search(line.strip())
        if match:
            count(training, match["cls"], "given_up")
    return found


def race_verdict(capacity, prefilled, counts, answers):
    """The race's verdict from the store's ``counts`` (read back) and the
    tally of the answers: nothing overbooked, every place taken, as many
    confirmed answers as places were left, no 5xx."""
    holding = counts.get("confirmed", 0) + counts.get("pending", 0)
    places = capacity - prefilled
    confirmed_answers = answers["outcomes"].get("confirmed", 0)
    overbooked = max(0, holding - capacity)
    return {
        "places": places,
        "confirmed_stored": holding,
        "confirmed_answers": confirmed_answers,
        "overbooked": overbooked,
        "met": overbooked == 0
        and holding == capacity
        and confirmed_answers == places
        and answers["server_errors"] == 0,
    }


def throughput(base, path, args):
    poster = Poster(path, "throughput", 1)
    runner = bench_load.Runner(
        base,
        clients=args.clients,
        warmup=args.warmup,
        requests=args.requests,
        max_seconds=args.seconds,
    )
    before = conflicts(base)
    result = runner.run(
        bench_load.Endpoint(
            "register",
            SITE_ID,
            write=poster.write,
            description="POST @registrations, distinct registrants",
        )
    )
    result["conflicts"] = conflicts_since(base, before)
    result["answers"] = tally(poster.answers)  # warm-up included
    result["store"] = store_counts(base, path, args.password)
    return result


def race(base, path, racers, phase, prefilled, password):
    """``racers`` clients, connected, post one registration each at once."""
    poster = Poster(path, f"race-{phase}", phase)
    barrier = threading.Barrier(racers)
    latencies = [None] * racers

    def work(number):
        client = bench_load.Client(base)
        try:
            client.request("GET", f"/{SITE_ID}/@@bench-floor", accept="text/plain")
            barrier.wait()
            _status, seconds, _size = poster.post(client, number)
            latencies[number] = seconds * 1000
        finally:
            client.close()

    before = conflicts(base)
    threads = [threading.Thread(target=work, args=(n,)) for n in range(racers)]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    wall = time.perf_counter() - started
    answers = tally(poster.answers)
    store = store_counts(base, path, password)
    done = [value for value in latencies if value is not None]
    return {
        "racers": racers,
        "seconds": round(wall, 2),
        "p50_ms": round(bench_load.percentile(done, 0.5), 1),
        "p95_ms": round(bench_load.percentile(done, 0.95), 1),
        "max_ms": round(max(done), 1),
        "answers": answers,
        "conflicts": conflicts_since(base, before),
        "store": store,
        "verdict": race_verdict(store["capacity"], prefilled, store["counts"], answers),
        # Each position of the waiting list answered once: 1, 2, … n.
        "waiting_positions_distinct": sorted(poster.positions)
        == list(range(1, len(poster.positions) + 1)),
    }


def pages(base, paths, clients, warmup, requests):
    """The HTML pages of ``paths`` (name -> path), anonymous, the clients
    alternating between them; one summary per name."""
    names = list(paths)
    samples = {name: [] for name in names}
    for name in names:  # one alone first (CPython gh-106905, see bench_load)
        client = bench_load.Client(base)
        client.request("GET", paths[name], accept=bench_load.HTML)
        client.close()
    barrier = threading.Barrier(clients + 1)

    def work(number):
        client = bench_load.Client(base)
        try:
            for _ in range(warmup):
                for name in names:
                    client.request("GET", paths[name], accept=bench_load.HTML)
            barrier.wait()
            for i in range(requests):
                for k in range(len(names)):
                    name = names[(number + i + k) % len(names)]
                    status, headers, body, seconds = client.request(
                        "GET", paths[name], accept=bench_load.HTML
                    )
                    samples[name].append((status, headers, len(body), seconds))
        finally:
            client.close()

    threads = [threading.Thread(target=work, args=(n,)) for n in range(clients)]
    for thread in threads:
        thread.start()
    barrier.wait()
    started = time.perf_counter()
    for thread in threads:
        thread.join()
    wall = time.perf_counter() - started
    return {name: bench_load.summarise(samples[name], wall) for name in names}


def evaluate(results):
    """``{target: {"value", "met"}}`` of a run."""
    found = {}
    page = results["page"]
    value = bench_report.ratio(page["full"]["p95_ms"], page["empty"]["p95_ms"])
    found["page_p95"] = {"value": value, "met": value is not None and value <= 1.1}
    overbooked = sum(race["verdict"]["overbooked"] for race in results["races"])
    found["overbooked"] = {
        "value": overbooked,
        "met": all(race["verdict"]["met"] for race in results["races"]),
    }
    errors = results["throughput"]["answers"]["server_errors"] + sum(
        race["answers"]["server_errors"] for race in results["races"]
    )
    found["no_5xx"] = {"value": errors, "met": errors == 0}
    return found


TARGETS = (
    ("overbooked", "racing for the last places: 0 overbooked, confirmed == capacity"),
    ("no_5xx", "no answer 5xx (conflicts retried)"),
    ("page_p95", "training page p95, 2,000 registrations stored / none: ≤ 1.1"),
)


def fmt_statuses(statuses):
    return ", ".join(f"{name} {count}" for name, count in sorted(statuses.items()))


def render(results):
    """The section of docs/performance.md between the markers."""
    info = results["machine"]
    put = results["throughput"]
    page = results["page"]
    lines = [
        START,
        "",
        f"Run {info['date']} on {info['cpu']}, {info['cores']} cores, Python "
        f"{info['python']}; load average at start "
        f"{info['load_average_at_start']}; commit {results['commit'][:12]}. "
        f"Site created in {results['generation']['site_seconds']} s, the "
        f"trainings and their {PAGE_STORED + 2 * results['prefilled']:,} stored "
        f"registrations in {results['generation']['trainings_seconds']} s. "
        f"Whole run {results['run_seconds']:.0f} s.",
        "",
        f"**Throughput**: {put['clients']} clients, distinct registrants, one "
        f"training, {put['requests']} registrations measured in "
        f"{put['seconds']} s after {put['warmup']} warm-up each (the answers "
        f"and the store count the warm-up too).",
        "",
        "| registrations/s | p50 ms | p95 ms | max ms | statuses | retried answers | retries | conflicts given up | confirmed answers / stored |",
        "| ---: | ---: | ---: | ---: | --- | ---: | ---: | ---: | ---: |",
        "| {rps} | {p50} | {p95} | {max} | {statuses} | {retried} | {retries} | {given} | {stored} |".format(
            rps=bench_report.fmt(put["rps"]),
            p50=bench_report.fmt(put["p50_ms"]),
            p95=bench_report.fmt(put["p95_ms"]),
            max=bench_report.fmt(put["max_ms"]),
            statuses=fmt_statuses(put["statuses"]),
            retried=put["answers"]["retried_answers"],
            retries=put["answers"]["retries"],
            given=put["conflicts"]["given_up"],
            stored=f"{put['answers']['outcomes'].get('confirmed', 0)} / "
            f"{put['store']['counts']['confirmed']}",
        ),
        "",
        f"**Race**: {results['races'][0]['racers']} clients post at the same "
        f"moment (a barrier) for the last {results['races'][0]['verdict']['places']} "
        f"places of a training of {RACE_CAPACITY}; the store read back as admin.",
        "",
        "| training | confirmed answers | other answers | 5xx | stored confirmed / capacity | overbooked | retried answers | retries (most on one) | given up | p50 ms | p95 ms | met |",
        "| --- | ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |",
    ]
    for entry in results["races"]:
        answers, verdict = entry["answers"], entry["verdict"]
        others = {
            name: count
            for name, count in answers["outcomes"].items()
            if name != "confirmed"
        }
        others.update(
            {
                f"HTTP {status}": count
                for status, count in answers["statuses"].items()
                if status != "201"
            }
        )
        if entry.get("waiting_positions_distinct") and "waiting" in others:
            others["waiting"] = (
                f"{others['waiting']} (positions 1 to {others['waiting']})"
            )
        lines.append(
            f"| {entry['name']} | {verdict['confirmed_answers']} | "
            f"{fmt_statuses(others) or '–'} | {answers['server_errors']} | "
            f"{verdict['confirmed_stored']} / {entry['store']['capacity']} | "
            f"{verdict['overbooked']} | {answers['retried_answers']} | "
            f"{answers['retries']} ({answers['most_retries']}) | "
            f"{entry['conflicts']['given_up']} | {bench_report.fmt(entry['p50_ms'])} | "
            f"{bench_report.fmt(entry['p95_ms'])} | "
            f"{'yes' if verdict['met'] else '**no**'} |"
        )
    lines += [
        "",
        f"**Training page** (HTML, anonymous): {page['clients']} clients "
        f"alternating between two trainings alike, {page['requests']} requests "
        f"of each page per client after {page['warmup']} warm-up.",
        "",
        "| training | p50 ms | p95 ms | max ms | statuses |",
        "| --- | ---: | ---: | ---: | --- |",
    ]
    for name, text in (
        ("empty", "no registration"),
        ("full", f"{PAGE_STORED:,} stored"),
    ):
        entry = page[name]
        lines.append(
            f"| {text} | {bench_report.fmt(entry['p50_ms'])} | "
            f"{bench_report.fmt(entry['p95_ms'])} | {bench_report.fmt(entry['max_ms'])} | "
            f"{fmt_statuses(entry['statuses'])} |"
        )
    logged = results.get("conflicts_logged") or {}
    if logged:
        lines += [
            "",
            "Conflicts in the instance's log (Zope's error log), by training and "
            "by the class of the object both transactions wrote:",
            "",
            "| training, object | retried | given up (answered 500) |",
            "| --- | ---: | ---: |",
        ]
        for name, entry in sorted(logged.items()):
            lines.append(
                f"| {name} | {entry.get('retried', 0)} | {entry.get('given_up', 0)} |"
            )
    lines += ["", "| target | measured | met |", "| --- | --- | --- |"]
    for key, text in TARGETS:
        target = results["targets"].get(key)
        if target is None:
            lines.append(f"| {text} | not measured | – |")
            continue
        value = target["value"]
        value = f"{value:.2f}x" if isinstance(value, float) else str(value)
        lines.append(f"| {text} | {value} | {'yes' if target['met'] else '**no**'} |")
    lines += ["", END]
    return "\n".join(lines)


def update_document(document, results):
    document = Path(document)
    block = render(results)
    text = document.read_text() if document.exists() else ""
    pattern = re.compile(re.escape(START) + ".*?" + re.escape(END), re.DOTALL)
    if pattern.search(text):
        text = pattern.sub(lambda _match: block, text)
    else:
        text = text.rstrip() + "\n\n" + block + "\n"
    document.write_text(text)
    return document


def write_instance(folder):
    """bench_run's instance, trusting the benchmark's own address as a
    proxy (X-Forwarded-For), in this instance only."""
    etc = bench_run.write_instance(folder)
    conf = etc / "zope.conf"
    conf.write_text(conf.read_text() + "\ntrusted-proxy 127.0.0.1\n")
    return etc


def generate(folder, etc, plan):
    env = bench_run.environment()
    env.update(BENCH_OUT=str(folder), BENCH_PLAN=json.dumps(plan), MAIL_DELIVERY="0")
    subprocess.run(
        [
            bench_run.BIN / "zconsole",
            "run",
            etc / "zope.conf",
            HERE / "bench_registrations.py",
        ],
        check=True,
        env=env,
        cwd=ROOT,
    )


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=8092)
    parser.add_argument("--clients", type=int, default=4)
    parser.add_argument("--warmup", type=int, default=3)
    parser.add_argument(
        "--requests", type=int, default=250, help="throughput: registrations each"
    )
    parser.add_argument(
        "--seconds", type=float, default=60, help="throughput: time budget"
    )
    parser.add_argument("--racers", type=int, default=50)
    parser.add_argument("--places", type=int, default=10)
    parser.add_argument("--page-requests", type=int, default=50)
    parser.add_argument(
        "--source",
        default="HEAD",
        help="commit of the add-on to measure, or 'worktree' (default: HEAD)",
    )
    parser.add_argument("--password", default=os.environ.get("ADMIN_PASSWORD", "admin"))
    parser.add_argument(
        "--results",
        default=str(ROOT / "docs" / "bench" / "results-registrations.json"),
    )
    parser.add_argument("--document", default=str(ROOT / "docs" / "performance.md"))
    args = parser.parse_args(argv)
    started = time.perf_counter()
    machine = bench_report.machine()
    bench_run.SOURCE, commit = bench_run.snapshot(args.source)
    folder = ROOT / "instance" / "var" / "bench" / "registrations"
    if folder.exists():
        shutil.rmtree(folder)
    etc = write_instance(folder)
    plan = trainings_plan(args.places)
    generate(folder, etc, plan)
    targets = json.loads((folder / "targets.json").read_text())
    paths = targets["paths"]
    os.environ["MAIL_DELIVERY"] = "0"  # bench_run.environment() passes it on
    process = bench_run.start_server(etc, args.port)
    base = f"http://127.0.0.1:{args.port}"
    try:
        page = pages(
            base,
            {"empty": paths["page-empty"], "full": paths["page-full"]},
            args.clients,
            args.warmup,
            args.page_requests,
        )
        page.update(
            clients=args.clients, warmup=args.warmup, requests=args.page_requests
        )
        print(f"page {page}", flush=True)
        put = throughput(base, paths["throughput"], args)
        put.update(clients=args.clients, warmup=args.warmup)
        print(f"throughput {put}", flush=True)
        races = []
        for phase, name in ((2, "race-waiting"), (3, "race-full")):
            entry = race(
                base, paths[name], args.racers, phase, plan[name][2], args.password
            )
            entry["name"] = name
            races.append(entry)
            print(f"{name} {entry}", flush=True)
    finally:
        bench_run.stop_server(process)
    with open(folder / "var" / "log" / "event.log", errors="replace") as log:
        conflicts_logged = log_conflicts(log)
    results = {
        "benchmark": "registrations",
        "commit": commit,
        "machine": machine,
        "generation": {
            "site_seconds": targets["site_seconds"],
            "trainings_seconds": targets["trainings_seconds"],
        },
        "plan": plan,
        "prefilled": plan["race-full"][2],
        "page": page,
        "throughput": put,
        "races": races,
        "conflicts_logged": conflicts_logged,
        "run_seconds": round(time.perf_counter() - started, 1),
    }
    results["targets"] = evaluate(results)
    bench_report.write_results(args.results, results)
    update_document(args.document, results)
    print(f"Results: {args.results}; section in {args.document}")
    return results


if __name__ == "__main__":
    if "app" in globals():  # zconsole run: the instance's step
        prepare(globals()["app"])
    else:
        main()
