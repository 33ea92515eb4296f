"""The pieces every bench script shares: this machine's services, the site's production
settings, a gunicorn serving them on loopback, and wrk to load it (bounded in time)."""

import json
import os
import re
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def python_for(checkout: Path) -> str:
    """The interpreter that runs a checkout: $BENCH_PYTHON, else the checkout's own .venv,
    else the one running this script (a worktree without a .venv of its own)."""
    venv = Path(checkout) / ".venv" / "bin" / "python"
    return os.environ.get("BENCH_PYTHON") or (str(venv) if venv.exists() else sys.executable)


PYTHON = python_for(ROOT)
PG = "postgres://root@127.0.0.1:5432/{name}"
REDIS = "redis://127.0.0.1:6379/3"
SETTLE_SECONDS = 0.5


def free_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


PORT = free_port()


def sh(*args, env=None, check=True, capture=False, cwd=ROOT):
    return subprocess.run(args, cwd=cwd, env=env, check=check, text=True, capture_output=capture)


def psql(*args):
    """psql as root on this machine's PostgreSQL, connected to the maintenance database."""
    return sh("psql", "-h", "127.0.0.1", "-U", "root", "-d", "postgres", *args, capture=True)


def ensure_services():
    if sh("pg_isready", "-h", "127.0.0.1", "-q", check=False).returncode != 0:
        version = os.listdir("/etc/postgresql")[0]
        sh("pg_ctlcluster", "--skip-systemctl-redirect", version, "main", "start")
    if sh("redis-cli", "ping", check=False, capture=True).returncode != 0:
        sh(
            "redis-server",
            "--daemonize",
            "yes",
            "--bind",
            "127.0.0.1",
            "--port",
            "6379",
            "--save",
            "",
            "--appendonly",
            "no",
        )
    time.sleep(1)


def environment(database, page_cache):
    env = {k: v for k, v in os.environ.items() if k not in ("DEBUG",)}
    env.update(
        DJANGO_SETTINGS_MODULE="newsroom.settings",
        DEBUG="0",
        SECRET_KEY="bench-" + "x" * 60,
        ALLOWED_HOSTS="127.0.0.1,testserver",
        SITE_URL=f"http://127.0.0.1:{PORT}",
        DATABASE_URL=PG.format(name=database),
        REDIS_URL=REDIS,
        SECURE_SSL_REDIRECT="0",
        SECURE_COOKIES="0",
        PAGE_CACHE="1" if page_cache else "0",
        BENCH_ENDPOINTS="1",
        LOG_LEVEL="WARNING",
        TWO_FACTOR_REQUIRED="off",
        API_RATE_LIMIT="9999999/s",  # wrk asks from one address  # the bench's editor signs in by password (bench/editor.py)
        STATIC_ROOT=str(ROOT / "bench" / ".static"),
        MEDIA_ROOT=str(ROOT / "bench" / ".media"),
    )
    return env


def django_here(env):
    """This process on the served database and cache, to write to them as the desk would."""
    os.environ.update(env)
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()


class Server:
    """gunicorn serving a checkout (this one unless told) on a loopback port."""

    def __init__(self, env, port=None, checkout=ROOT):
        self.env, self.port, self.checkout = env, port or PORT, Path(checkout)

    def __enter__(self):
        self.process = subprocess.Popen(
            [
                python_for(self.checkout),
                "-m",
                "gunicorn",
                "-c",
                "gunicorn.conf.py",
                "newsroom.wsgi",
                "--bind",
                f"127.0.0.1:{self.port}",
            ],
            cwd=self.checkout,
            env=self.env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"gunicorn exited at once in {self.checkout}")
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{self.port}/healthz", timeout=1)
                return self
            except OSError:
                time.sleep(0.3)
        raise RuntimeError("gunicorn did not start")

    def __exit__(self, *exc):
        os.killpg(self.process.pid, 15)
        self.process.wait(timeout=30)


# What phones' browsers send: pages are measured as readers get them, compressed.
ACCEPT_ENCODING = "gzip, deflate, br"


def wrk(path, duration, connections, port=None):
    """Requests per second and latency percentiles (ms) for one page, from wrk's own count."""
    url = f"http://127.0.0.1:{port or PORT}{path}"
    # Let the previous run's last requests finish first. wrk opens its keep-alive
    # connections at once: a worker still busy with slow pages accepts none, an idle one
    # accepts all sixteen and keeps them, and the run measures one core of two (seen: the
    # ceiling at 1,100 req/s with a p50 of 14 ms, right after search or RSS).
    time.sleep(SETTLE_SECONDS)
    for _ in range(3):
        try:
            warm_up = urllib.request.Request(url, headers={"Accept-Encoding": ACCEPT_ENCODING})
            urllib.request.urlopen(warm_up, timeout=10).read()  # renditions, caches
        except OSError as error:
            raise RuntimeError(f"{url}: {error}") from None
    out = sh(
        "wrk",
        f"-t{min(2, connections)}",
        f"-c{connections}",
        f"-d{duration}s",
        "-H",
        f"Accept-Encoding: {ACCEPT_ENCODING}",
        "--timeout",
        "10s",
        "-s",
        str(ROOT / "bench" / "report.lua"),
        url,
        capture=True,
    ).stdout
    result = json.loads(re.search(r"^BENCH (.*)$", out, re.MULTILINE).group(1))
    result["rps"] = result["requests"] / result["seconds"]
    return result
