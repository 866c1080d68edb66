"""Benchmark of the outbox: a newsletter to N subscribers, delivered to a
local SMTP sink by the portal's deliverer, on a FileStorage.

Two runs of ``zconsole`` on a database of their own (never the
development data), so that the second measures a deliverer process alone:

    export ZODB_CONF=/tmp/mailbench/zodb.conf   # a FileStorage under /tmp
    BENCH_STEP=prepare BENCH_SUBSCRIBERS=10000 \
        .venv/bin/zconsole run instance/etc/zope.conf scripts/bench/bench_mail.py
    BENCH_STEP=deliver \
        .venv/bin/zconsole run instance/etc/zope.conf scripts/bench/bench_mail.py

``prepare`` creates the site ``mailbench`` with N confirmed subscribers
and sends an approved issue (the ``send`` transition records the job and
the N outbox records, timed). ``deliver`` starts an aiosmtpd sink in the
process and runs ``deliver_due`` until the outbox is empty: mails per
second (each outcome committed on its own), and the process's memory
(RSS after start-up, at the end, and its peak).
"""

from AccessControl.SecurityManagement import newSecurityManager
from Testing.makerequest import makerequest
from zope.component.hooks import setSite

import os
import resource
import sys
import time
import transaction


SITE_ID = "mailbench"
# zconsole runs the script with the current directory the checkout's.
sys.path.insert(0, os.path.abspath(os.path.join("tests", "notifications")))


def rss_mb():
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


def peak_mb():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def login(app):
    from collective.migrationnetwork.sitesetup import ensure_admin

    admin = ensure_admin(app, "admin", "admin")
    newSecurityManager(None, admin.__of__(app.acl_users))


def prepare(app, count):
    from collective.migrationnetwork.newsletter.store import CONFIRMED
    from collective.migrationnetwork.newsletter.store import Subscriber
    from collective.migrationnetwork.newsletter.store import get_store
    from collective.migrationnetwork.newsletter.store import now
    from collective.migrationnetwork.sitesetup import create_site
    from plone import api

    login(app)
    started = time.monotonic()
    site = create_site(app, site_id=SITE_ID, delete_existing=True)
    transaction.commit()
    print(f"site created in {time.monotonic() - started:.0f} s")
    setSite(site)
    api.portal.set_registry_record("plone.email_from_address", "news@bench.example")
    store = get_store(site)
    themes = ["housing", "health", "reception", "labour_market"]
    for i in range(count):
        subscriber = Subscriber(
            f"reader{i:05d}@bench.example",
            "el" if i % 3 else "en",
            [themes[i % 4]] if i % 5 else [],
        )
        subscriber.state = CONFIRMED
        subscriber.confirmed_on = now()
        store.add(subscriber)
    with api.env.adopt_roles(["Manager"]):
        issue = api.content.create(
            container=site["el"]["newsletters"],
            type="Newsletter",
            id="bench",
            title="Bench issue",
        )
        api.content.transition(obj=issue, to_state="approved")
    transaction.commit()
    started = time.monotonic()
    with api.env.adopt_roles(["Manager"]):
        api.content.transition(obj=issue, transition="send")
    transaction.commit()
    elapsed = time.monotonic() - started
    from collective.migrationnetwork.newsletter.sending import get_job

    report = get_job(issue).report()
    print(f"send transition and commit: {elapsed:.2f} s, {report['pending']} pending")


def deliver(app):
    from collective.migrationnetwork.notifications import delivery
    from collective.migrationnetwork.notifications.outbox import get_outbox
    from plone import api
    from smtp_server import Server

    site = app[SITE_ID]
    setSite(site)
    server = Server().start()
    api.portal.set_registry_record("plone.smtp_host", "127.0.0.1")
    api.portal.set_registry_record("plone.smtp_port", server.port)
    transaction.commit()
    outbox = get_outbox(site)
    pending = outbox.pending()
    rss_start = rss_mb()
    started = time.monotonic()
    sent = 0
    while outbox.pending():
        transaction.begin()
        done, _failing = delivery.deliver_due(site)
        sent += done
    elapsed = time.monotonic() - started
    server.stop()
    print(
        f"| recipients | {pending} |\n"
        f"| delivered (sink) | {len(server.messages)} in {elapsed:.1f} s |\n"
        f"| mails per second | {sent / elapsed:.0f} |\n"
        f"| deliverer RSS after start-up | {rss_start:.0f} MB |\n"
        f"| deliverer RSS at the end | {rss_mb():.0f} MB |\n"
        f"| deliverer peak RSS | {peak_mb():.0f} MB |"
    )


def main(app):
    app = makerequest(app)
    if os.environ.get("BENCH_STEP") == "prepare":
        prepare(app, int(os.environ.get("BENCH_SUBSCRIBERS", "10000")))
    else:
        deliver(app)


main(app)  # noqa: F821 (zconsole provides ``app``)
