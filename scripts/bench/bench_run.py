"""The benchmark from end to end (``make bench``, ``make bench-100k``).

    .venv/bin/python scripts/bench/bench_run.py --size 10000 --label 10k

1. Writes an instance for the benchmark in ``instance/var/bench/<label>/``:
   ``etc/zope.conf`` and ``etc/zope.ini`` are the portal's own
   (``instance/etc``) with the instance home moved there, so that the data
   is a FileStorage of its own (``var/filestorage/Data.fs``), never the
   development database; ``etc/site.zcml`` includes the portal's and
   ``bench.zcml`` (the floor view and the load counters).
2. Builds the two sites (``bench_generate.py`` through ``zconsole run``),
   unless ``--reuse`` and the data exist.
3. Starts waitress (``runwsgi``) on that instance, runs the load from this
   process (``bench_load``), stops the server.
4. Writes ``docs/bench/results-<label>.json`` and the tables of every
   results file into ``docs/performance.md``.
"""

from pathlib import Path

import argparse
import json
import os
import shutil
import signal
import subprocess
import sys
import time
import urllib.request


HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
sys.path.insert(0, str(HERE))

import bench_load  # noqa: E402
import bench_report  # noqa: E402


BIN = ROOT / ".venv" / "bin"
# The facet values the searches filter on: the most common of each facet.
FILTERS = {
    "thematic_areas": "labour_market",
    "target_groups": "third_country_nationals",
    "countries": "GR",
}


def write_instance(folder):
    """The benchmark's instance configuration, from the portal's own."""
    etc = folder / "etc"
    for name in ("log", "filestorage", "blobstorage", "cache"):
        (folder / "var" / name).mkdir(parents=True, exist_ok=True)
    for path in (etc,):
        path.mkdir(parents=True, exist_ok=True)
    source = ROOT / "instance" / "etc"
    conf = (source / "zope.conf").read_text()
    conf = conf.replace(
        "%define INSTANCE $(INSTANCE_HOME)", f"%define INSTANCE {folder}"
    )
    conf = conf.replace("%include $(ZODB_CONF)", f"%include {etc / 'zodb.conf'}")
    (etc / "zope.conf").write_text(conf)
    shutil.copy(source / "zodb-filestorage.conf", etc / "zodb.conf")
    shutil.copy(source / "zope.ini", etc / "zope.ini")
    (etc / "site.zcml").write_text(
        '<configure xmlns="http://namespaces.zope.org/zope">\n'
        f'  <include file="{source / "site.zcml"}" />\n'
        f'  <include file="{HERE / "bench.zcml"}" />\n'
        "</configure>\n"
    )
    return etc


SOURCE = None  # the add-on's code the benchmark runs: see snapshot()


def snapshot(source):
    """The add-on's code at the commit ``source`` (``worktree``: the
    checkout as it is), so that a run measures one known state of the
    code even while the checkout changes. Returns (folder, commit)."""
    if source == "worktree":
        return None, "worktree"
    commit = subprocess.run(
        ["git", "rev-parse", source],
        cwd=ROOT,
        check=True,
        capture_output=True,
        text=True,
    ).stdout.strip()
    folder = ROOT / "instance" / "var" / "bench" / f"src-{commit[:12]}"
    if not (folder / "src").exists():
        folder.mkdir(parents=True, exist_ok=True)
        archive = subprocess.run(
            ["git", "archive", commit, "src"],
            cwd=ROOT,
            check=True,
            capture_output=True,
        ).stdout
        subprocess.run(["tar", "-x", "-C", folder], input=archive, check=True)
    return folder / "src", commit


def environment():
    """The add-on's snapshot first on the path (before the editable
    install of the checkout), then this folder for bench_hooks."""
    env = dict(os.environ)
    paths = [str(HERE)]
    if SOURCE is not None:
        paths.insert(0, str(SOURCE))
    env["PYTHONPATH"] = os.pathsep.join(
        [*paths, *filter(None, [env.get("PYTHONPATH")])]
    )
    return env


def generate(folder, etc, size, seed):
    env = environment()
    env.update(BENCH_SIZE=str(size), BENCH_SEED=str(seed), BENCH_OUT=str(folder))
    subprocess.run(
        [BIN / "zconsole", "run", etc / "zope.conf", HERE / "bench_generate.py"],
        check=True,
        env=env,
        cwd=ROOT,
    )


