"""A chunk that fails rolls back alone, with its picture files; the chunks before it stay,
the run says where it stopped, and running it again imports the rest, nothing twice."""

from pathlib import Path

import pytest
from django.db import DatabaseError, connection
from django.utils import translation

from articles.models import Article, Picture
from importer import term_addresses
from importer.chunks import Kept
from importer.models import ImportedPost, ImportRun
from tests.importer.conftest import picture, stored_files
from tests.importer.exports import attachment, export, post
from tests.importer.test_interruptions import CUT


def pictured_export(uploads, count=6):
    """`count` posts, each with a featured picture of its own; post 3 is "Coupure"."""
    items = []
    for number in range(1, count + 1):
        file = f"2024/04/photo-{number}.jpg"
        picture(uploads / file)
        items.append(attachment(100 + number, file, alt=f"Photo {number}"))
        title = "Coupure" if number == 3 else f"Article {number}"
        items.append(post(number, title, meta={"_thumbnail_id": str(100 + number)}))
    return export(*items)


def cut_headline():
    with connection.cursor() as cursor:
        for statement in CUT[connection.vendor]:
            cursor.execute(statement.format(table=Article._meta.db_table, column="headline"))


def mend():
    with connection.cursor() as cursor:
        cursor.execute(
            "DROP TRIGGER cut"
            + (" ON articles_article" if connection.vendor == "postgresql" else "")
        )


def test_a_failed_chunk_rolls_back_alone_and_a_second_run_resumes(run_import, uploads, settings):
    cut_headline()
    xml = pictured_export(uploads)
    with pytest.raises(DatabaseError, match="connection cut") as raised:
        run_import(xml, media_dir=uploads, chunk_size=2)
    kept = Article.objects.order_by("pk")
    assert [article.slug for article in kept] == ["article-1", "article-2"]
    assert sorted(ImportedPost.objects.values_list("wordpress_id", flat=True)) == [1, 2]
    # Chunk 2 (posts 3 and 4) stored its pictures before it failed: they are gone.
    assert Picture.objects.count() == 2
    assert stored_files(settings) == sorted(Path(p.file.name) for p in Picture.objects.all())
    run = ImportRun.objects.get()
    assert run.outcome == ImportRun.Outcome.FAILED and run.imported == 2
    assert "connection cut" in run.report
    assert "Stopped in the chunk of WordPress posts 103 to 4" in run.report
    assert "Kept from the chunks before: 2 articles, up to WordPress post 2." in run.report
    assert "Run the same command again to resume" in run.report
    assert "Run the same command again to resume" in "\n".join(raised.value.__notes__)

    mend()
    summary = run_import(xml, media_dir=uploads, chunk_size=2)
    assert (summary.posts_imported, summary.already_imported) == (4, 2)
    assert Article.objects.count() == ImportedPost.objects.count() == 6
    assert Picture.objects.count() == 6 and len(stored_files(settings)) == 6
    assert Article.objects.filter(picture__isnull=True).count() == 0
    assert ImportRun.objects.order_by("pk").last().outcome == ImportRun.Outcome.FINISHED


def test_a_failure_after_the_last_chunk_keeps_every_article(run_import, monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("disque plein")

    monkeypatch.setattr(term_addresses, "keep", broken)
    with pytest.raises(RuntimeError):
        run_import(export(post(1), post(2), post(3)), chunk_size=2)
    assert Article.objects.count() == 3
    run = ImportRun.objects.get()
    assert run.outcome == ImportRun.Outcome.FAILED and run.imported == 3
    assert "Stopped in the chunk" not in run.report
    assert "Kept from the chunks before: 3 articles, up to WordPress post 3." in run.report


def test_a_dry_run_that_fails_keeps_nothing(run_import, uploads, settings):
    cut_headline()
    with pytest.raises(DatabaseError):
        run_import(pictured_export(uploads), media_dir=uploads, chunk_size=2, dry_run=True)
    assert not Article.objects.exists() and not Picture.objects.exists()
    assert stored_files(settings) == []
    assert ImportRun.objects.get().imported == 0


def test_the_report_of_a_run_that_kept_nothing_says_so():
    kept = Kept()
    kept.read(7)
    kept.read(9)
    with translation.override("en"):
        lines = kept.report()
    assert lines[:2] == [
        "Stopped in the chunk of WordPress posts 7 to 9: it was rolled back and its pictures "
        "removed.",
        "No article was kept.",
    ]


def test_a_stopped_run_keeps_the_notes_of_what_it_kept(run_import):
    """The posts it kept are skipped when it is run again: their notes are reported now."""
    cut_headline()
    xml = export(
        post(1, "Sans date", date="0000-00-00 00:00:00", date_gmt="0000-00-00 00:00:00"),
        post(2, "Privé", status="private"),
        post(3, "Coupure"),
        post(4, "Aussi privé", status="private"),
    )
    with pytest.raises(DatabaseError) as raised:
        run_import(xml, chunk_size=2)
    run = ImportRun.objects.get()
    kept_notes = [line for line in run.report.splitlines() if line.startswith("- ")]
    assert run.reported == len(kept_notes) == 2
    assert "Post 1 “Sans date”: no valid date" in kept_notes[0]
    assert "Post 2 “Privé”" in kept_notes[1]
    assert "Aussi privé" not in run.report  # rolled back: noted again when imported
    assert "2 notes to check on what was kept" in "\n".join(raised.value.__notes__)
