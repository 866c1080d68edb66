"""The benchmark's tooling at a tiny size: the plan, both builders, the
statistics and the results writer. Nothing here measures time."""

from pathlib import Path
from plone import api
from plone.app.multilingual.interfaces import ITG

import json
import pytest
import sys
import transaction


BENCH = Path(__file__).resolve().parents[2] / "scripts" / "bench"
sys.path.insert(0, str(BENCH))

import bench_data  # noqa: E402
import bench_load  # noqa: E402
import bench_registrations  # noqa: E402
import bench_report  # noqa: E402
import bench_text  # noqa: E402


SIZE = 50


@pytest.fixture(scope="module")
def plan():
    return bench_data.make_plan(SIZE, seed=3)


@pytest.fixture(scope="module")
def texts():
    return bench_data.Texts(bench_text.vocabularies(seed=3))


def test_plan_has_the_size_asked_for(plan):
    counts = bench_data.count(plan)
    assert sum(counts.values()) == SIZE
    assert set(counts) <= {"Organisation", "Practice", "Training"}
    assert counts["Practice"] > counts["Organisation"]


def test_texts_are_the_same_for_the_same_item(plan, texts):
    item = plan[0].children[0]
    first, second = texts(item, "el"), texts(item, "el")
    assert first == second
    assert texts(item, "en") != first
    for name, size in item.sizes.items():
        if name != "description":
            assert len(first[name]) >= size


def test_both_sites_get_the_plan(functional, plan, texts):
    portal = functional["portal"]
    counts = bench_data.count(plan)
    with api.env.adopt_roles(["Manager"]):
        ours = bench_data.OursBuilder(portal, texts)
        ours.make_networks()
        created = ours.build(plan)
        vanilla_root = api.content.create(
            container=portal, type="Folder", id="vanilla", title="Vanilla"
        )
        transaction.commit()
        vanilla = bench_data.VanillaBuilder(vanilla_root, texts)
        vanilla.make_folders()
        vanilla_created = vanilla.build(plan)
    assert created == SIZE + 2 * len(bench_data.NETWORKS)
    assert vanilla_created == SIZE + 4  # two folders per language

    catalog = api.portal.get_tool("portal_catalog")
    for portal_type in ("Practice", "Training", "Organisation"):
        brains = catalog.unrestrictedSearchResults(
            portal_type=portal_type, review_state=["published", "active"]
        )
        assert len(brains) == counts[portal_type]
    vanilla_path = "/".join(vanilla_root.getPhysicalPath())
    documents = catalog.unrestrictedSearchResults(
        portal_type="Document", path=vanilla_path, review_state="published"
    )
    assert len(documents) == counts["Practice"]

    # Indexed with the facet values and the organisation's data.
    practice = plan[0].children[0]
    language = practice.languages[0]
    obj = portal[language]["organisations"][plan[0].id][practice.id]
    brain = catalog.unrestrictedSearchResults(UID=obj.UID())[0]
    assert list(brain.thematic_areas) == practice.values["thematic_areas"]
    assert brain.organisation_title == obj.aq_parent.Title()

    # Translations share their translation group.
    for organisation in plan:
        for item in (organisation, *organisation.children):
            if len(item.languages) == 2:
                parent = ("organisations",) + (
                    (organisation.id,) if item is not organisation else ()
                )
                el = portal.el.unrestrictedTraverse("/".join((*parent, item.id)))
                en = portal.en.unrestrictedTraverse("/".join((*parent, item.id)))
                assert ITG(el) == ITG(en)

    targets = bench_data.targets(plan)
    for path in targets["practices"]:
        assert portal.unrestrictedTraverse(path).portal_type == "Practice"
        assert vanilla_root.unrestrictedTraverse(path).portal_type == "Document"


def test_percentile():
    values = list(range(1, 101))
    assert bench_load.percentile(values, 0.5) == 50
    assert bench_load.percentile(values, 0.95) == 95
    assert bench_load.percentile([7], 0.95) == 7
    assert bench_load.percentile([], 0.5) is None


def endpoint(name, site, p50, p95, content_loads=0):
    return {
        "name": name,
        "site": site,
        "p50_ms": p50,
        "p95_ms": p95,
        "rps": 10.0,
        "bytes": 1000,
        "warm_loads": 0.0,
        "cold": {"loads": 100, "content_loads": content_loads},
    }


