"""A real SMTP server for the tests (aiosmtpd on a free loopback port)."""

from aiosmtpd.controller import Controller

import asyncio
import socket
import time


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Recorder:
    """An aiosmtpd handler keeping what it accepts.

    ``replies`` maps a command (``"RCPT"``, ``"DATA"``) to a list of answers
    to give, one per attempt, before accepting; ``delay`` makes DATA slow.
    """

    def __init__(self):
        self.messages = []  # (envelope recipients, bytes)
        self.attempts = 0
        self.replies = {}
        self.delay = 0

    def _reply(self, command):
        pending = self.replies.get(command)
        return pending.pop(0) if pending else None

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        refusal = self._reply("RCPT")
        if refusal:
            return refusal
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        self.attempts += 1
        if self.delay:
            await asyncio.sleep(self.delay)
        refusal = self._reply("DATA")
        if refusal:
            return refusal
        self.messages.append((list(envelope.rcpt_tos), envelope.content))
        return "250 Message accepted for delivery"


class Server:
    """Start and stop an SMTP server on a fixed port."""

    def __init__(self, port=None):
        self.port = port or free_port()
        self.handler = Recorder()
        self.controller = None

    def start(self):
        self.controller = Controller(
            self.handler, hostname="127.0.0.1", port=self.port, ready_timeout=5
        )
        self.controller.start()
        return self

    def stop(self):
        if self.controller is not None:
            self.controller.stop()
            self.controller = None

    @property
    def messages(self):
        return self.handler.messages


def wait_until(predicate, timeout=5.0, step=0.05):
    """Poll ``predicate`` until it is true or ``timeout`` seconds passed;
    return its last value."""
    deadline = time.monotonic() + timeout
    while True:
        value = predicate()
        if value or time.monotonic() > deadline:
            return value
        time.sleep(step)
