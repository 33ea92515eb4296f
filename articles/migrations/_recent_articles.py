"""Triggers that keep RecentArticle (articles/models/recent.py) on PostgreSQL: a row for each
published article of the last KEPT_DAYS, with its time and search vector, and none for any
other. Not a migration (Django's loader skips names starting with "_").

Triggers, not signals: a queryset's update() (search.reindex, a tag merge) and bulk inserts
change the articles without a signal. SQLite's search does not read the table.
"""

from articles.migrations._vendor_sql import run_for_vendor

WHAT = "recent articles triggers"
KEPT_DAYS = 91  # RecentArticle's window and a day: models/recent.py
TABLE = "articles_recentarticle"
KEPT = f"now() - interval '{KEPT_DAYS} days'"
COPY = "articles_article_tells_recent"
PRUNE = "articles_recent_prune"

POSTGRESQL = [
    f"""
CREATE FUNCTION {COPY}() RETURNS trigger AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        DELETE FROM {TABLE} WHERE article_id = OLD.id;
    ELSIF NEW.status = 'published' AND NEW.published_at > {KEPT}
       AND NEW.search_vector IS NOT NULL THEN
        INSERT INTO {TABLE} (article_id, published_at, search_vector)
        VALUES (NEW.id, NEW.published_at, NEW.search_vector)
        ON CONFLICT (article_id) DO UPDATE
        SET published_at = EXCLUDED.published_at, search_vector = EXCLUDED.search_vector;
    ELSE
        DELETE FROM {TABLE} WHERE article_id = NEW.id;
    END IF;
    RETURN NULL;
END $$ LANGUAGE plpgsql""",
    # On deletion too: the article's own deletion may reindex it first (its bylines' signals),
    # which writes its row again after Django's cascade deleted it.
    f"""
CREATE TRIGGER {COPY}
AFTER INSERT OR UPDATE OF status, published_at, search_vector OR DELETE ON articles_article
FOR EACH ROW EXECUTE FUNCTION {COPY}()""",
    # Once a statement, the articles that left the window since: one probe of the time's
    # index when none did.
    f"""
CREATE FUNCTION {PRUNE}() RETURNS trigger AS $$
BEGIN
    DELETE FROM {TABLE} WHERE published_at <= {KEPT};
    RETURN NULL;
END $$ LANGUAGE plpgsql""",
    f"""
CREATE TRIGGER {PRUNE}
AFTER INSERT OR UPDATE ON articles_article
FOR EACH STATEMENT EXECUTE FUNCTION {PRUNE}()""",
    f"""
INSERT INTO {TABLE} (article_id, published_at, search_vector)
SELECT id, published_at, search_vector FROM articles_article
WHERE status = 'published' AND published_at > {KEPT} AND search_vector IS NOT NULL""",
    # Built after the rows, and written through on every insert: with GIN's pending list
    # (fastupdate), every search would also read the articles saved since the last vacuum,
    # one by one (188 of 268 blocks read after the table's first fill).
    f"""
CREATE INDEX recent_article_search_gin ON {TABLE} USING gin (search_vector)
WITH (fastupdate = off)""",
    f"ANALYZE {TABLE}",
]
POSTGRESQL_DROP = [
    f"DROP TRIGGER {PRUNE} ON articles_article",
    f"DROP FUNCTION {PRUNE}()",
    f"DROP TRIGGER {COPY} ON articles_article",
    f"DROP FUNCTION {COPY}()",
    "DROP INDEX recent_article_search_gin",
]
TRIGGERS = [COPY, PRUNE]


def create(apps, schema_editor):
    run_for_vendor({"postgresql": POSTGRESQL, "sqlite": []}, schema_editor, WHAT)


def drop(apps, schema_editor):
    run_for_vendor({"postgresql": POSTGRESQL_DROP, "sqlite": []}, schema_editor, WHAT)
