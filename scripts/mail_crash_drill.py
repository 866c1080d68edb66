"""The crash story of issue #16, with ``make start`` itself.

    .venv/bin/python scripts/mail_crash_drill.py [recipients] [kills]

(500 and 5 by default). On a database of its own under a temporary folder
(``ZODB_CONF``; never the development data) and a port of its own: creates
the site and N confirmed subscribers, starts a slow SMTP sink, runs
``make start``, sends an approved issue over REST, kills the web process
with SIGKILL at random moments while it delivers, runs ``make start``
again each time, and at the end compares what the sink received with the
issue's delivery report: everyone mailed, duplicates at most one per kill.
The bounded version of this drill, run by the tests, is
``tests/notifications/crash_drill.py``.
"""

import json
import os
import random
import signal
import subprocess
import sys
import tempfile
import time
import urllib.request


ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "tests", "notifications"))
PORT = int(os.environ.get("DRILL_PORT", "8097"))

PREPARE = """
from AccessControl.SecurityManagement import newSecurityManager
from collective.migrationnetwork.newsletter.store import CONFIRMED
from collective.migrationnetwork.newsletter.store import Subscriber
from collective.migrationnetwork.newsletter.store import get_store
from collective.migrationnetwork.newsletter.store import now
from collective.migrationnetwork.sitesetup import create_site
from collective.migrationnetwork.sitesetup import ensure_admin
from plone import api
from zope.component.hooks import setSite
import os, transaction
admin = ensure_admin(app, "admin", "admin")
newSecurityManager(None, admin.__of__(app.acl_users))
site = create_site(app, site_id="Plone")
setSite(site)
api.portal.set_registry_record("plone.smtp_host", "127.0.0.1")
api.portal.set_registry_record("plone.smtp_port", int(os.environ["DRILL_SMTP"]))
api.portal.set_registry_record("plone.email_from_address", "news@drill.example")
store = get_store(site)
for i in range(int(os.environ["DRILL_COUNT"])):
    s = Subscriber(f"person{i:05d}@drill.example", "el" if i % 2 else "en")
    s.state = CONFIRMED
    s.confirmed_on = now()
    store.add(s)
with api.env.adopt_roles(["Manager"]):
    issue = api.content.create(
        container=site["el"]["newsletters"], type="Newsletter", id="drill",
        title="Drill")
    api.content.transition(obj=issue, to_state="approved")
transaction.commit()
"""


def request(path, method="GET", data=None):
    url = f"http://127.0.0.1:{PORT}/Plone/{path}"
    body = json.dumps(data).encode() if data is not None else None
    req = urllib.request.Request(url, data=body, method=method)  # noqa: S310
    req.add_header("Accept", "application/json")
    req.add_header("Content-Type", "application/json")
    req.add_header("Authorization", "Basic YWRtaW46YWRtaW4=")  # admin:admin
    with urllib.request.urlopen(req, timeout=30) as answer:  # noqa: S310
        return json.loads(answer.read())


def web_pid():
    found = subprocess.run(  # noqa: S603
        ["pgrep", "-f", f"runwsgi instance/etc/zope.ini .*http_port={PORT}"],  # noqa: S607
        capture_output=True,
        text=True,
    ).stdout.split()
    return int(found[0]) if found else None


class Site:
    """A site of its own, served by ``make start``, mailing to a sink."""

    def __init__(self, count, delay=0.02, demo=False):
        from smtp_server import Server

        self.count = count
        self.tmp = tempfile.mkdtemp(prefix="mail-drill-")
        conf = os.path.join(self.tmp, "zodb.conf")
        with open(conf, "w") as out:
            out.write(
                "<zodb_db main>\n  mount-point /\n  <blobstorage>\n"
                f"    blob-dir {self.tmp}/blobs\n    <filestorage>\n"
                f"      path {self.tmp}/Data.fs\n    </filestorage>\n"
                "  </blobstorage>\n</zodb_db>\n"
            )
        self.server = Server()
        self.server.handler.delay = delay
        self.server.start()
        self.env = dict(
            os.environ,
            ZODB_CONF=conf,
            INSTANCE_HOME=os.path.join(ROOT, "instance"),
            DEMO_CONTENT="1" if demo else "0",
            DRILL_SMTP=str(self.server.port),
            DRILL_COUNT=str(count),
        )
        self.log = open(os.path.join(self.tmp, "make-start.log"), "ab")  # noqa: SIM115
        self.process = None
        if demo:
            # The demo content comes with the site's creation.
            self._make_start(wait=True)
            self.kill()
        script = os.path.join(self.tmp, "prepare.py")
        with open(script, "w") as out:
            out.write(PREPARE)
        subprocess.run(  # noqa: S603
            [os.path.join(ROOT, ".venv", "bin", "zconsole"), "run"]
            + ["instance/etc/zope.conf", script],
            cwd=ROOT,
            env=self.env,
            check=True,
            capture_output=True,
        )

    def _make_start(self, wait=True):
        self.process = subprocess.Popen(  # noqa: S603
            ["make", "start", f"PORT={PORT}"],  # noqa: S607
            cwd=ROOT,
            env=self.env,
            stdout=self.log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        deadline = time.monotonic() + 300
        while wait and time.monotonic() < deadline:
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{PORT}/Plone", timeout=5)  # noqa: S310
                return
            except OSError:
                time.sleep(0.5)
        if wait:
            raise RuntimeError("make start did not serve")

    def start(self):
        self._make_start()

    def send(self):
        request("el/newsletters/drill/@workflow/send", "POST", {})

    def report(self):
        return request("el/newsletters/drill/@newsletter-report")

    def received(self):
        return len(self.server.messages)

    def recipients(self):
        return [
            r for rs, _ in self.server.messages for r in rs if r.startswith("person")
        ]

    def kill(self):
        """SIGKILL to the web process, as ``kill -9``."""
        os.kill(web_pid(), signal.SIGKILL)
        self.process.wait()

    def stop(self):
        if self.process is not None and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            self.process.wait()
        self.server.stop()


def main(count=500, kills=5):
    site = Site(count)
    try:
        site.start()
        site.send()
        done = 0
        for _kill in range(kills):
            before = site.received()
            while site.received() == before and web_pid():
                time.sleep(0.05)
            time.sleep(random.uniform(0.2, 2.0))  # noqa: S311 - not cryptography
            if site.report()["pending"] == 0:
                break
            site.kill()
            done += 1
            site.start()
        deadline = time.monotonic() + 600
        while site.report()["pending"]:
            if time.monotonic() > deadline:
                raise RuntimeError("not delivered in time")
            time.sleep(0.5)
        report = site.report()
    finally:
        site.stop()
    received = site.recipients()
    people = set(received)
    print(f"recipients {count}, kills {done}")
    print(f"received {len(received)} mails for {len(people)} people")
    print(f"duplicates {len(received) - len(people)}")
    print(f"report: {report}")
    assert len(people) == count
    assert len(received) - len(people) <= done
    assert report["sent"] == count
    print(f"(data and log in {site.tmp})")


if __name__ == "__main__":
    main(*(int(arg) for arg in sys.argv[1:3]))
