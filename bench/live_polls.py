"""`make bench-live` (and the end of `make bench`): readers of a live story polling for new
entries, beside the newsroom traffic mix, while an entry is posted every 10 s.

    .venv/bin/python bench/live_polls.py [--articles 1000] [--seconds 60] [--polls-per-second 50]

On the corpus `make bench` seeds (seeded here if missing), served by gunicorn
as in production with the page cache on, PostgreSQL and Redis on loopback, every load
bounded in time. The readers' polls (bench/live_polls.lua: 1,000 readers polling every 20 s
make 50 polls a second) and the mix (bench/traffic.lua) run together; an editor posts an
entry every 10 s from this process, and a watcher asking every 20 ms notes when each entry
first reaches a reader. Then, each flat out for a few seconds on its own: an unchanged poll
(304) against a cached article page, the cost the issue bounds. Prints a Markdown report.
"""

import argparse
import os
import re
import statistics
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

import run
import serve
import traffic

HERE = Path(__file__).resolve().parent
ENTRY_EVERY = 10.0  # seconds between two entries
WATCH_EVERY = 0.02  # seconds between two of the watcher's polls
FLAT_OUT_SECONDS = 5
CONNECTIONS = 16


def live_story():
    """The newest published article, followed live (started again if an earlier run ended
    it), with one entry; and the editor who posts."""
    from django.contrib.auth import get_user_model

    from articles.models import Article
    from live.models import LiveCoverage, LiveEntry

    editor, _made = get_user_model().objects.get_or_create(
        username="bench-live", defaults={"is_staff": True, "is_superuser": True}
    )
    article = Article.objects.published().order_by("-published_at").first()
    LiveCoverage.objects.filter(article=article).delete()
    coverage = LiveCoverage.start_by(editor, article)
    LiveEntry.post_by(editor, coverage, body="<p>Les bureaux de vote ont ouvert.</p>")
    return article, coverage, editor


def version_of(article_id: int) -> int:
    from live import versions

    return versions.current(article_id)


class Watcher(threading.Thread):
    """A reader polling every WATCH_EVERY: when it first saw each version."""

    def __init__(self, url: str, version: int):
        super().__init__(daemon=True)
        self.url, self.version = url, version
        self.seen: dict[int, float] = {}
        self.stop = threading.Event()

    def run(self):
        while not self.stop.is_set():
            asked = {"If-None-Match": f'"{self.version}"'}
            try:
                with urllib.request.urlopen(
                    urllib.request.Request(self.url, headers=asked)
                ) as answer:
                    body = answer.read().decode()
                self.version = int(re.search(r'"version": *(\d+)', body).group(1))
                self.seen.setdefault(self.version, time.monotonic())
            except urllib.error.HTTPError as error:
                if error.code != 304:
                    raise
            time.sleep(WATCH_EVERY)


def post_entries(coverage, editor, seconds, posted):
    """An entry every ENTRY_EVERY: (when it was posted, the version it made) into `posted`."""
    from live.models import LiveEntry

    deadline, number = time.monotonic() + seconds, 0
    while time.monotonic() + ENTRY_EVERY < deadline:
        time.sleep(ENTRY_EVERY)
        number += 1
        started = time.monotonic()
        LiveEntry.post_by(editor, coverage, body=f"<p>Entrée numéro {number}.</p>")
        posted.append((started, version_of(coverage.article_id)))


def polls(port, path, version, seconds, pause_ms, connections=CONNECTIONS):
    script = HERE / "live_polls.lua"
    args = (path, str(version), str(pause_ms))
    return traffic.scripted_wrk(port, script, "POLLS", seconds, connections, *args)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1000, help="the corpus make bench seeds")
    parser.add_argument("--seconds", type=int, default=60)
    parser.add_argument("--polls-per-second", type=int, default=50)
    args = parser.parse_args()
    serve.ensure_services()
    database = f"newsroom_bench_{args.articles}"
    run.prepare(database, args.articles, reuse=True)
    env = serve.environment(database, page_cache=True)
    serve.sh("redis-cli", "-n", serve.REDIS.rsplit("/", 1)[1], "flushdb", capture=True)
    serve.django_here(env)  # to start the coverage and post
    article, coverage, editor = live_story()
    poll_path = f"/direct/{article.pk}/nouvelles/?langue=fr&apres=0"
    site = traffic.collect(serve.ROOT, env)
    mix_file = traffic.write(
        traffic.build(site), Path(os.environ.get("TMPDIR", "/tmp")) / "mix.txt"
    )
    # A connection a poll a second: the rate holds however slow the answers get.
    readers_connections, pause_ms = args.polls_per_second, 1000
    with serve.Server(env) as server:
        port = server.port
        watcher = Watcher(f"http://127.0.0.1:{port}{poll_path}", version_of(article.pk))
        watcher.start()
        posted = []
        poster = threading.Thread(
            target=post_entries, args=(coverage, editor, args.seconds, posted), daemon=True
        )
        poster.start()
        found = {}
        readers = threading.Thread(
            target=lambda: found.update(
                polls(
                    port,
                    poll_path,
                    version_of(article.pk),
                    args.seconds,
                    pause_ms,
                    readers_connections,
                )
            )
        )
        readers.start()
        mix = traffic.run(port, mix_file, args.seconds, CONNECTIONS, 1)
        readers.join()
        poster.join()
        watcher.stop.set()
        version = version_of(article.pk)
        flat_polls = polls(port, poll_path, version, FLAT_OUT_SECONDS, 0)
        flat_page = serve.wrk(article.get_absolute_url(), FLAT_OUT_SECONDS, CONNECTIONS, port=port)
    delays = sorted(watcher.seen[v] - at for at, v in posted if v in watcher.seen)
    print(f"# Live story polls beside the traffic mix, {time.strftime('%Y-%m-%d %H:%M')}\n")
    print(f"{args.articles} articles.", end=" ")
    print(f"{args.seconds} s; readers' polls asked for {args.polls_per_second} a second")
    print(
        f"({readers_connections} connections, each a poll a second); the mix on {CONNECTIONS}; "
        f"an entry every {ENTRY_EVERY:.0f} s.\n"
    )
    print("| load | req/s | p50 ms | p99 ms | answers |")
    print("|---|---|---|---|---|")
    print(
        f"| polls | {found['rps']:.0f} | {found['p50']:.1f} | {found['p99']:.1f} | "
        f"{found['unchanged']} × 304, {found['changed']} × 200, {found['other']} other, "
        f"{found['socket_errors']} socket errors |"
    )
    print(
        f"| mix | {mix['rps']:.0f} | {mix['p50']:.1f} | {mix['p99']:.1f} | "
        f"{mix['errors']} errors, {mix['hit_rate']:.0%} page-cache hits |\n"
    )
    if delays:
        print(
            f"From an entry's posting to the first poll bringing it ({len(delays)} entries): "
            f"median {statistics.median(delays) * 1000:.0f} ms, longest {delays[-1] * 1000:.0f} ms.\n"
        )
    share = flat_polls["rps"] / flat_page["rps"]
    print(
        f"Flat out, {FLAT_OUT_SECONDS} s each: an unchanged poll {flat_polls['rps']:.0f} req/s "
        f"(p99 {flat_polls['p99']:.1f} ms), a cached article page {flat_page['rps']:.0f} req/s "
        f"(p99 {flat_page['p99']:.1f} ms): a poll costs {1 / share:.2f} of a cached page "
        f"({'ok' if share >= 1.0 else 'MISSED'}: no more than one)."
    )


if __name__ == "__main__":
    main()
