"""Instructions the app runs for one request of a page, counted by valgrind's callgrind.

    .venv/bin/python bench/instructions.py '/recherche/?q=march%C3%A9' [/bench/ceiling/ …]
        [--database newsroom_bench_1000] [--requests 100] [--cached] [--revalidate]

The count is the same for the same code and data whatever else the machine does: on a
shared machine, req/s and CPU time moved by a fifth from one run to the next, which hid
changes of a few percent. Counted in process (bench/profile_page.py's requests, through
the whole middleware stack), the app's process only: PostgreSQL's work is not counted.
Each page: a run of `--requests` requests after a warm-up, less a run of the warm-up
alone, over the number of requests. Needs valgrind (Debian: apt-get install -y valgrind);
a page takes about a minute.
"""

import argparse
import os
import re
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve()
WARM_UP = 30  # requests before those counted: templates, connections, cached fragments
COLLECTED = re.compile(r"Collected : (\d+)")


def serve(path: str, database: str, requests: int, cached: bool, revalidate: bool) -> None:
    """What valgrind runs: the warm-up, then `requests` requests of `path`."""
    sys.path.insert(0, str(HERE.parent))
    import profile_page

    profile_page.configure(database, cached=cached)
    import django

    django.setup()
    get = profile_page.requester(revalidate)
    for _ in range(WARM_UP + requests):
        get(path)


def counted(path: str, database: str, requests: int, cached: bool, revalidate: bool) -> int:
    """Instructions of a whole run of the process, with `requests` counted requests."""
    command = [
        "valgrind",
        "--tool=callgrind",
        "--callgrind-out-file=/dev/null",
        sys.executable,
        str(HERE),
        "--serve",
        path,
        "--database",
        database,
        "--requests",
        str(requests),
        *(["--cached"] if cached else []),
        *(["--revalidate"] if revalidate else []),
    ]
    environment = {**os.environ, "PYTHONHASHSEED": "0"}  # the same dicts, run after run
    run = subprocess.run(command, capture_output=True, text=True, env=environment, check=True)
    return int(COLLECTED.search(run.stderr).group(1))


def per_request(path, database, requests, cached, revalidate=False) -> float:
    whole = counted(path, database, requests, cached, revalidate)
    return (whole - counted(path, database, 0, cached, revalidate)) / requests


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("paths", nargs="+")
    parser.add_argument("--database", default="newsroom_bench_1000")
    parser.add_argument("--requests", type=int, default=100)
    parser.add_argument("--cached", action="store_true", help="the page cache on: its hits")
    parser.add_argument(
        "--revalidate", action="store_true", help="send the first answer's ETag: 304s (a poll)"
    )
    parser.add_argument("--serve", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.serve:
        serve(args.paths[0], args.database, args.requests, args.cached, args.revalidate)
        return
    for path in args.paths:
        count = per_request(path, args.database, args.requests, args.cached, args.revalidate)
        millions = count / 1e6
        print(f"{path}: {millions:.2f} M instructions a request")


if __name__ == "__main__":
    main()
