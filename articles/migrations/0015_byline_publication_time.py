"""Each byline carries its article's publication time, so that an author's page reads their
newest articles from one index (articles/models/archive.py).

The copy is kept by triggers, not by the models: every write of either table goes through
them (the workflow, the admin, the importer's and the benchmark's bulk inserts, a back-dated
publication written with QuerySet.update), and a byline's copy cannot be set to anything
but its article's time. Written once for each database.
"""

from django.db import migrations, models

POSTGRESQL = [
    """
CREATE FUNCTION articles_byline_copies_publication() RETURNS trigger AS $$
BEGIN
    NEW.published_at := (SELECT published_at FROM articles_article WHERE id = NEW.article_id);
    RETURN NEW;
END $$ LANGUAGE plpgsql""",
    """
CREATE TRIGGER articles_byline_copies_publication
BEFORE INSERT OR UPDATE ON articles_byline
FOR EACH ROW EXECUTE FUNCTION articles_byline_copies_publication()""",
    """
CREATE FUNCTION articles_article_tells_bylines() RETURNS trigger AS $$
BEGIN
    UPDATE articles_byline SET published_at = NEW.published_at WHERE article_id = NEW.id;
    RETURN NULL;
END $$ LANGUAGE plpgsql""",
    """
CREATE TRIGGER articles_article_tells_bylines
AFTER UPDATE OF published_at ON articles_article
FOR EACH ROW WHEN (OLD.published_at IS DISTINCT FROM NEW.published_at)
EXECUTE FUNCTION articles_article_tells_bylines()""",
]
POSTGRESQL_REVERSE = [
    "DROP TRIGGER articles_article_tells_bylines ON articles_article",
    "DROP FUNCTION articles_article_tells_bylines()",
    "DROP TRIGGER articles_byline_copies_publication ON articles_byline",
    "DROP FUNCTION articles_byline_copies_publication()",
]

# SQLite's triggers cannot change the row being written: they write it again just after.
COPY = """
    UPDATE articles_byline
    SET published_at = (SELECT published_at FROM articles_article WHERE id = NEW.article_id)
    WHERE id = NEW.id;
"""
SQLITE = [
    f"""
CREATE TRIGGER articles_byline_copies_publication
AFTER INSERT ON articles_byline
BEGIN {COPY} END""",
    # Any other value written to the copy is written over (SQLite does not fire a trigger
    # from its own statement, so this one does not loop).
    f"""
CREATE TRIGGER articles_byline_keeps_publication
AFTER UPDATE ON articles_byline
BEGIN {COPY} END""",
    """
CREATE TRIGGER articles_article_tells_bylines
AFTER UPDATE OF published_at ON articles_article
WHEN OLD.published_at IS NOT NEW.published_at
BEGIN
    UPDATE articles_byline SET published_at = NEW.published_at WHERE article_id = NEW.id;
END""",
]
SQLITE_REVERSE = [
    "DROP TRIGGER articles_article_tells_bylines",
    "DROP TRIGGER articles_byline_keeps_publication",
    "DROP TRIGGER articles_byline_copies_publication",
]

BACKFILL = """
UPDATE articles_byline
SET published_at = (
    SELECT published_at FROM articles_article WHERE articles_article.id = articles_byline.article_id
)
"""


def run(statements_by_vendor):
    def apply(apps, schema_editor):
        statements = statements_by_vendor.get(schema_editor.connection.vendor)
        if statements is None:
            raise NotImplementedError(f"no triggers written for {schema_editor.connection.vendor}")
        for statement in statements:
            schema_editor.execute(statement)

    return apply


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
        migrations.RunSQL(BACKFILL, migrations.RunSQL.noop),
        migrations.RunPython(
            run({"postgresql": POSTGRESQL, "sqlite": SQLITE}),
            run({"postgresql": POSTGRESQL_REVERSE, "sqlite": SQLITE_REVERSE}),
        ),
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