def results(size, label, search_p95):
    return {
        "label": label,
        "size": size,
        "clients": 4,
        "warmup": 5,
        "requests": 50,
        "write_requests": 8,
        "run_seconds": 600.0,
        "machine": bench_report.machine(),
        "generation": {
            "objects": {"Practice": 30, "Training": 15, "Organisation": 5},
            "sites_seconds": 5.0,
            "ours": {"seconds": 10.0, "per_second": 5.0, "peak_memory_mb": 300},
            "vanilla": {"seconds": 8.0, "per_second": 6.0, "peak_memory_mb": 310},
        },
        "items_total": {"search (ours)": 12},
        "endpoints": [
            endpoint("floor", "floor", 5.0, 8.0),
            endpoint("search", "vanilla", 80.0, 100.0),
            endpoint("search", "ours", 60.0, search_p95),
            endpoint("item_json", "vanilla", 40.0, 50.0),
            endpoint("item_json", "ours", 60.0, 70.0),
            endpoint("listing", "ours", 200.0, 300.0, content_loads=3),
            endpoint("dashboard", "ours", 500.0, 1000.0),
        ],
    }


def test_evaluation_of_the_targets():
    small = results(10000, "10k", 90.0)
    found = bench_report.evaluate(small)
    assert found["search_p95"] == {"value": 0.9, "met": True}
    assert found["item_json"] == {"value": 1.4, "met": False}
    assert found["no_content_loads"]["met"] is False
    assert found["no_content_loads"]["value"]["dashboard (ours)"] == 0
    assert found["dashboard_p95"] == {"value": 3.33, "met": False}
    assert "scaling" not in found
    large = results(100000, "100k", 180.0)
    assert bench_report.evaluate(large, small)["scaling"] == {
        "value": 2.0,
        "met": False,
    }


def test_results_written_and_rendered_into_the_document(tmp_path):
    folder = tmp_path / "bench"
    bench_report.write_results(folder / "results-10k.json", results(10000, "10k", 90.0))
    bench_report.write_results(
        folder / "results-100k.json", results(100000, "100k", 120.0)
    )
    assert json.loads((folder / "results-10k.json").read_text())["size"] == 10000
    document = tmp_path / "performance.md"
    document.write_text("# Performance\n\nWritten by hand.\n")
    bench_report.update_document(document, folder)
    bench_report.update_document(document, folder)  # replaced, not appended
    text = document.read_text()
    assert text.startswith("# Performance\n\nWritten by hand.\n")
    assert text.count(bench_report.START) == 1
    assert text.index("### 10k") < text.index("### 100k")
    assert "| search, b_size 25 | ours | 60.0 | 90.0 |" in text
    assert "| 0.75 | 0.90 | 12.0 |" in text  # ours/vanilla p50, p95; ours/floor
    assert "1.33x | yes |" in text  # 100k vs 10k search p95


@pytest.fixture
def slow_server():
    """A local server whose every answer takes 20 ms."""
    from http.server import BaseHTTPRequestHandler
    from http.server import ThreadingHTTPServer

    import threading
    import time

    class Slow(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def do_GET(self):  # noqa: N802 - http.server's name
            time.sleep(0.02)
            self.send_response(200)
            self.send_header("Content-Length", "2")
            self.end_headers()
            self.wfile.write(b"ok")

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Slow)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


@pytest.mark.parametrize(("max_seconds", "cut"), [(None, False), (0.05, True)])
def test_a_slow_endpoint_is_cut_by_the_time_budget(slow_server, max_seconds, cut):
    runner = bench_load.Runner(
        slow_server, clients=2, warmup=5, requests=10, max_seconds=max_seconds
    )
    endpoint = bench_load.Endpoint("page", "vanilla", path=lambda i: "/page")
    result = runner.run(endpoint)
    assert result["cut"] is cut
    assert result["statuses"] == {"200": result["requests"]}
    if cut:
        # at least one request per client, fewer than asked
        assert 2 <= result["requests"] < 20
    else:
        assert result["requests"] == 20


def test_the_document_says_which_endpoints_were_cut():
    run = results(100000, "100k", 120.0)
    run["max_seconds"] = 120
    run["endpoints"][1].update(cut=True, requests=14)
    text = "\n".join(bench_report.run_section(run))
    assert "time budget of 120 s per phase: search (vanilla) 14 requests." in text
    assert "time budget" not in "\n".join(
        bench_report.run_section(results(10000, "10k", 90.0))
    )


# The registrations benchmark (bench_registrations.py)


def tally_of(*answers):
    return bench_registrations.tally(list(answers))


def test_tally_of_the_answers():
    found = tally_of(
        (201, "confirmed", 0),
        (201, "confirmed", 2),
        (201, "waiting", 1),
        (503, None, 3),
    )
    assert found["statuses"] == {"201": 3, "503": 1}
    assert found["outcomes"] == {"confirmed": 2, "waiting": 1}
    assert found["server_errors"] == 1
    assert (found["retried_answers"], found["retries"], found["most_retries"]) == (
        3,
        6,
        3,
    )


