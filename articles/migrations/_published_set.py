"""Triggers that add one to PublishedSet (articles/models/read_also.py) whenever what Read
also shows may change: an article published or leaving the published ones, or a published
one's time, address, headline or section changed; any tagging written; a section renamed.
Not a migration (Django's loader skips names starting with "_").

Triggers, not signals: a queryset's update(), a bulk insert or a tag merge change the
articles without a signal. On SQLite, a migration that rebuilds one of these tables drops
its triggers with it: such a migration runs `create` again after
(tests/public/test_read_also.py checks they are all there).
"""

from articles.migrations._vendor_sql import run_for_vendor

WHAT = "published set triggers"
ARTICLE = "articles_article"
BUMP = "articles_published_set_changes"
# What Read also shows of an article, or decides by: a change of any of them to or from a
# published article (a scheduled one is published, its time not come) changes the set.
SHOWN = ("status", "published_at", "slug", "headline", "section_id")


def _row(alias: str) -> str:
    return "(" + ", ".join(f"{alias}.{column}" for column in SHOWN) + ")"


def _any_changed() -> str:
    return " OR ".join(f"OLD.{column} IS NOT NEW.{column}" for column in SHOWN)


# The first slot no other transaction holds (its own included); all held, the first.
_ADD_ONE = """
    UPDATE articles_publishedset SET changes = changes + 1
    WHERE id = (SELECT id FROM articles_publishedset ORDER BY id
                LIMIT 1 FOR UPDATE SKIP LOCKED);
    IF NOT FOUND THEN
        UPDATE articles_publishedset SET changes = changes + 1
        WHERE id = (SELECT min(id) FROM articles_publishedset);
    END IF;"""
# Once a statement (migration 0024): a statement's changes are seen together, so one more
# is enough. Once a row, an update of 100,000 published articles in one statement wrote
# 100,000 versions of a slot, which a vacuum empties but does not give back: 501 pages for
# 16 rows, which every article page then read (0.09 ms of PostgreSQL's 0.22 ms). The mark
# is the statement's start, kept until the transaction ends.
ADDED_BY = "newsroom.published_set_added_by"
_ONCE_A_STATEMENT = f"""
    IF current_setting('{ADDED_BY}', true) = statement_timestamp()::text THEN
        RETURN NULL;
    END IF;
    PERFORM set_config('{ADDED_BY}', statement_timestamp()::text, true);"""


def bump_function(once_a_statement: bool) -> str:
    guard = _ONCE_A_STATEMENT if once_a_statement else ""
    return f"""
CREATE OR REPLACE FUNCTION {BUMP}() RETURNS trigger AS $$
BEGIN{guard}{_ADD_ONE}
    RETURN NULL;
END $$ LANGUAGE plpgsql"""


POSTGRESQL = [
    bump_function(once_a_statement=False),  # as migration 0021 made it
    f"""
CREATE TRIGGER articles_article_changes_published_set
AFTER UPDATE ON {ARTICLE}
FOR EACH ROW
WHEN ((OLD.status = 'published' OR NEW.status = 'published')
      AND {_row("OLD")} IS DISTINCT FROM {_row("NEW")})
EXECUTE FUNCTION {BUMP}()""",
    # Once a statement: seeding or importing inserts thousands of articles in one.
    f"""
CREATE TRIGGER articles_article_adds_to_published_set
AFTER INSERT OR DELETE ON {ARTICLE}
FOR EACH STATEMENT EXECUTE FUNCTION {BUMP}()""",
    f"""
CREATE TRIGGER articles_tagging_changes_published_set
AFTER INSERT OR UPDATE OR DELETE ON articles_tagging
FOR EACH STATEMENT EXECUTE FUNCTION {BUMP}()""",
    f"""
CREATE TRIGGER articles_section_changes_published_set
AFTER UPDATE OF name ON articles_section
FOR EACH ROW WHEN (OLD.name IS DISTINCT FROM NEW.name)
EXECUTE FUNCTION {BUMP}()""",
]
POSTGRESQL_DROP = [
    "DROP TRIGGER articles_section_changes_published_set ON articles_section",
    "DROP TRIGGER articles_tagging_changes_published_set ON articles_tagging",
    f"DROP TRIGGER articles_article_adds_to_published_set ON {ARTICLE}",
    f"DROP TRIGGER articles_article_changes_published_set ON {ARTICLE}",
    f"DROP FUNCTION {BUMP}()",
]

# One writer at a time: the first slot serves.
_SQLITE_BUMP = """UPDATE articles_publishedset SET changes = changes + 1
WHERE id = (SELECT min(id) FROM articles_publishedset);"""
SQLITE_TRIGGERS = {
    "articles_article_changes_published_set": f"""
AFTER UPDATE ON {ARTICLE}
WHEN (OLD.status = 'published' OR NEW.status = 'published') AND ({_any_changed()})""",
    "articles_article_adds_to_published_set": f"""
AFTER INSERT ON {ARTICLE} WHEN NEW.status = 'published'""",
    "articles_article_leaves_published_set": f"""
AFTER DELETE ON {ARTICLE} WHEN OLD.status = 'published'""",
    "articles_tagging_added_to_published_set": "AFTER INSERT ON articles_tagging",
    "articles_tagging_changes_published_set": "AFTER UPDATE ON articles_tagging",
    "articles_tagging_leaves_published_set": "AFTER DELETE ON articles_tagging",
    "articles_section_changes_published_set": """
AFTER UPDATE OF name ON articles_section WHEN OLD.name IS NOT NEW.name""",
}
SQLITE = [
    f"CREATE TRIGGER {name} {event} BEGIN {_SQLITE_BUMP} END"
    for name, event in SQLITE_TRIGGERS.items()
]
SQLITE_DROP = [f"DROP TRIGGER IF EXISTS {name}" for name in SQLITE_TRIGGERS]
# What tests look for in the catalog, by database.
TRIGGERS = {
    "postgresql": [
        "articles_article_changes_published_set",
        "articles_article_adds_to_published_set",
        "articles_tagging_changes_published_set",
        "articles_section_changes_published_set",
    ],
    "sqlite": list(SQLITE_TRIGGERS),
}


# RunPython operations: (apps, schema_editor).
def create(apps, schema_editor):
    run_for_vendor({"postgresql": POSTGRESQL, "sqlite": SQLITE}, schema_editor, WHAT)


def drop(apps, schema_editor):
    run_for_vendor({"postgresql": POSTGRESQL_DROP, "sqlite": SQLITE_DROP}, schema_editor, WHAT)


# The slots' rows written again into a new file: what a table of 16 rows had grown to stays
# after a vacuum, and a VACUUM FULL cannot run in a migration's transaction.
_COMPACT = [
    "CREATE TEMPORARY TABLE published_set_slots ON COMMIT DROP AS"
    " SELECT id, changes FROM articles_publishedset",
    "TRUNCATE articles_publishedset",
    "INSERT INTO articles_publishedset (id, changes) SELECT id, changes FROM published_set_slots",
]


def add_once_a_statement(apps, schema_editor):
    statements = [bump_function(once_a_statement=True), *_COMPACT]
    run_for_vendor({"postgresql": statements, "sqlite": []}, schema_editor, WHAT)


def add_once_a_row(apps, schema_editor):
    statements = [bump_function(once_a_statement=False)]
    run_for_vendor({"postgresql": statements, "sqlite": []}, schema_editor, WHAT)
