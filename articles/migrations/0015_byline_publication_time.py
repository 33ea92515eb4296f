"""Each byline carries its article's publication time, so that an author's page reads their
newest articles from one index (articles/models/archive.py).

The copy is kept by triggers, not by the models: every write of either table goes through
them (the workflow, the admin, the importer's and the benchmark's bulk inserts, a back-dated
publication written with QuerySet.update, a restore that writes bylines before their
articles), and a byline's copy cannot be set to anything but its article's time. Written
once for each database, in _publication_copies.py, which says what a later migration of
either table must do on SQLite.
"""

from django.db import migrations, models

from articles.migrations._publication_copies import BYLINES

BACKFILL = """
UPDATE articles_byline
SET published_at = (
    SELECT published_at FROM articles_article WHERE articles_article.id = articles_byline.article_id
)
"""


def hold_both_tables(apps, schema_editor):
    # No write to either table between the copy and the triggers that keep it (SQLite
    # already lets one writer at a time).
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            "LOCK TABLE articles_article, articles_byline IN SHARE ROW EXCLUSIVE MODE"
        )


def analyze(apps, schema_editor):
    # The author page's statement is planned once per connection (newsroom/sql.py): with the
    # new column's statistics, not without.
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("ANALYZE articles_byline")


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0014_byline_author_index"),
        ("authors", "0002_photo_renditions"),
    ]

    operations = [
        migrations.AddField(
            model_name="byline",
            name="published_at",
            field=models.DateTimeField(editable=False, null=True),
        ),
        migrations.RunPython(hold_both_tables, migrations.RunPython.noop),
        migrations.RunSQL(BACKFILL, migrations.RunSQL.noop),
        migrations.RunPython(BYLINES.create, BYLINES.drop),
        migrations.AddIndex(
            model_name="byline",
            index=models.Index(
                condition=models.Q(("published_at__isnull", False)),
                fields=["author", "-published_at", "article"],
                name="byline_author_newest_idx",
            ),
        ),
        migrations.RunPython(analyze, migrations.RunPython.noop),
    ]
