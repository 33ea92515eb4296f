"""The triggers that keep each byline's copy of its article's publication time (migration
0015), for each database. Not a migration (Django's loader skips names starting with "_").

On SQLite, a migration that rebuilds either table (most changes to a column do: Django
copies the table, drops the old one and renames the copy) fails on these triggers, which
name the other table. Such a migration runs `drop` first and `create` after, as RunPython
operations.
"""

POSTGRESQL = [
    # FOR SHARE: an article being published meanwhile waits for this byline's transaction,
    # then updates it; without the lock, each would miss the other's uncommitted write.
    """
CREATE FUNCTION articles_byline_copies_publication() RETURNS trigger AS $$
BEGIN
    NEW.published_at := (
        SELECT published_at FROM articles_article WHERE id = NEW.article_id FOR SHARE
    );
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
    # Bylines written before their article, in one transaction (loaddata writes them first:
    # their model comes first in the app).
    """
CREATE TRIGGER articles_article_tells_earlier_bylines
AFTER INSERT ON articles_article
FOR EACH ROW EXECUTE FUNCTION articles_article_tells_bylines()""",
]
POSTGRESQL_DROP = [
    "DROP TRIGGER articles_article_tells_earlier_bylines ON articles_article",
    "DROP TRIGGER articles_article_tells_bylines ON articles_article",
    "DROP FUNCTION articles_article_tells_bylines()",
    "DROP TRIGGER articles_byline_copies_publication ON articles_byline",
    "DROP FUNCTION articles_byline_copies_publication()",
]

# Connections plan with plan_cache_mode=force_generic_plan (newsroom/settings.py), and a
# function's statements obey it too: planned once a connection, on the nearly empty table of
# a new site or an import's start, an article's insert then read every byline (seeding
# 100,000 articles slowed to 60 a second). These are planned for their values each time.
POSTGRESQL_PLANNING = [
    f"ALTER FUNCTION {name}() SET plan_cache_mode = force_custom_plan"
    for name in ("articles_byline_copies_publication", "articles_article_tells_bylines")
]
POSTGRESQL_PLANNING_UNDONE = [
    statement.replace("SET plan_cache_mode = force_custom_plan", "RESET plan_cache_mode")
    for statement in POSTGRESQL_PLANNING
]

# SQLite's triggers cannot change the row being written: they write it again just after.
# One writer at a time: no race to guard against.
COPY = """
    UPDATE articles_byline
    SET published_at = (SELECT published_at FROM articles_article WHERE id = NEW.article_id)
    WHERE id = NEW.id;
"""
TELL = """
    UPDATE articles_byline SET published_at = NEW.published_at WHERE article_id = NEW.id;
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
    f"""
CREATE TRIGGER articles_article_tells_bylines
AFTER UPDATE OF published_at ON articles_article
WHEN OLD.published_at IS NOT NEW.published_at
BEGIN {TELL} END""",
    f"""
CREATE TRIGGER articles_article_tells_earlier_bylines
AFTER INSERT ON articles_article
BEGIN {TELL} END""",
]
SQLITE_DROP = [
    "DROP TRIGGER articles_article_tells_earlier_bylines",
    "DROP TRIGGER articles_article_tells_bylines",
    "DROP TRIGGER articles_byline_keeps_publication",
    "DROP TRIGGER articles_byline_copies_publication",
]


def _run(statements_by_vendor, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor not in statements_by_vendor:
        raise NotImplementedError(f"no byline triggers written for {vendor}")
    for statement in statements_by_vendor[vendor]:
        schema_editor.execute(statement)


def create(apps, schema_editor):
    _run({"postgresql": POSTGRESQL, "sqlite": SQLITE}, schema_editor)


def drop(apps, schema_editor):
    _run({"postgresql": POSTGRESQL_DROP, "sqlite": SQLITE_DROP}, schema_editor)


def plan_each_time(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for statement in POSTGRESQL_PLANNING:
            schema_editor.execute(statement)


def plan_once(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for statement in POSTGRESQL_PLANNING_UNDONE:
            schema_editor.execute(statement)