def start_server(etc, port):
    log = open(etc.parent / "var" / "log" / "runwsgi.log", "ab")  # noqa: SIM115
    process = subprocess.Popen(
        [BIN / "runwsgi", etc / "zope.ini", "http_host=127.0.0.1", f"http_port={port}"],
        env=environment(),
        cwd=ROOT,
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    url = f"http://127.0.0.1:{port}/ours/@@bench-floor"
    deadline = time.monotonic() + 300
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"the server stopped; see {log.name}")
        try:
            with urllib.request.urlopen(url, timeout=5) as answer:  # noqa: S310
                if answer.status == 200:
                    return process
        except OSError:
            time.sleep(1)
    stop_server(process)
    raise RuntimeError("the server did not answer within 300 s")


def stop_server(process):
    if process.poll() is None:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)


def items_totals(base):
    """How many items each search finds (for the record)."""
    client = bench_load.Client(base)
    totals = {}
    try:
        for endpoint in bench_load.read_endpoints({"practices": ["x"]}, FILTERS):
            if endpoint.name.startswith("search"):
                _status, _headers, body, _seconds = client.request(
                    "GET", endpoint.path(0)
                )
                totals[f"{endpoint.name} ({endpoint.site})"] = json.loads(body)[
                    "items_total"
                ]
    finally:
        client.close()
    return totals


def measure(base, targets, args):
    runner = bench_load.Runner(
        base,
        clients=args.clients,
        warmup=args.warmup,
        requests=args.requests,
        auth=("admin", args.password),
        max_seconds=args.max_seconds,
    )
    endpoints = []
    for endpoint in bench_load.read_endpoints(targets, FILTERS):
        result = runner.run(endpoint)
        endpoints.append(
            {
                "name": endpoint.name,
                "site": endpoint.site,
                "description": endpoint.description,
                **result,
            }
        )
        print(f"{endpoint.name:12} {endpoint.site:8} {result}", flush=True)
    for endpoint in bench_load.write_endpoints(targets):
        result = runner.run(endpoint, requests=args.write_requests)
        endpoints.append(
            {
                "name": endpoint.name,
                "site": endpoint.site,
                "description": endpoint.description,
                **result,
            }
        )
        print(f"{endpoint.name:12} {endpoint.site:8} {result}", flush=True)
    return endpoints


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=10000)
    parser.add_argument("--label", default=None)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--port", type=int, default=8091)
    parser.add_argument("--clients", type=int, default=4)
    parser.add_argument("--warmup", type=int, default=5)
    parser.add_argument("--requests", type=int, default=50)
    parser.add_argument("--write-requests", type=int, default=8)
    parser.add_argument(
        "--max-seconds",
        type=float,
        default=120,
        help="time budget of each endpoint's warm-up and measured phase",
    )
    parser.add_argument("--reuse", action="store_true", help="keep existing data")
    parser.add_argument(
        "--source",
        default="HEAD",
        help="commit of the add-on to measure, or 'worktree' (default: HEAD)",
    )
    parser.add_argument("--password", default=os.environ.get("ADMIN_PASSWORD", "admin"))
    parser.add_argument("--results", default=str(ROOT / "docs" / "bench"))
    parser.add_argument("--document", default=str(ROOT / "docs" / "performance.md"))
    args = parser.parse_args(argv)
    label = args.label or f"{args.size // 1000}k"
    folder = ROOT / "instance" / "var" / "bench" / label
    started = time.perf_counter()
    machine = bench_report.machine()
    global SOURCE
    SOURCE, commit = snapshot(args.source)
    data_file = folder / "var" / "filestorage" / "Data.fs"
    if not (args.reuse and data_file.exists()):
        if folder.exists():
            shutil.rmtree(folder)
        etc = write_instance(folder)
        generate(folder, etc, args.size, args.seed)
    else:
        etc = write_instance(folder)
    generation = json.loads((folder / "generation.json").read_text())
    targets = json.loads((folder / "targets.json").read_text())
    process = start_server(etc, args.port)
    base = f"http://127.0.0.1:{args.port}"
    try:
        totals = items_totals(base)
        endpoints = measure(base, targets, args)
    finally:
        stop_server(process)
    results = {
        "label": label,
        "size": args.size,
        "clients": args.clients,
        "warmup": args.warmup,
        "requests": args.requests,
        "write_requests": args.write_requests,
        "max_seconds": args.max_seconds,
        "commit": commit,
        "filters": FILTERS,
        "machine": machine,
        "generation": generation,
        "items_total": totals,
        "endpoints": endpoints,
        "run_seconds": round(time.perf_counter() - started, 1),
    }
    results["targets"] = bench_report.evaluate(results)
    path = Path(args.results) / f"results-{label}.json"
    bench_report.write_results(path, results)
    bench_report.update_document(args.document, args.results)
    print(f"Results: {path}; tables in {args.document}")
    return results


if __name__ == "__main__":
    main()
