"""Real app servers for the tests: gunicorn with production settings, on loopback ports."""

import http.cookiejar
import os
import re
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def database_url(settings_dict) -> str:
    user = settings_dict.get("USER") or ""
    password = f":{settings_dict['PASSWORD']}" if settings_dict.get("PASSWORD") else ""
    host = settings_dict.get("HOST") or "127.0.0.1"
    port = settings_dict.get("PORT") or 5432
    return f"postgres://{user}{password}@{host}:{port}/{settings_dict['NAME']}"


def production_env(**extra) -> dict:
    # Production's own defaults, not the suite's (newsroom/test_settings.py sets TASK_WORKER).
    kept_out = ("DEBUG", "DJANGO_SETTINGS_MODULE", "TASK_WORKER")
    env = {k: v for k, v in os.environ.items() if k not in kept_out}
    env.update(
        DJANGO_SETTINGS_MODULE="newsroom.settings",
        DEBUG="0",
        SECRET_KEY="test-servers-" + "k" * 50,
        ALLOWED_HOSTS="127.0.0.1,localhost",
        SITE_URL="http://127.0.0.1",
        SECURE_SSL_REDIRECT="0",  # the test talks plain HTTP to the app, as a proxy would
        SECURE_COOKIES="0",
        LOG_LEVEL="WARNING",
        TWO_FACTOR_REQUIRED="off",  # editors here sign in by password; tests/accounts has 2FA
    )
    env.update({k: str(v) for k, v in extra.items()})
    return env


def collect_static(static_root: Path) -> None:
    subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"],
        cwd=ROOT,
        env=production_env(STATIC_ROOT=static_root),
        check=True,
        timeout=300,
    )


@contextmanager
def app_server(**env):
    """One gunicorn process (1 worker) with production settings; stopped on exit."""
    port = free_port()
    # A file, not a pipe: a pipe nobody reads fills up and blocks the server's logging.
    log = tempfile.TemporaryFile()
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "gunicorn",
            "-c",
            "gunicorn.conf.py",
            "newsroom.wsgi",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            "1",
            "--threads",
            "4",
        ],
        cwd=ROOT,
        env=production_env(**env),
        stdout=subprocess.DEVNULL,
        stderr=log,
        start_new_session=True,  # its own process group: master and workers stop together
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            if process.poll() is not None:
                log.seek(0)
                raise RuntimeError(log.read().decode())
            try:
                urllib.request.urlopen(base + "/healthz", timeout=1)
                break
            except OSError:
                time.sleep(0.2)
        else:
            raise RuntimeError("the app server did not start")
        yield Browser(base, process)
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()
        log.close()


def wait_for(condition, within=60.0, what="the condition"):
    """Until `condition()` holds; AssertionError naming `what` after `within` seconds."""
    deadline = time.monotonic() + within
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.05)
    raise AssertionError(f"{what}: not within {within} s")


@contextmanager
def task_worker(**env):
    """`manage.py worker` with production settings, as it runs beside the app servers;
    stopped on exit (unless the test killed it). Yields the process."""
    log = tempfile.TemporaryFile()
    process = subprocess.Popen(
        [sys.executable, "manage.py", "worker", "--interval", "0.2", "--no-startup-delay"],
        cwd=ROOT,
        env=production_env(**env),
        stdout=subprocess.DEVNULL,
        stderr=log,
        start_new_session=True,
    )
    try:
        yield process
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()
        log.seek(0)
        errors = log.read().decode()
        log.close()
        assert "Traceback" not in errors, errors


class Browser:
    """A tiny HTTP client with cookies, enough to sign in and post admin forms."""

    def __init__(self, base, process):
        self.base, self.process = base, process
        self.jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.jar))

    def get(self, path, timeout=10):
        try:
            with self.opener.open(self.base + path, timeout=timeout) as response:
                return response.status, dict(response.headers), response.read()
        except urllib.error.HTTPError as error:
            return error.code, dict(error.headers), error.read()

    def post(self, path, fields, files=None, timeout=30):
        token = self.csrf(path)
        boundary = uuid.uuid4().hex
        body = b""
        for name, value in {**fields, "csrfmiddlewaretoken": token}.items():
            body += f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n{value}\r\n'.encode()
        for name, (filename, data, content_type) in (files or {}).items():
            body += (
                (
                    f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"; '
                    f'filename="{filename}"\r\nContent-Type: {content_type}\r\n\r\n'
                ).encode()
                + data
                + b"\r\n"
            )
        body += f"--{boundary}--\r\n".encode()
        request = urllib.request.Request(
            self.base + path,
            data=body,
            headers={
                "Content-Type": f"multipart/form-data; boundary={boundary}",
                "Referer": self.base + path,
            },
        )
        try:
            with self.opener.open(request, timeout=timeout) as response:
                return response.status, response.geturl(), response.read()
        except urllib.error.HTTPError as error:
            return error.code, error.url, error.read()

    def csrf(self, path):
        for cookie in self.jar:
            if cookie.name == "csrftoken":
                return cookie.value  # Django accepts its cookie's secret as the form token
        status, _, html = self.get(path)
        found = re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', html)
        return found.group(1).decode() if found else ""

    def log_in(self, username, password):
        status, url, _ = self.post(
            "/admin/login/?next=/admin/",
            {"username": username, "password": password, "next": "/admin/"},
        )
        assert url.endswith("/admin/") and "login" not in url, f"login failed ({status}, {url})"


class TcpSwitch:
    """A loopback TCP forwarder that can be cut and restored: a database outage on demand."""

    def __init__(self, target_port):
        self.target_port, self.port = target_port, free_port()
        self.listener, self.sockets, self.running = None, [], False
        self.hanging = False

    def start(self):
        self.listener = socket.create_server(("127.0.0.1", self.port))
        self.running, self.hanging = True, False
        threading.Thread(target=self._accept, daemon=True).start()

    def hang(self):
        """A database that stopped answering: connections are taken and never served."""
        self.cut()
        self.start()
        self.hanging = True

    def cut(self):
        self.running = False
        try:
            self.listener.shutdown(socket.SHUT_RDWR)  # wakes the accept() blocked in its thread
        except OSError:
            pass
        self.listener.close()
        for sock in self.sockets:
            try:
                sock.shutdown(socket.SHUT_RDWR)  # close() alone would not wake a blocked recv()
                sock.close()
            except OSError:
                pass
        self.sockets.clear()

    def _accept(self):
        while self.running:
            try:
                client, _ = self.listener.accept()
            except OSError:
                return
            if self.hanging:
                self.sockets.append(client)
                continue
            upstream = socket.create_connection(("127.0.0.1", self.target_port))
            self.sockets += [client, upstream]
            for a, b in ((client, upstream), (upstream, client)):
                threading.Thread(target=self._pipe, args=(a, b), daemon=True).start()

    @staticmethod
    def _pipe(source, sink):
        try:
            while data := source.recv(65536):
                sink.sendall(data)
        except OSError:
            pass
        finally:
            for sock in (source, sink):
                try:
                    sock.shutdown(socket.SHUT_RDWR)
                except OSError:
                    pass
