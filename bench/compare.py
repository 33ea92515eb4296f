"""`make bench-traffic`: the newsroom traffic mix on two checkouts, OLD and NEW, side by side.

    python bench/compare.py OLD NEW [--articles 100000] [--rounds 4] [--seconds 15] [--reuse]
    python bench/compare.py OLD NEW --articles 100000 --seed-only old --reuse   # seed ahead
    python bench/compare.py OLD NEW --articles 1000 --rounds 2 --seconds 5 \
        --publish-every 4 --correct-every 8 --reuse                              # a smoke run

Each checkout is served by its own gunicorn (production settings, page cache on, both with
the same workers and threads), from its own database seeded by its own code (newsroom_bench_<articles>_old and _new: their
migrations may differ), against the same Redis but its own Redis database (5 and 6), both
started cold (start_cold). The mix
of bench/traffic.py runs in rounds (by default 4 × 15 s a side) that alternate OLD and NEW,
the order swapped every round; each run comes right after one of the bare-template ceiling
(/bench/ceiling/), and meanwhile an editor (bench/editor.py) publishes and corrects articles
through that side's admin. Prints a Markdown report, writes it to bench/results/ (the
figures as JSON beside it), and says whether the issue's budgets hold: NEW's throughput at
least 90 % of OLD's, its p99 at most 1.2×, and the CPU a request of each process (app
server, PostgreSQL, Redis, wrk). OLD OLD (one checkout twice) shows the noise.

--reuse keeps a database that a run finished seeding (marked by a comment on the database),
migrated to its checkout's code; without it, both are dropped and seeded again. The editor's
articles stay in a reused database.
"""

import argparse
import json
import os
import shutil
import signal
import statistics
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

import cpu_split
import editor
import serve
import traffic

REDIS_DB = {"old": 5, "new": 6}
KEPT_PARTS = ("articles_rendering", "articles_card", "articles_feedentry", "articles_readalso")
EMPTY_KEPT_PARTS = (
    "DO $$ BEGIN "
    + " ".join(
        f"IF to_regclass('{table}') IS NOT NULL THEN DELETE FROM {table}; END IF;"
        for table in KEPT_PARTS
    )
    + " END $$"
)
SERVER = {"workers": 2 * os.cpu_count(), "threads": 1}  # gunicorn.conf.py's defaults
CPU_GROUPS = ("app", "postgres", "redis", "wrk", "other", "idle")
STATIC = Path(tempfile.gettempdir()) / "newsroom-bench-static"
THROUGHPUT_BUDGET = 0.90  # NEW's requests per second over OLD's, at least
P99_BUDGET = 1.2  # NEW's p99 over OLD's, at most
PAGES = ("home", "section", "article", "tag", "author", "search", "rss")


@dataclass
class Side:
    name: str
    checkout: Path
    articles: int
    port: int = field(default_factory=serve.free_port)

    @property
    def database(self) -> str:
        return f"newsroom_bench_{self.articles}_{self.name}"

    @property
    def redis_db(self) -> int:
        return REDIS_DB[self.name]

    @property
    def python(self) -> str:
        return serve.python_for(self.checkout)

    def env(self, page_cache=True) -> dict:
        env = serve.environment(self.database, page_cache=page_cache)
        env.update(
            SITE_URL=f"http://127.0.0.1:{self.port}",
            REDIS_URL=f"redis://127.0.0.1:6379/{self.redis_db}",
            STATIC_ROOT=str(STATIC / self.database),
            # Both sides on the same server settings: the read path is what is compared.
            GUNICORN_WORKERS=str(SERVER["workers"]),
            GUNICORN_THREADS=str(SERVER["threads"]),
        )
        return env

    def manage(self, *args, capture=False):
        return serve.sh(
            self.python, "manage.py", *args, env=self.env(), cwd=self.checkout, capture=capture
        )

    def commit(self) -> str:
        out = serve.sh("git", "-C", str(self.checkout), "log", "-1", "--format=%h %s", capture=True)
        dirty = serve.sh("git", "-C", str(self.checkout), "status", "--porcelain", capture=True)
        line = out.stdout.strip()
        line = line if len(line) <= 70 else line[:69] + "…"
        return line + (" (with uncommitted changes)" if dirty.stdout else "")


def seeded_mark(side: Side) -> str:
    return f"newsroom bench: {side.articles} articles seeded"


