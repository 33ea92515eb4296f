"""Where the traffic mix's CPU goes, page kind by page kind: the mix replayed in process.

    .venv/bin/python bench/replay.py CHECKOUT DATABASE [--requests 30000] [--change-every 3000]

Runs in one process what `bench/compare.py` serves with gunicorn: the mix's draws
(bench/traffic.py), through the checkout's whole middleware stack with the page cache on
(Redis database 3, flushed first), an editor's correction of a recent article every
`--change-every` requests (saved through the ORM, so the checkout's own write path runs).
Prints, for each kind of page, its requests, page-cache hit rate and CPU milliseconds a
request, hits and misses apart (the app's own, no server), then PostgreSQL's CPU a request.
"""

import argparse
import os
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

import cpu_split
import serve
import traffic

HERE = Path(__file__).resolve().parent
REDIS_DB = 3


def measure(mix: list, change_every: int) -> dict:
    from django.core.handlers.wsgi import WSGIHandler
    from django.test import RequestFactory

    from articles.models import Article

    handler, factory = WSGIHandler(), RequestFactory(HTTP_HOST="127.0.0.1")
    recent = list(Article.objects.published().order_by("-published_at")[:50])
    seen = defaultdict(lambda: {"hit": [0, 0.0], "miss": [0, 0.0]})
    for number, (kind, path) in enumerate(mix, start=1):
        if number % change_every == 0:
            article = recent[(number // change_every) % len(recent)]
            article.refresh_from_db()
            article.standfirst = f"{article.standfirst[:200]} ({number})"
            article.save()
        url, _, query = path.partition("?")
        environ = factory._base_environ(PATH_INFO=url, QUERY_STRING=query, REQUEST_METHOD="GET")
        started = time.process_time()
        response = handler(environ, lambda status, headers: None)
        b"".join(response)
        response.close()
        spent = time.process_time() - started
        answer = "hit" if response.get("X-Page-Cache") == "hit" else "miss"
        seen[kind][answer][0] += 1
        seen[kind][answer][1] += spent
    return seen


def report(seen: dict, database_seconds: float) -> None:
    total = sum(n for kind in seen.values() for n, _ in kind.values())
    cpu = sum(t for kind in seen.values() for _, t in kind.values())
    print(f"{'kind':8s} {'requests':>8s} {'hits':>6s} {'ms hit':>7s} {'ms miss':>8s} {'share':>6s}")
    for kind, answers in sorted(seen.items()):
        (hits, hit_cpu), (misses, miss_cpu) = answers["hit"], answers["miss"]
        print(
            f"{kind:8s} {hits + misses:8d} {hits / (hits + misses):6.0%} "
            f"{hit_cpu / hits * 1000 if hits else 0:7.2f} "
            f"{miss_cpu / misses * 1000 if misses else 0:8.2f} "
            f"{(hit_cpu + miss_cpu) / cpu:6.0%}"
        )
    print(f"all      {total:8d}  {cpu / total * 1000:.2f} ms of CPU a request", end="")
    print(f", and PostgreSQL's {database_seconds / total * 1000:.2f} ms")


def child(args) -> None:
    """In the checkout's own interpreter: Django set up, the mix replayed."""
    sys.path.insert(0, str(args.checkout))
    os.chdir(args.checkout)
    import django

    django.setup()
    mix = [tuple(line.split(" ", 1)) for line in Path(args.mix).read_text().splitlines()]
    warm, counted = mix[: args.warm], mix[args.warm :]
    measure(warm, args.change_every)
    before = cpu_split.cpu_seconds()
    seen = measure(counted, args.change_every)
    used = cpu_split.spent(before, cpu_split.cpu_seconds(), lambda name, _: cpu_split.group(name))
    report(seen, used.get("postgres", 0.0))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("checkout", type=Path)
    parser.add_argument("database")
    parser.add_argument("--requests", type=int, default=30000)
    parser.add_argument("--warm", type=int, default=3000, help="requests replayed, not counted")
    parser.add_argument("--change-every", type=int, default=3000)
    parser.add_argument("--mix", help=argparse.SUPPRESS)  # set for the child process
    args = parser.parse_args()
    args.checkout = args.checkout.resolve()
    if args.mix:
        return child(args)
    env = serve.environment(args.database, page_cache=True)
    # The static files bench/compare.py collected for this database.
    static = Path(tempfile.gettempdir()) / "newsroom-bench-static" / args.database
    env.update(REDIS_URL=f"redis://127.0.0.1:6379/{REDIS_DB}", STATIC_ROOT=str(static))
    site = traffic.collect(args.checkout, env)
    mix = traffic.build(site, args.warm + args.requests)
    serve.sh("redis-cli", "-n", str(REDIS_DB), "flushdb", capture=True)
    mix_file = Path(f"/tmp/replay-{os.getpid()}.txt")
    mix_file.write_text("".join(f"{kind} {path}\n" for kind, path in mix))
    try:
        command = [serve.python_for(args.checkout), __file__, str(args.checkout), args.database]
        command += [f"--{name}={getattr(args, name)}" for name in ("requests", "warm")]
        command += [f"--change-every={args.change_every}", f"--mix={mix_file}"]
        subprocess.run(command, env={**os.environ, **env}, check=True)
    finally:
        mix_file.unlink()


if __name__ == "__main__":
    sys.exit(main())
