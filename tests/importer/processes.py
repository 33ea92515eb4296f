"""The import command run as an operator runs it: a process of its own, with its own SQLite
database and media folder, so that it can be stopped by a signal or measured."""

import io
import os
import shutil
import subprocess
import sys
from pathlib import Path

from PIL import Image

ROOT = Path(__file__).resolve().parents[2]


def manage(*args, database, media_root, measure=None, **popen) -> subprocess.Popen:
    """manage.py with these arguments; `measure`, Python code run first, is given the
    command line as its arguments."""
    environment = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "newsroom.settings",
        "DATABASE_URL": f"sqlite:///{database}",
        "MEDIA_ROOT": str(media_root),
        "SECRET_KEY": "tests-only-not-a-secret",
        "DEBUG": "0",  # no query log: what is measured is the importer's own memory
        "PYTHONUNBUFFERED": "1",
    }
    command = [sys.executable, str(ROOT / "manage.py"), *args]
    if measure is not None:
        command = [sys.executable, "-c", measure, *command]
    return subprocess.Popen(command, env=environment, cwd=ROOT, **popen)


def migrate(database) -> None:
    process = manage(
        "migrate",
        "--verbosity=0",
        database=database,
        media_root=database.parent / "media",
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    output, _none = process.communicate(timeout=600)
    assert process.returncode == 0, output.decode()


def copy_database(template, folder) -> Path:
    database = folder / "db.sqlite3"
    shutil.copy(template, database)
    return database


def files_under(folder) -> list[Path]:
    return sorted(p for p in Path(folder).rglob("*") if p.is_file()) if folder.exists() else []


def jpeg_bytes(size=(640, 360)) -> bytes:
    data = io.BytesIO()
    Image.new("RGB", size, "#e76f51").save(data, "JPEG")
    return data.getvalue()