@pytest.mark.parametrize(
    ("counts", "answers", "overbooked", "met"),
    [
        ({"confirmed": 40, "waiting": 40}, [(201, "confirmed", 0)] * 10, 0, True),
        # One place too many in the store: overbooked, whatever was answered.
        ({"confirmed": 41}, [(201, "confirmed", 0)] * 10, 1, False),
        # Pending approval holds a place too.
        ({"confirmed": 40, "pending": 1}, [(201, "confirmed", 0)] * 10, 1, False),
        # A place left free: not overbooked, but not the verdict asked for.
        ({"confirmed": 39}, [(201, "confirmed", 0)] * 9, 0, False),
        # Told confirmed more often than stored.
        ({"confirmed": 40}, [(201, "confirmed", 0)] * 11, 0, False),
        # Right counts, but an answer 5xx.
        (
            {"confirmed": 40},
            [(201, "confirmed", 0)] * 10 + [(500, None, 3)],
            0,
            False,
        ),
    ],
)
def test_race_verdict(counts, answers, overbooked, met):
    verdict = bench_registrations.race_verdict(40, 30, counts, tally_of(*answers))
    assert verdict["places"] == 10
    assert verdict["overbooked"] == overbooked
    assert verdict["met"] is met


def test_every_registration_has_an_address_and_an_email_of_its_own():
    addresses = {bench_registrations.client_address(1, n) for n in range(5000)}
    emails = {bench_registrations.registrant("p", n)["email"] for n in range(5000)}
    assert len(addresses) == len(emails) == 5000
    assert bench_registrations.client_address(2, 0) not in addresses
    plan = bench_registrations.trainings_plan(places=10)
    capacity, waiting, stored = plan["race-waiting"]
    assert (capacity - stored, waiting) == (10, True)
    assert plan["page-full"][2] == 2000
    assert plan["page-empty"][2] == 0


def registration_results(page_full_p95=105.0, confirmed=40):
    race = {
        "name": "race-waiting",
        "racers": 50,
        "p50_ms": 900.0,
        "p95_ms": 3000.0,
        "answers": tally_of(*[(201, "confirmed", 1)] * 10, *[(201, "waiting", 0)] * 40),
        "conflicts": {"retried": 12, "given_up": 0},
        "store": {"capacity": 40, "counts": {"confirmed": confirmed, "waiting": 40}},
    }
    race["verdict"] = bench_registrations.race_verdict(
        40, 30, race["store"]["counts"], race["answers"]
    )
    summary = {"p50_ms": 80.0, "p95_ms": 100.0, "max_ms": 150.0}
    run = {
        "benchmark": "registrations",
        "commit": "0123456789abcdef",
        "machine": bench_report.machine(),
        "generation": {"site_seconds": 40.0, "trainings_seconds": 3.0},
        "prefilled": 30,
        "run_seconds": 300.0,
        "page": {
            "empty": {**summary, "statuses": {"200": 200}},
            "full": {**summary, "p95_ms": page_full_p95, "statuses": {"200": 200}},
            "clients": 4,
            "warmup": 3,
            "requests": 50,
        },
        "throughput": {
            "clients": 4,
            "warmup": 3,
            "requests": 400,
            "seconds": 60.0,
            "rps": 6.67,
            "p50_ms": 500.0,
            "p95_ms": 1500.0,
            "max_ms": 4000.0,
            "statuses": {"201": 400},
            "answers": tally_of(*[(201, "confirmed", 0)] * 412),
            "conflicts": {"retried": 30, "given_up": 0},
            "store": {"counts": {"confirmed": 412}},
        },
        "races": [race],
    }
    run["targets"] = bench_registrations.evaluate(run)
    return run


def test_registration_targets():
    found = bench_registrations.evaluate(registration_results())
    assert found["page_p95"] == {"value": 1.05, "met": True}
    assert found["overbooked"] == {"value": 0, "met": True}
    assert found["no_5xx"] == {"value": 0, "met": True}
    found = bench_registrations.evaluate(
        registration_results(page_full_p95=120.0, confirmed=41)
    )
    assert found["page_p95"] == {"value": 1.2, "met": False}
    assert found["overbooked"] == {"value": 1, "met": False}


def test_registration_section_written_between_its_markers(tmp_path):
    document = tmp_path / "performance.md"
    document.write_text(
        "# Performance\n\n"
        f"{bench_report.START}\nthe site's tables\n{bench_report.END}\n\n"
        "## Registrations\n\nWritten by hand.\n"
    )
    run = registration_results()
    bench_registrations.update_document(document, run)
    bench_registrations.update_document(document, run)  # replaced, not appended
    text = document.read_text()
    assert text.count(bench_registrations.START) == 1
    assert "the site's tables" in text
    assert text.index("Written by hand.") < text.index(bench_registrations.START)
    assert "| 6.7 | 500.0 | 1500.0 | 4000.0 | 201 400 | 0 | 0 | 0 | 412 / 412 |" in text
    assert "| race-waiting | 10 | waiting 40 | 0 | 40 / 40 | 0 | 10 | 10 (1) |" in text
    assert "| 2,000 stored | 80.0 | 105.0 | 150.0 | 200 200 |" in text
    assert "0 overbooked, confirmed == capacity | 0 | yes |" in text
    assert "≤ 1.1 | 1.05x | yes |" in text


