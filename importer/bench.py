"""Time the import of a generated 10,000-post WordPress export, on a fresh database.

    .venv/bin/python -m importer.bench                      # PostgreSQL when it answers
    .venv/bin/python -m importer.bench --sqlite --posts 2000
    OLD=/tmp/import-old .venv/bin/python -m importer.bench  # today's importer beside it

With OLD (or --old), a checkout of an earlier version imports the same export first, on a
database of its own, with its own code: both rates are printed, then their ratio. Each
side runs in a process of its own (this venv's Python, the checkout as its folder) that
migrates a new database, then imports; only the import is timed. PostgreSQL databases
(newsroom_import_bench_<pid>_<side>) are made and dropped here; a SQLite one is a file in a
temporary folder. The project's own database and media are not touched.
"""

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

import psycopg

from importer.bench_export import write_export

HERE = Path(__file__).resolve().parent.parent
SERVER = "postgres://postgres@127.0.0.1:5432/postgres"
# Run in each checkout's own folder: migrate, then time the import alone.
DRIVER = """
import io, json, sys, time
import django
django.setup()
from django.core.management import call_command
call_command("migrate", verbosity=0)
output = io.StringIO()
started, cpu_started = time.perf_counter(), time.process_time()
call_command("import_wordpress", sys.argv[1], stdout=output, stderr=io.StringIO())
seconds, cpu = time.perf_counter() - started, time.process_time() - cpu_started
print(json.dumps({"seconds": seconds, "cpu": cpu, "summary": output.getvalue()}))
"""


def postgres_answers(server: str) -> bool:
    try:
        with psycopg.connect(server, connect_timeout=2):
            return True
    except psycopg.OperationalError:
        return False


class Postgres:
    """A database of its own on the server, dropped after."""

    def __init__(self, server: str, name: str):
        self.server, self.name = server, name

    def __enter__(self) -> str:
        self._execute(f'DROP DATABASE IF EXISTS "{self.name}"')
        self._execute(f'CREATE DATABASE "{self.name}"')
        return self.server.rsplit("/", 1)[0] + "/" + self.name

    def __exit__(self, *exc) -> None:
        self._execute(f'DROP DATABASE IF EXISTS "{self.name}" WITH (FORCE)')

    def _execute(self, statement: str) -> None:
        with psycopg.connect(self.server, autocommit=True) as connection:
            connection.execute(statement)


class Sqlite:
    def __init__(self, path: Path):
        self.path = path

    def __enter__(self) -> str:
        return f"sqlite:///{self.path}"

    def __exit__(self, *exc) -> None:
        self.path.unlink(missing_ok=True)


def time_import(checkout: Path, export: Path, database_url: str, media: Path) -> dict:
    """The import's seconds, CPU seconds and summary, run by `checkout`'s own code."""
    environment = {
        **os.environ,
        "DATABASE_URL": database_url,
        "DJANGO_SETTINGS_MODULE": "newsroom.test_settings",
        "MEDIA_ROOT": str(media),
        "DEBUG": "0",
    }
    environment.pop("REDIS_URL", None)  # the local-memory cache: no shared state between sides
    finished = subprocess.run(
        [sys.executable, "-c", DRIVER, str(export)],
        cwd=checkout,
        env=environment,
        capture_output=True,
        text=True,
        check=False,
    )
    if finished.returncode != 0:
        sys.exit(f"The import in {checkout} failed:\n{finished.stderr[-6000:]}")
    return json.loads(finished.stdout.strip().splitlines()[-1])


def report(side: str, posts: int, result: dict, engine: str) -> float:
    rate = posts / result["seconds"]
    lines = result["summary"].splitlines()
    print(f"\n{side}:")
    print("\n".join(line for line in lines if line and not line.startswith("- ")))
    print(f"({sum(line.startswith('- ') for line in lines)} notes to check, not shown)")
    # CPU time too: on a busy machine the wall clock says more about the neighbours.
    print(
        f"{side}: {posts} posts in {result['seconds']:.1f} s = {rate:.0f} posts/s "
        f"({result['cpu']:.1f} s of CPU) on {engine}, load average {os.getloadavg()[0]:.1f} "
        f"on {os.cpu_count()} CPUs.",
        flush=True,
    )
    return rate


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--posts", type=int, default=10_000)
    parser.add_argument("--sqlite", action="store_true", help="SQLite, even if PostgreSQL answers")
    parser.add_argument("--server", default=SERVER, help="a PostgreSQL server's maintenance URL")
    parser.add_argument(
        "--old", default=os.environ.get("OLD"), help="an earlier checkout to time beside this one"
    )
    options = parser.parse_args()
    postgres = not options.sqlite and postgres_answers(options.server)
    if not options.sqlite and not postgres:
        print(f"PostgreSQL does not answer at {options.server}: timing on SQLite.")
    engine = "PostgreSQL" if postgres else "SQLite"
    sides = [("old", Path(options.old).resolve())] if options.old else []
    sides.append(("new", HERE))
    with tempfile.TemporaryDirectory(prefix="import-bench-") as folder:
        folder = Path(folder)
        export = folder / "export.xml"
        write_export(export, options.posts)
        print(f"Export: {options.posts} posts, {export.stat().st_size / 1e6:.1f} MB", flush=True)
        rates = {}
        for side, checkout in sides:
            database = (
                Postgres(options.server, f"newsroom_import_bench_{os.getpid()}_{side}")
                if postgres
                else Sqlite(folder / f"{side}.sqlite3")
            )
            with database as url:
                result = time_import(checkout, export, url, folder / f"media-{side}")
            rates[side] = report(f"{side} ({checkout})", options.posts, result, engine)
    if "old" in rates:
        print(f"\nnew / old: {rates['new'] / rates['old']:.1f} times as many posts a second.")


if __name__ == "__main__":
    main()
