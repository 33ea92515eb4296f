"""A run stopped halfway — SIGTERM, SIGINT (Ctrl-C), the database failing — leaves neither
rows nor picture files of the chunk in progress; the chunks committed before it stay, and
its record says how it ended and how to resume."""

import os
import signal
import sqlite3
import subprocess
import time

import pytest
from django.db import DatabaseError, connection

from articles.models import Article, Picture
from importer import interrupt
from importer.models import ImportedAttachment, ImportRun
from tests.importer.conftest import picture, stored_files
from tests.importer.exports import attachment, export, post
from tests.importer.processes import files_under, jpeg_bytes, manage

POSTS = 200


def export_with_pictures(folder):
    """POSTS posts, each with a featured picture of its own in the uploads folder."""
    uploads, data, items = folder / "uploads", jpeg_bytes(), []
    for number in range(1, POSTS + 1):
        file = f"2024/03/photo-{number}.jpg"
        (uploads / file).parent.mkdir(parents=True, exist_ok=True)
        (uploads / file).write_bytes(data)
        items.append(attachment(10_000 + number, file, alt="Photo", parent=number))
        items.append(post(number, f"Article {number}", meta={"_thumbnail_id": 10_000 + number}))
    path = folder / "export.xml"
    path.write_text(export(*items), encoding="utf-8")
    return path, uploads


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT])
def test_a_signal_mid_run_leaves_neither_rows_nor_files(tmp_path, own_database, signum):
    path, uploads = export_with_pictures(tmp_path)
    media = tmp_path / "media"
    process = manage(
        "import_wordpress",
        str(path),
        "--media-dir",
        str(uploads),
        database=own_database,
        media_root=media,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        for line in process.stderr:  # one progress line each tenth of the way
            if "(10%)" in line:
                break
        written_before = files_under(media)
        process.send_signal(signum)
        _out, err = process.communicate(timeout=120)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
    assert written_before, "stopped before any picture was stored: nothing was tested"
    assert process.returncode == 128 + signum
    assert signal.Signals(signum).name in err and "Traceback" not in err
    assert files_under(media) == []
    with sqlite3.connect(own_database) as database:
        for table in ("articles_article", "articles_picture", "importer_importedpost"):
            assert database.execute(f"SELECT count(*) FROM {table}").fetchone() == (0,), table
        assert database.execute("SELECT outcome FROM importer_importrun").fetchall() == [
            ("interrupted",)
        ]


def imported_posts(database) -> int:
    try:
        with sqlite3.connect(database, timeout=0.05) as connection:
            return connection.execute("SELECT count(*) FROM importer_importedpost").fetchone()[0]
    except sqlite3.OperationalError:  # the importer holds the write lock: asked again
        return -1


def belongs_to(path, originals) -> bool:
    """A picture kept, or one of its renditions (renditions/<its name>/…)."""
    relative = path.as_posix()
    return relative in originals or any(
        relative.startswith(f"renditions/{name.rsplit('.', 1)[0].replace('/', '-')}/")
        for name in originals
    )


def test_a_signal_in_the_second_chunk_keeps_the_first(tmp_path, own_database):
    path, uploads = export_with_pictures(tmp_path)
    media = tmp_path / "media"
    command = ["import_wordpress", str(path), "--media-dir", str(uploads), "--chunk-size", "50"]
    process = manage(
        *command,
        database=own_database,
        media_root=media,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        seen, originals_written, deadline = 0, 0, time.monotonic() + 120
        # Chunk 1 committed, and chunk 2 storing its pictures.
        while (seen < 50 or originals_written <= 50) and time.monotonic() < deadline:
            if process.poll() is not None:
                break
            seen = imported_posts(own_database)
            originals_written = len(files_under(media / "pictures"))
            time.sleep(0.01)
        process.send_signal(signal.SIGTERM)
        _out, err = process.communicate(timeout=120)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
    assert seen == 50 and originals_written > 50, "not stopped in chunk 2: nothing was tested"
    assert process.returncode == 128 + signal.SIGTERM and "Traceback" not in err
    assert "SIGTERM" in err
    with sqlite3.connect(own_database) as database:
        for table in ("articles_article", "articles_picture", "importer_importedpost"):
            assert database.execute(f"SELECT count(*) FROM {table}").fetchone() == (50,), table
        originals = {name for (name,) in database.execute("SELECT file FROM articles_picture")}
        run = database.execute("SELECT outcome, imported, report FROM importer_importrun")
        outcome, imported, report = run.fetchone()
    assert (outcome, imported) == ("interrupted", 50)
    # In the site's language: the error, the chunk stopped (from item 10051), what was kept
    # (up to post 50), how to resume; the command says the same.
    error, stopped, kept, resume = report.splitlines()
    assert error == "Interrupted: SIGTERM" and "10051" in stopped and "50" in kept
    assert stopped in err and kept in err and resume in err
    files = [p.relative_to(media) for p in files_under(media)]
    assert {f.as_posix() for f in files} >= originals  # chunk 1's pictures stay
    assert all(belongs_to(f, originals) for f in files)  # chunk 2's are gone

    again = manage(
        *command,
        database=own_database,
        media_root=media,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    _out, err = again.communicate(timeout=300)
    assert again.returncode == 0, err
    with sqlite3.connect(own_database) as database:
        for table in ("articles_article", "articles_picture", "importer_importedpost"):
            assert database.execute(f"SELECT count(*) FROM {table}").fetchone() == (POSTS,), table


CUT = {
    "sqlite": [
        "CREATE TRIGGER cut BEFORE INSERT ON {table} WHEN NEW.{column} = 'Coupure' "
        "BEGIN SELECT RAISE(ABORT, 'connection cut'); END"
    ],
    "postgresql": [
        "CREATE FUNCTION cut() RETURNS trigger AS $$ BEGIN IF NEW.{column} = 'Coupure' THEN "
        "RAISE EXCEPTION 'connection cut'; END IF; RETURN NEW; END $$ LANGUAGE plpgsql",
        "CREATE TRIGGER cut BEFORE INSERT ON {table} FOR EACH ROW EXECUTE FUNCTION cut()",
    ],
}


@pytest.mark.parametrize(
    "model, column",
    [
        (Article, "headline"),  # after the post's picture file was stored
        (Picture, "title"),  # between a picture's file and its row
    ],
)
def test_a_database_failure_mid_run_leaves_neither_rows_nor_files(
    run_import, uploads, settings, model, column
):
    with connection.cursor() as cursor:  # the database itself refuses the second post
        for statement in CUT[connection.vendor]:
            cursor.execute(statement.format(table=model._meta.db_table, column=column))
    picture(uploads / "2024/03/deux.jpg")
    xml = export(
        attachment(11, "2024/03/une.jpg", alt="Une"),
        attachment(12, "2024/03/deux.jpg", title="Coupure", alt="Deux"),
        post(1, "Premier", meta={"_thumbnail_id": "11"}),
        post(2, "Coupure", meta={"_thumbnail_id": "12"}),
        post(3, "Troisième"),
    )
    with pytest.raises(DatabaseError, match="connection cut"):
        run_import(xml, media_dir=uploads)
    assert not Article.objects.exists() and not Picture.objects.exists()
    assert not ImportedAttachment.objects.exists()
    assert stored_files(settings) == []
    run = ImportRun.objects.get()
    assert run.outcome == ImportRun.Outcome.FAILED and "connection cut" in run.report


def test_a_signal_during_a_held_step_is_raised_at_its_end():
    steps = []
    with pytest.raises(interrupt.Interrupted) as raised, interrupt.raising_on_signals():
        with interrupt.held():
            os.kill(os.getpid(), signal.SIGTERM)
            steps.append("the step went on")
        steps.append("never reached")
    assert steps == ["the step went on"] and raised.value.signum == signal.SIGTERM


def test_the_previous_handlers_are_put_back():
    before = signal.getsignal(signal.SIGTERM), signal.getsignal(signal.SIGINT)
    with interrupt.raising_on_signals():
        assert signal.getsignal(signal.SIGTERM) not in before
    assert (signal.getsignal(signal.SIGTERM), signal.getsignal(signal.SIGINT)) == before
