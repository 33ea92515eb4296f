"""Passages keep their text (articles/models/passage.py), and a trigger deletes an article's
passages whenever its text changes, whatever writes it: a result's excerpt is then read from
its passage, not cut out of the article's whole text, and never shows old wording."""

from django.db import migrations, models

from articles import passages

TRIGGER = "articles_article_text_drops_passages"
CREATE = [
    f"""
CREATE FUNCTION {TRIGGER}() RETURNS trigger AS $$
BEGIN
    DELETE FROM articles_passage WHERE article_id = NEW.id;
    RETURN NULL;
END $$ LANGUAGE plpgsql""",
    f"""
CREATE TRIGGER {TRIGGER}
AFTER UPDATE OF standfirst, body_text ON articles_article
FOR EACH ROW WHEN (OLD.standfirst IS DISTINCT FROM NEW.standfirst
                   OR OLD.body_text IS DISTINCT FROM NEW.body_text)
EXECUTE FUNCTION {TRIGGER}()""",
]
DROP = [f"DROP TRIGGER {TRIGGER} ON articles_article", f"DROP FUNCTION {TRIGGER}()"]


def cut_passages(apps, schema_editor):
    """Every article's passages again, with their text, a thousand articles at a time
    (PostgreSQL only: elsewhere the search cuts its excerpts in Python)."""
    if schema_editor.connection.vendor != "postgresql":
        return
    with schema_editor.connection.cursor() as cursor:
        cursor.execute("DELETE FROM articles_passage")
        last = 0
        while True:
            cursor.execute(
                "SELECT id, standfirst, body_text FROM articles_article"
                " WHERE id > %s ORDER BY id LIMIT 1000",
                [last],
            )
            texts = cursor.fetchall()
            if not texts:
                break
            passages.write(cursor, texts)
            last = texts[-1][0]
        cursor.execute("ANALYZE articles_passage")


def _run(statements):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            for statement in statements:
                schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0019_merged_tag_addresses"),
    ]

    operations = [
        migrations.AddField(
            model_name="passage",
            name="text",
            field=models.TextField(default=""),
            preserve_default=False,
        ),
        migrations.RunPython(cut_passages, migrations.RunPython.noop),
        migrations.RunPython(_run(CREATE), _run(DROP)),
    ]