def database_comment(name: str) -> str | None:
    """The comment on a database, "" when it has none, None when it does not exist."""
    out = serve.psql(
        "-tAc",
        "SELECT 'db:' || coalesce(shobj_description(oid, 'pg_database'), '') "
        f"FROM pg_database WHERE datname = '{name}'",
    ).stdout.strip()
    return out[3:] if out else None


def prepare(side: Side, reuse: bool) -> None:
    """The side's database, seeded by its own code (or reused), with the editor's account."""
    comment = database_comment(side.database)
    if reuse and comment == seeded_mark(side):
        print(f"{side.name}: reusing {side.database}.", flush=True)
        side.manage("migrate", "-v0")
        serve.sh(
            "psql", "-h", "127.0.0.1", "-U", "root", "-d", side.database, "-qc", "VACUUM ANALYZE"
        )
    else:
        if reuse and comment is not None:
            print(f"{side.name}: {side.database} was not seeded to the end: seeding again.")
        serve.psql("-qc", f"DROP DATABASE IF EXISTS {side.database}")
        serve.psql("-qc", f"CREATE DATABASE {side.database}")
        started = time.monotonic()
        side.manage("migrate", "-v0")
        side.manage("seed_bench", "--articles", str(side.articles))
        serve.psql("-qc", f"COMMENT ON DATABASE {side.database} IS '{seeded_mark(side)}'")
        print(f"{side.name}: seeded {side.database} in {time.monotonic() - started:.0f} s.")
    side.manage("shell", "-v0", "-c", editor.CREATE_ACCOUNT)
    side.manage("collectstatic", "--noinput", "-v0")


def query_counts(side: Side, site: dict) -> dict:
    """SQL queries of one page of each kind, counted in the side's own code (bench/queries.py)."""
    paths = sample_paths(site)
    out = serve.sh(
        side.python,
        str(serve.ROOT / "bench" / "queries.py"),
        *paths.values(),
        env={**side.env(page_cache=False), "BENCH_CHECKOUT": str(side.checkout)},
        cwd=side.checkout,
        capture=True,
    ).stdout
    counts = json.loads(out.strip().splitlines()[-1])
    return {kind: counts[path] for kind, path in paths.items()}


def sample_paths(site: dict) -> dict:
    """One page of each kind: the 51st newest article, the busiest tag and author, a search."""
    return {
        "home": site["home"],
        "section": site["sections"][0],
        "article": site["articles"][min(50, len(site["articles"]) - 1)][1],
        "tag": site["tags"][0][0],
        "author": site["authors"][0][0],
        "search": f"{site['search']}?q=s%C3%A9curit%C3%A9",
        "rss": site["rss"],
    }


def start_cold(side: Side) -> None:
    """Nothing kept from earlier runs: the side's Redis database emptied, and so are the
    tables in which the read path kept rendered parts before issue 28 moved them to the
    cache (the old side's; the new has none), so both sides start as a fresh seed does."""
    serve.sh("redis-cli", "-n", str(side.redis_db), "flushdb", capture=True)
    serve.sh("psql", "-h", "127.0.0.1", "-U", "root", "-d", side.database, "-qc", EMPTY_KEPT_PARTS)


def idle_seconds() -> float:
    """Seconds every core of the machine has been idle (/proc/stat)."""
    with open("/proc/stat") as stat:
        fields = stat.readline().split()[1:]
    return (int(fields[3]) + int(fields[4])) / os.sysconf("SC_CLK_TCK")


def children_seconds() -> float:
    """CPU seconds of this script's ended children: wrk's, once its run is over."""
    times = os.times()
    return times.children_user + times.children_system


def cpu_a_request(before, after, server, requests: int) -> dict[str, float]:
    """Milliseconds of CPU a request the side's app server, PostgreSQL, Redis and wrk used
    during a run, and the machine's idle time (all cores) a request."""

    def group_of(name, session):
        if session == server.process.pid:
            return "app"
        if name.startswith("postgres"):
            return "postgres"
        return "redis" if name == "redis-server" else "other"

    used = cpu_split.spent(before[0], after[0], group_of)
    used["idle"] = after[1] - before[1]
    used["wrk"] = after[2] - before[2]
    return {group: used.get(group, 0.0) / requests * 1000 for group in CPU_GROUPS}


