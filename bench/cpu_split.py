"""Where a page's CPU goes under load: the app server's processes against PostgreSQL's.

    .venv/bin/python bench/cpu_split.py /article/article-50/ [/bench/ceiling/ …]
        [--database newsroom_bench_1000] [--duration 5] [--cached]

Serves a database `make bench` seeded, as `make bench` does, loads each page with wrk, and
reads every process's CPU time from /proc before and after: milliseconds of CPU a request,
for gunicorn's workers and for PostgreSQL. Run it on an otherwise idle machine.
"""

import argparse
import os

import serve


def cpu_seconds() -> dict[str, tuple[str, float, int]]:
    """CPU time of every process now: {pid: (name, seconds, session id)}."""
    ticks = os.sysconf("SC_CLK_TCK")
    seen = {}
    for pid in filter(str.isdigit, os.listdir("/proc")):
        try:
            with open(f"/proc/{pid}/stat") as stat:
                line = stat.read()
        except OSError:  # the process ended meanwhile
            continue
        name = line[line.index("(") + 1 : line.rindex(")")]
        fields = line[line.rindex(")") + 2 :].split()
        seen[pid] = (name, (int(fields[11]) + int(fields[12])) / ticks, int(fields[3]))
    return seen


def group(name: str) -> str:
    if name.startswith("postgres"):
        return "postgres"
    if "python" in name or "gunicorn" in name:
        return "app server"
    return "other"


def spent(before: dict, after: dict, group_of) -> dict[str, float]:
    """CPU seconds used between two readings, summed by group_of(name, session id)."""
    used = {}
    for pid, (name, seconds, session) in after.items():
        key = group_of(name, session)
        earlier = before.get(pid, (name, 0.0, session))[1]
        # Less than before: the process ended and its number went to a new one.
        used[key] = used.get(key, 0.0) + (seconds - earlier if seconds >= earlier else seconds)
    return used


def split(path: str, duration: int, connections: int) -> None:
    serve.wrk(path, 2, connections)  # warm up; not counted
    before = cpu_seconds()
    result = serve.wrk(path, duration, connections)
    after = cpu_seconds()
    requests = result["requests"]
    used = spent(before, after, lambda name, _session: group(name))
    print(f"{path}: {result['rps']:.0f} req/s")
    for who in ("app server", "postgres", "other"):
        print(f"  {who:10s} {used.get(who, 0.0) / requests * 1000:6.2f} ms of CPU a request")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="+")
    parser.add_argument("--database", default="newsroom_bench_1000")
    parser.add_argument("--duration", type=int, default=5)
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--cached", action="store_true")
    args = parser.parse_args()
    with serve.Server(serve.environment(args.database, page_cache=args.cached)):
        for path in args.paths:
            split(path, args.duration, args.connections)


if __name__ == "__main__":
    main()
