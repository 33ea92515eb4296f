"""PostgreSQL's full-text search: French stemming without accents, and the GIN index that
matching reads. SQLite keeps the columns and the portable search (articles/search.py)."""

from django.db import migrations

SET_UP = [
    "CREATE EXTENSION IF NOT EXISTS unaccent",
    """DO $$ BEGIN
        IF NOT EXISTS (SELECT 1 FROM pg_ts_config WHERE cfgname = 'french_unaccent') THEN
            CREATE TEXT SEARCH CONFIGURATION french_unaccent (COPY = french);
            ALTER TEXT SEARCH CONFIGURATION french_unaccent
                ALTER MAPPING FOR hword, hword_part, word WITH unaccent, french_stem;
        END IF;
    END $$""",
    "CREATE INDEX article_search_gin ON articles_article USING gin (search_vector)",
]
TEAR_DOWN = [
    "DROP INDEX IF EXISTS article_search_gin",
    "DROP TEXT SEARCH CONFIGURATION IF EXISTS french_unaccent",
]


def run(statements):
    def apply(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            for statement in statements:
                schema_editor.execute(statement)

    return apply


class Migration(migrations.Migration):
    dependencies = [("articles", "0002_newsroom_groups")]

    operations = [migrations.RunPython(run(SET_UP), run(TEAR_DOWN))]
