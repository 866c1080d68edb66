"""Results of the benchmark: the JSON file of one run, and the Markdown
tables of every run found, written into docs/performance.md between two
markers (the text around them is written by hand)."""

from pathlib import Path

import datetime
import json
import os
import platform
import re


START = "<!-- bench-results:start -->"
END = "<!-- bench-results:end -->"
LABELS = {
    "floor": "floor (no-op view)",
    "search": "search, b_size 25",
    "search_all": "search without filters, 4 facet counts",
    "item_json": "one item as JSON",
    "item_html": "one item's HTML page",
    "listing": "practices listing page, 2 filters",
    "write": "create + workflow to published",
    "dashboard": "network dashboard page",
    "dashboard_json": "network dashboard as JSON",
}
# Targets of the issue: (key, text).
TARGETS = (
    ("search_p95", "@network-search with 4 facet counts: p95 ≤ vanilla @search p95"),
    (
        "no_content_loads",
        "0 content objects loaded per search, listing or dashboard request",
    ),
    ("dashboard_p95", "the dashboard page within 3x the listing page (p95)"),
    ("scaling", "100k vs 10k items: search p95 grows ≤ 1.5x"),
    ("item_json", "item JSON within 1.2x of the vanilla Document (p95)"),
    ("item_html", "item HTML page within 1.2x of the vanilla Document (p95)"),
)


def machine():
    model = ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        model = platform.processor()
    try:
        load = os.getloadavg()
    except OSError:
        load = None
    return {
        "cpu": model,
        "cores": os.cpu_count(),
        "python": platform.python_version(),
        "system": platform.platform(),
        "load_average_at_start": [round(value, 2) for value in load] if load else None,
        "date": datetime.datetime.now(datetime.timezone.utc).isoformat(
            timespec="seconds"
        ),
    }


def find(results, name, site):
    for entry in results["endpoints"]:
        if entry["name"] == name and entry["site"] == site:
            return entry
    return None


def ratio(a, b):
    if not a or not b:
        return None
    return round(a / b, 2)


def evaluate(results, smaller=None):
    """``{target: {"value", "met", "note"}}`` for one run; ``smaller`` is
    the 10k run, for the scaling target of the 100k run."""
    found = {}
    ours, vanilla = find(results, "search", "ours"), find(results, "search", "vanilla")
    if ours and vanilla:
        value = ratio(ours["p95_ms"], vanilla["p95_ms"])
        found["search_p95"] = {"value": value, "met": value <= 1.0}
    loads = {
        f"{entry['name']} ({entry['site']})": entry["cold"]["content_loads"]
        for entry in results["endpoints"]
        if entry["site"] == "ours"
        and entry["name"]
        in ("search", "search_all", "listing", "dashboard", "dashboard_json")
        and "cold" in entry
    }
    if loads:
        found["no_content_loads"] = {
            "value": loads,
            "met": all(count == 0 for count in loads.values()),
        }
    if smaller is not None:
        large, small = find(results, "search", "ours"), find(smaller, "search", "ours")
        if large and small:
            value = ratio(large["p95_ms"], small["p95_ms"])
            found["scaling"] = {"value": value, "met": value <= 1.5}
    dashboard, listing = (
        find(results, "dashboard", "ours"),
        find(results, "listing", "ours"),
    )
    if dashboard and listing:
        value = ratio(dashboard["p95_ms"], listing["p95_ms"])
        found["dashboard_p95"] = {"value": value, "met": value <= 3.0}
    for name in ("item_json", "item_html"):
        ours, vanilla = find(results, name, "ours"), find(results, name, "vanilla")
        if ours and vanilla:
            value = ratio(ours["p95_ms"], vanilla["p95_ms"])
            found[name] = {"value": value, "met": value <= 1.2}
    return found


def write_results(path, results):
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n")


def load_results(folder):
    """Every ``results-<label>.json`` in ``folder``, smallest size first;
    the results of the other benchmarks (with a ``benchmark`` key, such as
    ``results-registrations.json``) are left to their own scripts."""
    runs = [
        json.loads(path.read_text())
        for path in sorted(Path(folder).glob("results-*.json"))
    ]
    runs = [run for run in runs if "benchmark" not in run]
    return sorted(runs, key=lambda run: run["size"])


def fmt(value, digits=1):
    if value is None:
        return "–"
    if isinstance(value, float):
        return f"{value:.{digits}f}"
    return str(value)