def measure(sides, sites, mixes, editors, servers, args) -> list[dict]:
    """The rounds: each side's ceiling, then its mix with its editor at work; sides
    alternate, the order swapped every round; both sides of a round get the same draws."""
    rounds = []
    for number in range(1, args.rounds + 1):
        order = sides if number % 2 else sides[::-1]
        for side in order:
            ceiling = serve.wrk(
                sites[side.name]["ceiling"], args.ceiling_seconds, args.connections, side.port
            )
            time.sleep(serve.SETTLE_SECONDS)
            done = len(editors[side.name].actions)
            thread = threading.Thread(
                target=editors[side.name].during, args=(args.seconds,), daemon=True
            )
            thread.start()
            before = cpu_split.cpu_seconds(), idle_seconds(), children_seconds()
            mix = traffic.run(side.port, mixes[side.name], args.seconds, args.connections, number)
            after = cpu_split.cpu_seconds(), idle_seconds(), children_seconds()
            thread.join()
            mix["cpu"] = cpu_a_request(before, after, servers[side.name], mix["requests"])
            rounds.append(
                {
                    "round": number,
                    "side": side.name,
                    "ceiling": ceiling,
                    "mix": mix,
                    "editor": editors[side.name].actions[done:],
                }
            )
            print(
                f"round {number} {side.name}: ceiling {ceiling['rps']:.0f} req/s; mix "
                f"{mix['rps']:.0f} req/s, p50 {mix['p50']:.1f} ms, p99 {mix['p99']:.1f} ms, "
                f"{mix['errors']} errors, {mix['hit_rate']:.0%} hits; editor: "
                + (
                    ", ".join(
                        f"{a['action']} {'ok' if a['ok'] else 'FAILED'}"
                        for a in rounds[-1]["editor"]
                    )
                    or "—"
                ),
                flush=True,
            )
    return rounds


def summarise(rounds: list[dict]) -> dict:
    """Each side over its rounds, and NEW over OLD: the median of the rounds' ratios (each
    round's two runs are seconds apart, so the machine's drift falls on both alike)."""
    sides = {}
    for name in ("old", "new"):
        mine = [r for r in rounds if r["side"] == name]
        mixes = [r["mix"] for r in mine]
        hits = sum(m["hits"] for m in mixes)
        answered = hits + sum(m["misses"] for m in mixes)
        sides[name] = {
            "rps": sum(m["requests"] for m in mixes) / sum(m["seconds"] for m in mixes),
            "p50": statistics.median(m["p50"] for m in mixes),
            "p99": statistics.median(m["p99"] for m in mixes),
            "requests": sum(m["requests"] for m in mixes),
            "errors": sum(m["errors"] for m in mixes),
            "hit_rate": hits / answered if answered else 0.0,
            "ceiling_rps": statistics.median(r["ceiling"]["rps"] for r in mine),
            "share": statistics.median(r["mix"]["rps"] / r["ceiling"]["rps"] for r in mine),
            "ceiling_errors": sum(r["ceiling"]["errors"] for r in mine),
            "cpu": {g: statistics.median(m["cpu"][g] for m in mixes) for g in CPU_GROUPS},
        }
    pairs = {}
    for r in rounds:
        pairs.setdefault(r["round"], {})[r["side"]] = r["mix"]
    ratio = {
        key: statistics.median(p["new"][key] / p["old"][key] for p in pairs.values())
        for key in ("rps", "p50", "p99")
    }
    return {**sides, "ratio": ratio}


def verdict(ok: bool) -> str:
    return "ok" if ok else "MISSED"