def test_the_site_tables_leave_the_registrations_results_out(tmp_path):
    bench_report.write_results(
        tmp_path / "results-10k.json", results(10000, "10k", 90.0)
    )
    bench_report.write_results(
        tmp_path / "results-registrations.json", registration_results()
    )
    assert [run["label"] for run in bench_report.load_results(tmp_path)] == ["10k"]


@pytest.fixture
def registrations_server():
    """A stand-in for a training's ``@registrations``: 10 places left of
    40, a waiting list, every other answer retried once."""
    from http.server import BaseHTTPRequestHandler
    from http.server import ThreadingHTTPServer

    import threading

    lock = threading.Lock()
    counts = {"confirmed": 30, "waiting": 0}

    class Training(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def answer(self, status, body, headers=()):
            data = json.dumps(body).encode()
            self.send_response(status)
            self.send_header("Content-Length", str(len(data)))
            for name, value in headers:
                self.send_header(name, value)
            self.end_headers()
            self.wfile.write(data)

        def do_GET(self):  # noqa: N802 - http.server's name
            if self.path.endswith("@@bench-conflicts"):
                return self.answer(200, {"retried": 0, "given_up": 0})
            if self.path.endswith("@registrations"):
                return self.answer(
                    200,
                    {
                        "capacity": 40,
                        "places_left": 40 - counts["confirmed"],
                        "counts": dict(counts),
                        "items": [],
                    },
                )
            return self.answer(200, "ok")

        def do_POST(self):  # noqa: N802 - http.server's name
            self.rfile.read(int(self.headers["Content-Length"]))
            with lock:
                status = "confirmed" if counts["confirmed"] < 40 else "waiting"
                counts[status] += 1
                retries = str(sum(counts.values()) % 2)
                position = counts["waiting"] if status == "waiting" else None
            self.answer(
                201,
                {"status": status, "waiting_position": position},
                [("X-Bench-Retries", retries)],
            )

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Training)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def test_racers_post_once_each_and_the_store_is_read_back(registrations_server):
    found = bench_registrations.race(
        registrations_server, "/ours/t", 50, 2, 30, "admin"
    )
    assert found["answers"]["statuses"] == {"201": 50}
    assert found["answers"]["outcomes"] == {"confirmed": 10, "waiting": 40}
    assert found["answers"]["retried_answers"] == 25
    assert found["store"]["counts"] == {"confirmed": 40, "waiting": 40}
    assert found["verdict"]["met"] is True
    assert found["waiting_positions_distinct"] is True


LOG = """\
2026-12-04 02:28:26,625 INFO    [Zope.SiteErrorLog:348][waitress-1] ConflictError at /ours/el/o/org/throughput/@registrations: database conflict error (oid 0x1b, class BTrees.OOBTree.OOBTree, serial this txn started with 0x04 2026-12-04 02:27:51.154217, serial currently committed 0x04 2026-12-04 02:28:26.529277). Request will be retried.
2026-12-04 02:28:36,030 INFO    [Zope.SiteErrorLog:348][waitress-1] ConflictError at /ours/el/o/org/race-full/@registrations: database conflict error (oid 0x2396, class collective.migrationnetwork.registrations.store.TrainingRegistrations, serial this txn started with 0x04). Request will be retried.
2026-12-04 02:28:38,872 ERROR   [Zope.SiteErrorLog:35][waitress-0] ConflictError: http://127.0.0.1:8092/ours/el/o/org/throughput/@registrations
Traceback (innermost last):
  Module ZODB.ConflictResolution, line 303, in tryToResolveConflict
ZODB.POSException.ConflictError: database conflict error (oid 0x2396, class collective.migrationnetwork.registrations.store.TrainingRegistrations, serial this txn started with 0x04)
2026-12-04 02:28:39,058 INFO    [Zope.SiteErrorLog:348][waitress-0] ConflictError at /ours/el/o/org/throughput/@registrations: database conflict error (oid 0x2396, class collective.migrationnetwork.registrations.store.TrainingRegistrations, serial 0x04). Request will be retried.
"""


def test_conflicts_counted_from_the_instance_log():
    assert bench_registrations.log_conflicts(LOG.splitlines()) == {
        "throughput OOBTree": {"retried": 1},
        "race-full TrainingRegistrations": {"retried": 1},
        "throughput TrainingRegistrations": {"retried": 1, "given_up": 1},
    }