def endpoint_table(results):
    floor = find(results, "floor", "floor")
    lines = [
        "| endpoint | site | p50 ms | p95 ms | req/s | ours/vanilla p50 | ours/vanilla p95 | ours/floor p50 | bytes | loads warm | loads cold (content) |",
        "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for entry in results["endpoints"]:
        other = (
            find(results, entry["name"], "vanilla") if entry["site"] == "ours" else None
        )
        cold = entry.get("cold")
        cold_text = f"{cold['loads']} ({cold['content_loads']})" if cold else "–"
        lines.append(
            "| {label} | {site} | {p50} | {p95} | {rps} | {rv50} | {rv95} | {rf} | {size} | {warm} | {cold} |".format(
                label=LABELS.get(entry["name"], entry["name"]),
                site=entry["site"],
                p50=fmt(entry["p50_ms"]),
                p95=fmt(entry["p95_ms"]),
                rps=fmt(entry["rps"]),
                rv50=fmt(ratio(entry["p50_ms"], other["p50_ms"]) if other else None, 2),
                rv95=fmt(ratio(entry["p95_ms"], other["p95_ms"]) if other else None, 2),
                rf=fmt(
                    ratio(entry["p50_ms"], floor["p50_ms"])
                    if floor and entry["site"] == "ours"
                    else None,
                    1,
                ),
                size=entry["bytes"],
                warm=fmt(entry.get("warm_loads")),
                cold=cold_text,
            )
        )
    return lines


def target_table(evaluation):
    lines = ["| target | measured | met |", "| --- | --- | --- |"]
    for key, text in TARGETS:
        if key not in evaluation:
            lines.append(f"| {text} | not measured in this run | – |")
            continue
        value = evaluation[key]["value"]
        if isinstance(value, dict):
            value = ", ".join(f"{name}: {count}" for name, count in value.items())
        elif isinstance(value, float):
            value = f"{value:.2f}x"
        met = "yes" if evaluation[key]["met"] else "**no**"
        lines.append(f"| {text} | {value} | {met} |")
    return lines


def cut_line(results):
    """Endpoints whose phase was cut short by the time budget."""
    cut = [
        f"{endpoint['name']} ({endpoint['site']}) {endpoint['requests']} requests"
        for endpoint in results["endpoints"]
        if endpoint.get("cut")
    ]
    if not cut:
        return []
    return [
        f"Cut short by the time budget of {results['max_seconds']:.0f} s per "
        f"phase: {', '.join(cut)}.",
        "",
    ]


def run_section(results, smaller=None):
    generation = results["generation"]
    info = results["machine"]
    objects = ", ".join(f"{n} {name}" for name, n in generation["objects"].items())
    lines = [
        f"### {results['label']}: {results['size']:,} items per site",
        "",
        f"Run {info['date']} on {info['cpu']}, {info['cores']} cores, Python "
        f"{info['python']} ({info['system']}); load average at start "
        f"{info['load_average_at_start']}. {results['clients']} concurrent "
        f"clients, {results['requests']} requests each after "
        f"{results['warmup']} warm-up requests (writes: "
        f"{results['write_requests']} each).",
        "",
        f"Objects per site: {objects}. Generation: ours "
        f"{generation['ours']['seconds']} s ({generation['ours']['per_second']}/s), "
        f"vanilla {generation['vanilla']['seconds']} s "
        f"({generation['vanilla']['per_second']}/s), two empty sites "
        f"{generation['sites_seconds']} s; peak memory "
        f"{generation['vanilla']['peak_memory_mb']} MB. Whole run "
        f"{results['run_seconds']:.0f} s.",
        "",
        *endpoint_table(results),
        "",
        *cut_line(results),
        "Search result sizes: "
        + ", ".join(
            f"{name} {total}" for name, total in results.get("items_total", {}).items()
        )
        + ".",
        "",
        *target_table(evaluate(results, smaller)),
    ]
    return lines


def render(runs):
    lines = [START, ""]
    smaller = None
    for results in runs:
        lines.extend(run_section(results, smaller))
        lines.append("")
        smaller = smaller or results
    lines.append(END)
    return "\n".join(lines)


def update_document(document, folder):
    document = Path(document)
    block = render(load_results(folder))
    text = document.read_text() if document.exists() else ""
    pattern = re.compile(re.escape(START) + ".*?" + re.escape(END), re.DOTALL)
    if pattern.search(text):
        text = pattern.sub(lambda _match: block, text)
    else:
        text = text.rstrip() + "\n\n" + block + "\n"
    document.write_text(text)
    return document
