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
