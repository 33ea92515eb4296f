"""Triggers that keep a table's copy of its article's publication time, for each database:
bylines' (migration 0015) and taggings' (migration 0018). Each copy lets a list (an author's,
a tag's) read its newest articles from one index of its own. Not a migration (Django's
loader skips names starting with "_").

On SQLite, a migration that rebuilds the article table or a copying table (most changes to
a column do: Django copies the table, drops the old one and renames the copy) fails on these
triggers, which name the other table. Such a migration runs `drop` first and `create` after,
as RunPython operations, for every copy that names the table.
"""

from articles.migrations._vendor_sql import run_for_vendor


class PublicationCopy:
    """The triggers of `articles_{name}`, whose column `key` names its article."""

    def __init__(self, name: str, key: str):
        table, article = f"articles_{name}", "articles_article"
        copies, tells = f"{table}_copies_publication", f"articles_article_tells_{name}s"
        earlier = f"articles_article_tells_earlier_{name}s"
        self.postgresql = [
            # FOR SHARE: an article being published meanwhile waits for this row's
            # transaction, then updates it; without the lock, each would miss the other's
            # uncommitted write.
            f"""
CREATE FUNCTION {copies}() RETURNS trigger AS $$
BEGIN
    NEW.published_at := (
        SELECT published_at FROM {article} WHERE id = NEW.{key} FOR SHARE
    );
    RETURN NEW;
END $$ LANGUAGE plpgsql""",
            f"""
CREATE TRIGGER {copies}
BEFORE INSERT OR UPDATE ON {table}
FOR EACH ROW EXECUTE FUNCTION {copies}()""",
            f"""
CREATE FUNCTION {tells}() RETURNS trigger AS $$
BEGIN
    UPDATE {table} SET published_at = NEW.published_at WHERE {key} = NEW.id;
    RETURN NULL;
END $$ LANGUAGE plpgsql""",
            f"""
CREATE TRIGGER {tells}
AFTER UPDATE OF published_at ON {article}
FOR EACH ROW WHEN (OLD.published_at IS DISTINCT FROM NEW.published_at)
EXECUTE FUNCTION {tells}()""",
            # Rows written before their article, in one transaction (loaddata writes a
            # model that comes before Article in the app first).
            f"""
CREATE TRIGGER {earlier}
AFTER INSERT ON {article}
FOR EACH ROW EXECUTE FUNCTION {tells}()""",
        ]
        self.postgresql_drop = [
            f"DROP TRIGGER {earlier} ON {article}",
            f"DROP TRIGGER {tells} ON {article}",
            f"DROP FUNCTION {tells}()",
            f"DROP TRIGGER {copies} ON {table}",
            f"DROP FUNCTION {copies}()",
        ]
        # Connections plan with plan_cache_mode=force_generic_plan (newsroom/settings.py),
        # and a function's statements obey it too: planned once a connection, on the nearly
        # empty table of a new site or an import's start, an article's insert then read
        # every row of the copying table (seeding 100,000 articles slowed to 60 a second).
        # These are planned for their values each time.
        self.postgresql_planning = [
            f"ALTER FUNCTION {function}() SET plan_cache_mode = force_custom_plan"
            for function in (copies, tells)
        ]
        self.postgresql_planning_undone = [
            statement.replace("SET plan_cache_mode = force_custom_plan", "RESET plan_cache_mode")
            for statement in self.postgresql_planning
        ]

        # SQLite's triggers cannot change the row being written: they write it again just
        # after. One writer at a time: no race to guard against.
        copy = f"""
    UPDATE {table}
    SET published_at = (SELECT published_at FROM {article} WHERE id = NEW.{key})
    WHERE id = NEW.id;
"""
        tell = f"""
    UPDATE {table} SET published_at = NEW.published_at WHERE {key} = NEW.id;
"""
        self.sqlite = [
            f"""
CREATE TRIGGER {copies}
AFTER INSERT ON {table}
BEGIN {copy} END""",
            # Any other value written to the copy is written over (SQLite does not fire a
            # trigger from its own statement, so this one does not loop).
            f"""
CREATE TRIGGER {table}_keeps_publication
AFTER UPDATE ON {table}
BEGIN {copy} END""",
            f"""
CREATE TRIGGER {tells}
AFTER UPDATE OF published_at ON {article}
WHEN OLD.published_at IS NOT NEW.published_at
BEGIN {tell} END""",
            f"""
CREATE TRIGGER {earlier}
AFTER INSERT ON {article}
BEGIN {tell} END""",
        ]
        self.sqlite_drop = [
            f"DROP TRIGGER {earlier}",
            f"DROP TRIGGER {tells}",
            f"DROP TRIGGER {table}_keeps_publication",
            f"DROP TRIGGER {copies}",
        ]

    @staticmethod
    def _run(statements_by_vendor, schema_editor):
        run_for_vendor(statements_by_vendor, schema_editor, "publication copy triggers")

    # RunPython operations: (apps, schema_editor).
    def create(self, apps, schema_editor):
        self._run({"postgresql": self.postgresql, "sqlite": self.sqlite}, schema_editor)

    def drop(self, apps, schema_editor):
        self._run({"postgresql": self.postgresql_drop, "sqlite": self.sqlite_drop}, schema_editor)

    def plan_each_time(self, apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            for statement in self.postgresql_planning:
                schema_editor.execute(statement)

    def plan_once(self, apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            for statement in self.postgresql_planning_undone:
                schema_editor.execute(statement)


BYLINES = PublicationCopy("byline", "article_id")
TAGGINGS = PublicationCopy("tagging", "content_object_id")
