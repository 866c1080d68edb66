"""Build the benchmark's two sites (run through ``zconsole run`` with the
benchmark's zope.conf; ``bench_run.py`` does so).

    BENCH_SIZE=10000 BENCH_OUT=instance/var/bench/10k \
        zconsole run instance/var/bench/10k/etc/zope.conf \
        scripts/bench/bench_generate.py

Creates ``ours`` (the add-on, Greek and English) and ``vanilla`` (a plain
Classic UI Plone site) in the same database, fills both with the same plan
(``bench_data``), and writes to ``BENCH_OUT``: ``generation.json`` (objects
per type, seconds and peak memory of each site's generation) and
``targets.json`` (the paths the load runs request).
"""

from AccessControl.SecurityManagement import newSecurityManager
from pathlib import Path
from Testing.makerequest import makerequest
from zope.component.hooks import setSite
from zope.globalrequest import setRequest


# scripts/bench is on PYTHONPATH (bench_run.py puts it there).
import bench_data  # noqa: E402
import bench_text  # noqa: E402
import json
import os
import resource
import time
import transaction


SITES = ("ours", "vanilla")
REST_PERMISSION = "plone.restapi: Use REST API"


def peak_memory_mb():
    """Peak resident memory of this process (Linux: ru_maxrss in KiB)."""
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)


def create_ours(app):
    from collective.migrationnetwork.sitesetup import create_site

    return create_site(app, site_id="ours", title="Migration Network (benchmark)")


def create_vanilla(app):
    """A Classic UI site with Plone's defaults; anonymous clients may use the
    REST API, as on ours, so that both answer the same anonymous requests."""
    from plone.distribution.api import site as site_api

    site = site_api.create(
        app,
        "classic",
        {
            "site_id": "vanilla",
            "title": "Vanilla Plone",
            "setup_content": False,
            "default_language": "en",
            "portal_timezone": "Europe/Athens",
        },
    )
    roles = {"Anonymous", "Manager", "Site Administrator"}
    site.manage_permission(REST_PERMISSION, roles=sorted(roles), acquire=1)
    transaction.commit()
    return site


def build(app, site_id, builder_class, plan, texts, prepare):
    site = app[site_id]
    setSite(site)
    setRequest(site.REQUEST)
    started = time.perf_counter()
    builder = builder_class(site, texts)
    getattr(builder, prepare)()
    created = builder.build(plan)
    seconds = time.perf_counter() - started
    print(f"{site_id}: {created} objects in {seconds:.1f} s", flush=True)
    return {
        "objects": created,
        "seconds": round(seconds, 1),
        "per_second": round(created / seconds, 1),
        "peak_memory_mb": peak_memory_mb(),
    }


def main(app):
    size = int(os.environ.get("BENCH_SIZE", "10000"))
    seed = int(os.environ.get("BENCH_SEED", "1"))
    out = Path(os.environ.get("BENCH_OUT", "."))
    out.mkdir(parents=True, exist_ok=True)
    from collective.migrationnetwork.sitesetup import ensure_admin

    app = makerequest(app)
    admin = ensure_admin(app, "admin", os.environ.get("ADMIN_PASSWORD", "admin"))
    newSecurityManager(None, admin.__of__(app.acl_users))
    # Committed now: creating a site begins a transaction of its own, which
    # would abort this one.
    transaction.commit()

    started = time.perf_counter()
    for site_id in SITES:
        if site_id in app.objectIds():
            app.manage_delObjects([site_id])
            transaction.commit()
    create_ours(app)
    transaction.commit()
    create_vanilla(app)
    sites_seconds = time.perf_counter() - started
    print(f"sites created in {sites_seconds:.1f} s", flush=True)

    started = time.perf_counter()
    plan = bench_data.make_plan(size, seed)
    texts = bench_data.Texts(bench_text.vocabularies(seed))
    plan_seconds = time.perf_counter() - started

    generation = {
        "size": size,
        "seed": seed,
        "objects": bench_data.count(plan),
        "sites_seconds": round(sites_seconds, 1),
        "plan_seconds": round(plan_seconds, 1),
        "ours": build(
            app, "ours", bench_data.OursBuilder, plan, texts, "make_networks"
        ),
        "vanilla": build(
            app, "vanilla", bench_data.VanillaBuilder, plan, texts, "make_folders"
        ),
    }
    (out / "generation.json").write_text(json.dumps(generation, indent=2))
    (out / "targets.json").write_text(
        json.dumps(bench_data.targets(plan, seed=seed + 1), indent=2)
    )
    print(json.dumps(generation, indent=2))


main(app)  # noqa: F821 (zconsole provides ``app``)
