"""The mail queue's processor delivers, retries what may pass, drops what
is refused for good, and takes over from Products.MailHost's own thread."""

from collective.migrationnetwork.notifications import queue as mail_queue
from plone import api
from Products.MailHost.MailHost import queue_threads
from smtp_server import Server
from smtp_server import free_port
from smtp_server import wait_until
from types import SimpleNamespace
from zope.component.hooks import setSite
from zope.sendmail.delivery import QueuedMailDelivery
from zope.sendmail.queue import QueueProcessorThread

import os
import pytest
import transaction


MESSAGE = (
    b"From: portal@migration.example\r\nTo: eleni@athens.example\r\n"
    b"Subject: Test\r\n\r\nHello\r\n"
)


def enqueue(path, to="eleni@athens.example"):
    """Queue a message as a committed transaction would."""
    QueuedMailDelivery(str(path)).send("portal@migration.example", [to], MESSAGE)
    transaction.commit()


def listing(path):
    return sorted(os.listdir(os.path.join(path, "new")))


@pytest.fixture
def servers():
    started = []

    def make(port=None, start=True):
        server = Server(port)
        started.append(server)
        return server.start() if start else server

    yield make
    for server in started:
        server.stop()


@pytest.fixture
def threads():
    """Threads to stop at the end of the test."""
    running = []
    yield running
    for thread in running:
        thread.stop()
        thread.join(5)
        assert not thread.is_alive()


@pytest.fixture
def mailer_for(functional):
    """``mailer_for(port)``: the site's mailer, set to 127.0.0.1:``port`` (in
    Site Setup > Mail, where Plone's mailers read it)."""

    def make(port):
        api.portal.set_registry_record("plone.smtp_host", "127.0.0.1")
        api.portal.set_registry_record("plone.smtp_port", port)
        return mail_queue.make_mailer(functional["portal"].MailHost)

    return make


def processor(path, mailer, threads, start=True, interval=0.05, retry_delay=0.2):
    thread = mail_queue.QueueProcessor(mailer, str(path), interval=interval)
    thread.retry_delay = retry_delay
    if start:
        threads.append(thread)
        thread.start()
    return thread


def test_stock_thread_does_not_retry_for_hours(tmp_path, servers, threads, mailer_for):
    """Why the add-on has its own processor: zope.sendmail's thread leaves
    the message aside (its ``.sending-`` link) after a refused connection
    and does not try it again for MAX_SEND_TIME (three hours)."""
    queue = tmp_path / "queue"
    server = servers(start=False)
    enqueue(queue)
    stock = QueueProcessorThread(interval=0.05)
    stock.setMailer(mailer_for(server.port))
    stock.setQueuePath(str(queue))
    threads.append(stock)
    stock.start()
    assert wait_until(lambda: any(n.startswith(".sending-") for n in listing(queue)))
    server.start()
    assert not wait_until(lambda: server.messages, timeout=1.0)


def test_delivers_the_queue(tmp_path, servers, threads, mailer_for):
    queue = tmp_path / "queue"
    server = servers()
    enqueue(queue)
    processor(queue, mailer_for(server.port), threads)
    assert wait_until(lambda: server.messages)
    (recipients, content), *_ = server.messages
    assert recipients == ["eleni@athens.example"]
    assert b"Subject: Test" in content
    assert wait_until(lambda: listing(queue) == [])


def test_retries_when_the_server_comes_up(tmp_path, servers, threads, mailer_for):
    queue = tmp_path / "queue"
    server = servers(start=False)
    enqueue(queue)
    thread = processor(queue, mailer_for(server.port), threads)
    assert wait_until(lambda: thread.pending() == 1)
    # Released for the next attempt, not left aside.
    assert not [n for n in listing(queue) if n.startswith(".sending-")]
    server.start()
    assert wait_until(lambda: server.messages)
    assert wait_until(lambda: listing(queue) == [])
    assert thread.pending() == 0


@pytest.mark.parametrize(
    ("command", "reply"),
    [
        ("RCPT", "450 4.2.0 Greylisted, try again later"),
        ("DATA", "451 4.3.0 Local error, try again later"),
        ("DATA", "421 4.3.2 Service shutting down"),
    ],
)
def test_retries_deferrals(command, reply, tmp_path, servers, threads, mailer_for):
    queue = tmp_path / "queue"
    server = servers()
    server.handler.replies[command] = [reply]
    enqueue(queue)
    processor(queue, mailer_for(server.port), threads)
    assert wait_until(lambda: server.messages)
    assert listing(queue) == [] or wait_until(lambda: listing(queue) == [])


