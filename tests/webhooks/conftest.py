import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from webhooks.models import Endpoint, Event


class Receiver:
    """A partner's endpoint on this machine: it keeps what it is sent, and answers with the
    next of `answers` (200 once they run out)."""

    def __init__(self):
        self.received, self.answers = [], []
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):
                body = self.rfile.read(int(self.headers["Content-Length"]))
                receiver.received.append((self.path, dict(self.headers), body))
                status, headers = receiver.answers.pop(0) if receiver.answers else (200, {})
                self.send_response(status)
                for name, value in headers.items():
                    self.send_header(name, value)
                self.send_header("Content-Length", "0")
                self.end_headers()

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.port = self.server.server_address[1]
        self.url = f"http://127.0.0.1:{self.port}/hooks/newsroom"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def messages(self) -> list[dict]:
        return [json.loads(body) for _path, _headers, body in self.received]

    def close(self):
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def receiver():
    found = Receiver()
    yield found
    found.close()


@pytest.fixture
def local_allowed(settings):
    """A receiver on this machine may be posted to, as in development."""
    settings.WEBHOOKS_ALLOW_PRIVATE_ADDRESSES = True


@pytest.fixture
def endpoint(receiver, local_allowed, admin_user):
    found = Endpoint(url=receiver.url, description="Radio Kayira", events=list(Event.values))
    found.save_by(admin_user)
    return found
