"""A real SMTP server on loopback (aiosmtpd): it takes messages, or refuses addresses the way
a mail server does, so sending is tested against the protocol and not a stand-in."""

import asyncio
import socket
from contextlib import contextmanager
from email import message_from_bytes

from aiosmtpd.controller import Controller


class Mailbox:
    def __init__(self, refusals: dict[str, str], data_refusals: dict[str, str] | None = None):
        self.refusals = refusals  # address → the server's answer to RCPT, e.g. "550 5.1.1 ..."
        self.data_refusals = data_refusals or {}  # address → its answer to the message
        self.messages = []

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address in self.refusals:
            return self.refusals[address]
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        refusal = self.data_refusals.get(envelope.rcpt_tos[0])
        if refusal:
            if refusal.startswith("421"):  # the server closes the session once it has said so
                asyncio.get_running_loop().call_later(0.05, server.transport.close)
            return refusal
        self.messages.append(message_from_bytes(envelope.content))
        return "250 Message accepted for delivery"

    def recipients(self) -> list[str]:
        return [message["To"] for message in self.messages]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextmanager
def mail_server(settings=None, refusals=None, mailbox=None):
    """Yields the mailbox, its port set; with pytest's `settings`, Django sends through it."""
    mailbox = mailbox or Mailbox(refusals or {})
    controller = Controller(mailbox, hostname="127.0.0.1", port=free_port())
    controller.start()
    mailbox.port = controller.port
    if settings is not None:
        settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
        settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", controller.port
    try:
        yield mailbox
    finally:
        controller.stop()