@pytest.mark.parametrize(
    ("command", "reply"),
    [
        ("RCPT", "550 5.1.1 No such user"),
        ("DATA", "554 5.7.1 Message refused"),
    ],
)
def test_drops_permanent_refusals(
    command, reply, tmp_path, servers, threads, mailer_for
):
    queue = tmp_path / "queue"
    server = servers()
    server.handler.replies[command] = [reply]
    enqueue(queue)
    thread = processor(queue, mailer_for(server.port), threads)
    assert wait_until(lambda: any(n.startswith(".rejected-") for n in listing(queue)))
    assert not wait_until(lambda: server.messages, timeout=0.5)
    assert thread.pending() == 0


def test_retry_delay_doubles_up_to_the_maximum(tmp_path, threads, mailer_for):
    queue = tmp_path / "queue"
    enqueue(queue)
    (name,) = listing(queue)
    filename = os.path.join(queue, "new", name)
    thread = processor(
        queue, mailer_for(free_port()), threads, start=False, retry_delay=10
    )
    thread.max_retry_delay = 35
    delays = []
    for _attempt in range(4):
        thread._retries[filename] = (thread._retries.get(filename, (0, 0))[0], 0)
        thread.run(forever=False)
        failures, next_attempt = thread._retries[filename]
        delays.append(round(next_attempt - mail_queue.time.time()))
    assert delays == [10, 20, 35, 35]
    # Not due: not tried.
    thread.run(forever=False)
    assert thread._retries[filename][0] == 4


@pytest.fixture
def mailhost(functional, tmp_path, mailer_for):
    """The site's MailHost, queueing in a folder of the test."""
    mailer_for(free_port())
    mailhost = functional["portal"].MailHost
    mailhost.smtp_queue = True
    mailhost.smtp_queue_directory = str(tmp_path / "queue")
    yield mailhost
    thread = mail_queue.stop_processor(mailhost)
    assert thread is None or not thread.is_alive()


def test_ensure_processor_takes_over_from_the_stock_thread(mailhost):
    mailhost._startQueueProcessorThread()
    stock = queue_threads[os.path.realpath(mailhost.smtp_queue_directory)]
    assert not isinstance(stock, mail_queue.QueueProcessor)
    ours = mail_queue.ensure_processor(mailhost)
    assert isinstance(ours, mail_queue.QueueProcessor)
    assert queue_threads[os.path.realpath(mailhost.smtp_queue_directory)] is ours
    assert mailhost.queueThreadAlive()
    stock.join(5)
    assert not stock.is_alive()
    # MailHost does not start its own thread beside ours.
    mailhost._startQueueProcessorThread()
    assert queue_threads[os.path.realpath(mailhost.smtp_queue_directory)] is ours


def test_ensure_processor_follows_the_settings(mailhost):
    first = mail_queue.ensure_processor(mailhost)
    assert mail_queue.ensure_processor(mailhost) is first
    port = free_port()
    api.portal.set_registry_record("plone.smtp_port", port)
    second = mail_queue.ensure_processor(mailhost)
    assert second is not first
    assert second.settings["port"] == port
    first.join(5)
    assert not first.is_alive()


def test_ensure_processor_needs_a_queue(mailhost, monkeypatch):
    mailhost.smtp_queue = False
    assert mail_queue.ensure_processor(mailhost) is None
    mailhost.smtp_queue = True
    monkeypatch.setenv("MAILHOST_QUEUE_ONLY", "1")
    assert mail_queue.ensure_processor(mailhost) is None


def test_start_up_delivers_what_a_previous_run_left(
    functional, tmp_path, servers, mailer_for
):
    """Mail queued before a restart goes out when the process starts, before
    anyone sends a new one."""
    server = servers()
    mailer_for(server.port)
    portal = functional["portal"]
    portal.MailHost.smtp_queue = True
    portal.MailHost.smtp_queue_directory = str(tmp_path / "queue")
    transaction.commit()
    enqueue(tmp_path / "queue")
    setSite(None)  # as at start-up
    try:
        mail_queue.start_processors(
            SimpleNamespace(database=functional["app"]._p_jar.db())
        )
        assert wait_until(lambda: server.messages)
    finally:
        setSite(portal)
        thread = mail_queue.stop_processor(portal.MailHost)
    assert isinstance(thread, mail_queue.QueueProcessor)
