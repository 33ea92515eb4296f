"""CPU time of one page, in process, through the whole middleware stack (no server, no load).

    .venv/bin/python bench/profile_page.py /article/article-50/ [--database newsroom_bench_1000]
        [--requests 250] [--cached] [--profile] [--first-reader]

Uses a database `make bench` seeded. Prints the median and lowest CPU milliseconds per
request over five batches, next to the bare-template ceiling's, then the page's wall-clock
latency for one reader (PostgreSQL's time included). With --profile (pip install
pyinstrument first; it is not a dependency), prints where that time goes.
"""

import argparse
import os
import statistics
import sys
import time
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def configure(database: str, cached: bool) -> None:
    """The settings `make bench` serves the site with (bench/run.py)."""
    import serve

    os.environ.update(serve.environment(database, page_cache=cached))


def requester(revalidate: bool = False):
    """`get(path)`; with `revalidate`, each request sends the ETag the first answer gave,
    as a live story's poll does, and a 304 is the expected answer."""
    from django.core.handlers.wsgi import WSGIHandler
    from django.test import RequestFactory

    handler, factory = WSGIHandler(), RequestFactory(HTTP_HOST="127.0.0.1")
    etags = {}

    def get(path: str) -> int:
        parts = urlsplit(path)
        environ = factory._base_environ(
            PATH_INFO=parts.path, QUERY_STRING=parts.query, REQUEST_METHOD="GET"
        )
        if path in etags:
            environ["HTTP_IF_NONE_MATCH"] = etags[path]
        status, answered = [], []

        def start(code, headers, exc=None):
            status.append(code)
            answered.extend(headers)

        body = b"".join(handler(environ, start))
        assert status[0].startswith(("200", "304")), f"{path}: {status[0]}"
        if revalidate and path not in etags:
            etags[path] = dict(answered)["ETag"]
        return len(body)

    return get


def never_cached(get):
    """Each request as if it were the first since its article changed: a new release every
    time, so no cached fragment matches (articles/fragments.py)."""
    import secrets

    from django.conf import settings

    def first_reader(path: str) -> int:
        settings.RELEASE = secrets.token_hex(8)
        return get(path)

    return first_reader


def cpu_ms(get, path: str, requests: int) -> list[float]:
    for _ in range(5):
        get(path)  # warm: templates, connections, renditions
    batches = []
    for _ in range(5):
        started = time.process_time()
        for _ in range(requests // 5):
            get(path)
        batches.append((time.process_time() - started) / (requests // 5) * 1000)
    return batches


def wall_ms(get, path: str, requests: int) -> dict:
    """One reader's latency percentiles, in process: no server, no network, the database's
    time included."""
    times = []
    for _ in range(requests):
        started = time.perf_counter()
        get(path)
        times.append((time.perf_counter() - started) * 1000)
    times.sort()
    return {p: times[min(len(times) - 1, int(p / 100 * len(times)))] for p in (50, 95, 99)}


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("path")
    parser.add_argument("--database", default="newsroom_bench_1000")
    parser.add_argument("--requests", type=int, default=250)
    parser.add_argument("--cached", action="store_true", help="with the page cache on")
    parser.add_argument("--profile", action="store_true", help="pyinstrument's view")
    parser.add_argument(
        "--first-reader",
        action="store_true",
        help="as if each request were the first since its article changed: no cached part "
        "or card (articles/fragments.py) matches",
    )
    args = parser.parse_args()
    configure(args.database, args.cached)
    import django

    django.setup()
    get = requester()
    if args.first_reader:
        get = never_cached(get)
    for path in ("/bench/ceiling/", args.path):
        batches = cpu_ms(get, path, args.requests)
        print(
            f"{path}: {statistics.median(batches):.2f} ms CPU a request "
            f"(lowest batch {min(batches):.2f})"
        )
    wall = wall_ms(get, args.path, args.requests)
    print(
        f"{args.path}: one reader, " + ", ".join(f"p{p} {ms:.1f}" for p, ms in wall.items()) + " ms"
    )
    if args.profile:
        from pyinstrument import Profiler

        profiler = Profiler(interval=0.0002)
        profiler.start()
        for _ in range(args.requests):
            get(args.path)
        profiler.stop()
        print(profiler.output_text(unicode=False, color=False))


if __name__ == "__main__":
    main()
