"""Crash drill of the outbox: a deliverer process killed with SIGKILL while
it sends, started again, until everything is delivered; then what the SMTP
sink received is compared with what the outbox records.

    .venv/bin/python tests/notifications/crash_drill.py [recipients] [kills]

(500 recipients and 5 kills by default). The test ``test_crash_drill.py``
runs it smaller. The deliverer is the portal's own (``deliver_due``, the
lease included) on a FileStorage of its own, outside Zope: the database
holds a bare annotatable object in the place of the site.
"""

from email.message import EmailMessage
from persistent import Persistent
from zope.annotation.attribute import AttributeAnnotations
from zope.annotation.interfaces import IAttributeAnnotatable
from zope.component import provideAdapter
from zope.interface import implementer

import os
import random
import signal
import subprocess
import sys
import time


HERE = os.path.dirname(os.path.abspath(__file__))


@implementer(IAttributeAnnotatable)
class DrillSite(Persistent):
    """Stands for the Plone site: what the outbox and the lease need."""

    def getId(self):
        return "drill"


def open_db(path):
    from ZODB import DB
    from ZODB.FileStorage import FileStorage

    provideAdapter(AttributeAnnotations)
    return DB(FileStorage(path))


def prepare(path, count):
    """A database with ``count`` mails in the outbox; their keys."""
    from collective.migrationnetwork.notifications.outbox import OutboxMessage
    from collective.migrationnetwork.notifications.outbox import get_outbox

    import transaction

    db = open_db(path)
    connection = db.open()
    root = connection.root()
    root["site"] = site = DrillSite()
    outbox = get_outbox(site)
    keys = []
    for i in range(count):
        key = f"drill.{i:05d}"
        message = EmailMessage()
        message["From"] = "Drill <drill@migration.example>"
        message["To"] = f"reader{i:05d}@example.org"
        message["Subject"] = f"Drill {i}"
        message["Message-ID"] = f"<{key}@migration.example>"
        message.set_content(f"Mail {i}\n")
        outbox.add(
            OutboxMessage(
                key,
                f"reader{i:05d}@example.org",
                group="drill",
                mfrom="drill@migration.example",
                raw=message.as_bytes(),
            )
        )
        keys.append(key)
    transaction.commit()
    connection.close()
    db.close()
    return keys


def smtp_transport(port):
    import smtplib

    def send(mfrom, to, data):
        with smtplib.SMTP("127.0.0.1", port, timeout=10) as smtp:
            smtp.sendmail(mfrom, [to], data)

    return send


def deliver(path, port):
    """The deliverer process: deliver everything, then exit."""
    from collective.migrationnetwork.notifications import delivery
    from collective.migrationnetwork.notifications.lease import identity
    from collective.migrationnetwork.notifications.outbox import get_outbox

    import transaction

    db = open_db(path)
    tm = transaction.TransactionManager()
    connection = db.open(transaction_manager=tm)
    site = connection.root()["site"]
    while True:
        tm.begin()
        sent, failing = delivery.deliver_due(
            site, identity(), tm, transport=smtp_transport(port)
        )
        if not get_outbox(site).pending():
            break
        if not sent:
            time.sleep(0.2)
    tm.abort()
    connection.close()
    db.close()


def report(path):
    """``{status: count}`` of the outbox, and the keys not sent."""
    from collective.migrationnetwork.notifications.outbox import SENT
    from collective.migrationnetwork.notifications.outbox import get_outbox

    db = open_db(path)
    connection = db.open()
    outbox = get_outbox(connection.root()["site"])
    counts = outbox.counts("drill")
    missing = [r.key for r in outbox.messages.values() if r.status != SENT]
    connection.close()
    db.close()
    return counts, missing


def run(path, port, received, kills, window=(0.1, 0.6), timeout=180):
    """Start the deliverer, kill it ``kills`` times at random moments while
    it sends (once it got some mail through), then let it finish. Returns
    how many kills hit a running deliverer."""
    done = 0
    deadline = time.monotonic() + timeout
    command = [sys.executable, os.path.join(HERE, "crash_drill.py"), "deliver"]
    for _kill in range(kills):
        before = received()
        process = subprocess.Popen([*command, path, str(port)])  # noqa: S603
        # Wait until it sends, then kill it within the window.
        while received() == before and process.poll() is None:
            if time.monotonic() > deadline:
                break
            time.sleep(0.02)
        time.sleep(random.uniform(*window))  # noqa: S311 - not cryptography
        if process.poll() is None:
            process.send_signal(signal.SIGKILL)
            done += 1
        process.wait()
    process = subprocess.Popen([*command, path, str(port)])  # noqa: S603
    process.wait(timeout=max(deadline - time.monotonic(), 10))
    return done


def main(count=500, kills=5):
    sys.path.insert(0, HERE)
    from smtp_server import Server

    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "Data.fs")
        keys = prepare(path, count)
        server = Server()
        server.handler.delay = 0.005
        server.start()
        try:
            done = run(path, server.port, lambda: len(server.messages), kills)
        finally:
            server.stop()
        ids = [
            line.split(b":", 1)[1].strip().decode()
            for _rcpts, content in server.messages
            for line in content.splitlines()
            if line.lower().startswith(b"message-id:")
        ]
        counts, missing = report(path)
        print(f"recipients {count}, kills {done}")
        print(f"received {len(ids)} mails, {len(set(ids))} distinct")
        print(f"duplicates {len(ids) - len(set(ids))}")
        print(f"outbox: {counts}; not sent: {len(missing)}")
        assert {f"<{key}@migration.example>" for key in keys} == set(ids)
        assert len(ids) - len(set(ids)) <= done
        assert counts["sent"] == len(set(ids))
        assert not missing
        return done, ids, counts


if __name__ == "__main__":
    if sys.argv[1:2] == ["deliver"]:
        deliver(sys.argv[2], int(sys.argv[3]))
    else:
        main(*(int(arg) for arg in sys.argv[1:3]))