def markdown(run: dict) -> str:
    s, ratio = run["summary"], run["summary"]["ratio"]
    mix = run["mix"]
    beyond = mix["article_reads_beyond_newest"]
    # The deepest of 10, 100, 1,000, 10,000 that leaves nine tenths of the archive beyond.
    far = max((n for n in beyond if int(n) * 10 <= mix["articles"]), key=int, default="10")
    editor_failures = [a for side in run["editor"].values() for a in side if not a["ok"]]
    read_errors = s["old"]["errors"] + s["new"]["errors"]
    lines = [
        f"# Newsroom traffic, old against new: {run['articles']:,} articles, {run['date']}",
        "",
        f"- OLD: `{run['checkouts']['old']}` at {run['commits']['old']}",
        f"- NEW: `{run['checkouts']['new']}` at {run['commits']['new']}",
        f"- Machine: {run['machine']}.",
        f"- Both served by gunicorn with {SERVER['workers']} workers of {SERVER['threads']} "
        "thread(s), production settings.",
        "",
        f"The mix (bench/traffic.py): 45 % article pages (Zipf s = {traffic.ZIPF_S} over the "
        f"{mix['articles']:,} published articles by recency; {beyond[far]:.0%} of article reads "
        f"beyond the newest {int(far):,}), 15 % home, 15 % sections, 5 % tags and 5 % authors "
        "(weighted by use), 10 % searches (200 French queries), 5 % RSS; "
        f"{run['connections']} connections; page cache on. {run['round_count']} rounds × "
        f"{run['seconds']} s a side, alternating, the order swapped every round, each run "
        f"after {run['ceiling_seconds']} s of the bare-template ceiling. Meanwhile an editor "
        f"publishes an article every {run['publish_every']:g} s and corrects one every "
        f"{run['correct_every']:g} s of the side's load, through the admin.",
        "",
        "| side | req/s | p50 ms | p99 ms | errors | page-cache hits | ceiling req/s "
        "| mix / ceiling |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for name in ("old", "new"):
        x = s[name]
        lines.append(
            f"| {name.upper()} | {x['rps']:.0f} | {x['p50']:.1f} | {x['p99']:.1f} "
            f"| {x['errors']} of {x['requests']:,} | {x['hit_rate']:.1%} "
            f"| {x['ceiling_rps']:.0f} | {x['share']:.0%} |"
        )
    lines += [
        f"| NEW / OLD | {ratio['rps']:.2f} | {ratio['p50']:.2f} | {ratio['p99']:.2f} | | "
        f"| {s['new']['ceiling_rps'] / s['old']['ceiling_rps']:.2f} | |",
        "",
        "req/s: all of a side's requests over its seconds; p50, p99, ceiling and mix / ceiling: "
        "medians of its rounds; NEW / OLD: the median of the rounds' ratios.",
        "",
        "CPU a request, ms (medians of the rounds; idle: all cores' idle time a request):",
        "",
        "| side | " + " | ".join(CPU_GROUPS) + " |",
        "|---|" + "---|" * len(CPU_GROUPS),
        *(
            f"| {name.upper()} | "
            + " | ".join(f"{s[name]['cpu'][g]:.2f}" for g in CPU_GROUPS)
            + " |"
            for name in ("old", "new")
        ),
        "",
        "## Budgets",
        "",
        f"- Throughput, NEW / OLD ≥ {THROUGHPUT_BUDGET:.2f}: {ratio['rps']:.2f}, "
        f"{verdict(ratio['rps'] >= THROUGHPUT_BUDGET)}.",
        f"- p99, NEW / OLD ≤ {P99_BUDGET}: {ratio['p99']:.2f}, "
        f"{verdict(ratio['p99'] <= P99_BUDGET)}.",
        f"- Failed reads (socket errors, 4xx, 5xx): {read_errors}, {verdict(read_errors == 0)}.",
        f"- Editor's actions failed: {len(editor_failures)}, {verdict(not editor_failures)}.",
        "- SQL queries per page: listed below; each side pins its own in its tests "
        "(tests/public/test_query_counts.py), constant whatever the archive's size.",
        "",
        "## Rounds",
        "",
        "| round | side | ceiling req/s | req/s | p50 ms | p99 ms | errors | hits | 2xx / 3xx / 4xx / 5xx | editor |",
        "|---|---|---|---|---|---|---|---|---|---|",
    ]
    for r in run["rounds"]:
        m = r["mix"]
        acts = ", ".join(f"{a['action']} {'ok' if a['ok'] else 'FAILED'}" for a in r["editor"])
        lines.append(
            f"| {r['round']} | {r['side'].upper()} | {r['ceiling']['rps']:.0f} | {m['rps']:.0f} "
            f"| {m['p50']:.1f} | {m['p99']:.1f} | {m['errors']} | {m['hit_rate']:.0%} "
            f"| {m['2xx']} / {m['3xx']} / {m['4xx']} / {m['5xx']} | {acts or '—'} |"
        )
    lines += [
        "",
        "## The editor",
        "",
        "| side | at s | action | took s | result |",
        "|---|---|---|---|---|",
    ]
    for name, actions in run["editor"].items():
        for a in actions:
            lines.append(
                f"| {name.upper()} | {a['at']} | {a['action']} | {a['seconds']} "
                f"| {'ok' if a['ok'] else 'FAILED'}: {a['detail'] or '—'} |"
            )
    lines += [
        "",
        "## SQL queries per page",
        "",
        "One page of each kind, page cache off, counted in each side's own code (bench/queries.py).",
        "",
        "| page | OLD | NEW |",
        "|---|---|---|",
    ]
    for page in PAGES:
        old, new = run["queries"]["old"][page], run["queries"]["new"][page]
        lines.append(
            f"| {page} | {old['queries']} ({old['status']}) | {new['queries']} ({new['status']}) |"
        )
    return "\n".join(lines) + "\n"


def main():
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("old", type=Path, help="the checkout measured first: today's main")
    parser.add_argument("new", type=Path, help="the checkout measured against it")
    parser.add_argument("--articles", type=int, default=100000)
    parser.add_argument("--rounds", type=int, default=4)
    parser.add_argument("--seconds", type=int, default=15, help="of the mix, per side, per round")
    parser.add_argument("--ceiling-seconds", type=int, default=5, help="per side, per round")
    parser.add_argument("--warm-seconds", type=int, default=5, help="of the mix, not counted")
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--publish-every", type=float, default=30, help="seconds of a side's load")
    parser.add_argument("--correct-every", type=float, default=60, help="seconds of a side's load")
    parser.add_argument("--reuse", action="store_true", help="reuse databases seeded before")
    parser.add_argument(
        "--seed-only", choices=["old", "new", "both"], help="only seed (or check) databases"
    )
    args = parser.parse_args()
    if not shutil.which("wrk"):
        sys.exit("wrk is needed: apt-get install -y wrk")
    for checkout in (args.old, args.new):
        if not (checkout / "manage.py").exists():
            sys.exit(f"{checkout}: not a Newsroom checkout (no manage.py)")
    serve.ensure_services()
    sides = [
        Side("old", args.old.resolve(), args.articles),
        Side("new", args.new.resolve(), args.articles),
    ]
    if args.seed_only:
        for side in sides:
            if args.seed_only in (side.name, "both"):
                prepare(side, args.reuse)
        return
    for side in sides:
        prepare(side, args.reuse)
    sites = {side.name: traffic.collect(side.checkout, side.env()) for side in sides}
    work = Path(tempfile.mkdtemp(prefix="newsroom-traffic-"))
    mixes, drawn = {}, {}
    for side in sides:
        drawn[side.name] = traffic.build(sites[side.name])
        mixes[side.name] = traffic.write(drawn[side.name], work / f"{side.name}.txt")
    counts = {side.name: query_counts(side, sites[side.name]) for side in sides}
    for side in sides:
        start_cold(side)
    editors = {
        side.name: editor.Editor(
            f"http://127.0.0.1:{side.port}",
            sites[side.name],
            args.publish_every,
            args.correct_every,
        )
        for side in sides
    }
    with (
        serve.Server(sides[0].env(), sides[0].port, sides[0].checkout) as first,
        serve.Server(sides[1].env(), sides[1].port, sides[1].checkout) as second,
    ):
        servers = {sides[0].name: first, sides[1].name: second}
        for side in sides:
            editors[side.name].login()
            serve.wrk(sites[side.name]["ceiling"], 2, args.connections, side.port)  # workers
            traffic.run(side.port, mixes[side.name], args.warm_seconds, args.connections, 0)
        rounds = measure(sides, sites, mixes, editors, servers, args)
    shutil.rmtree(work)
    import run as bench_run  # the machine's description

    stamp = datetime.now()
    result = {
        "articles": args.articles,
        "date": f"{stamp:%Y-%m-%d %H:%M}",
        "machine": bench_run.machine(),
        "checkouts": {side.name: str(side.checkout) for side in sides},
        "commits": {side.name: side.commit() for side in sides},
        "databases": {side.name: side.database for side in sides},
        "connections": args.connections,
        "round_count": args.rounds,
        "seconds": args.seconds,
        "ceiling_seconds": args.ceiling_seconds,
        "publish_every": args.publish_every,
        "correct_every": args.correct_every,
        "mix": traffic.describe(sites["new"], drawn["new"]),
        "queries": counts,
        "editor": {name: e.actions for name, e in editors.items()},
        "summary": summarise(rounds),
        "rounds": rounds,
    }
    text = markdown(result)
    print(text)
    out = serve.ROOT / "bench" / "results" / f"{stamp:%Y-%m-%d-%H%M}-traffic-{args.articles}"
    out.with_suffix(".md").write_text(text)
    out.with_suffix(".json").write_text(json.dumps(result, indent=1, ensure_ascii=False) + "\n")
    print(f"Written to {out.relative_to(serve.ROOT)}.md and .json")


if __name__ == "__main__":
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(1))  # stop both servers on the way out
    main()
