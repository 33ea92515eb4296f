"""Fixed SQL statements for the reader's busiest pages.

Through the ORM, composing and compiling a query cost several times what running it did
(0.4 ms against 0.1 ms for an article with its section; bench/profile_page.py), and the
public pages run the same few statements on every request.
"""

from datetime import UTC, datetime

import psycopg
from django.conf import settings
from django.db import DEFAULT_DB_ALIAS, connection, connections
from django.http import Http404


def rows(sql: str, params=(), prepared: bool = False) -> list[tuple]:
    """The statement's rows. `prepared`: on PostgreSQL, planned once per connection, then run.

    Planning cost PostgreSQL more than running: 0.75 ms against 0.19 ms for an article's Read
    also, and half of its CPU for an article page under load (bench/cpu_split.py). Only for
    statements whose best plan does not depend on their values: a prepared statement keeps
    one plan for all of them (`plan_cache_mode`, newsroom/settings.py), where a search's
    words, or a tag carried by one article in a thousand or one in ten, need different
    plans.
    """
    if prepared and settings.DATABASE_PREPARED_STATEMENTS and connection.vendor == "postgresql":
        return _prepared_rows(sql, params)
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


def _prepared_rows(sql: str, params) -> list[tuple]:
    """Through a cursor that binds on the server, which can prepare; Django's own bind in the
    client, so every other statement is planned for its values (a search's words, a rare
    tag).

    While Django logs statements (DEBUG, tests counting them) or wraps them, through its
    cursor as any other. Otherwise, as the site runs, on the connection's own binding cursor
    with the checks Django's cursor makes: Django's cursor, its wrapper and a new cursor cost
    40 µs a statement, as much as a round trip to the database (`SELECT 1`: 0.105 ms against
    0.065)."""
    db = connections[DEFAULT_DB_ALIAS]
    if db.queries_logged or db.execute_wrappers:
        return _logged_prepared_rows(sql, params)
    db.close_if_health_check_failed()
    db.ensure_connection()
    db.validate_thread_sharing()
    db.validate_no_broken_transaction()
    with db.wrap_database_errors:
        bound = db.binding_cursor()
        bound.execute(sql, params, prepare=True)
        return bound.fetchall()


def _logged_prepared_rows(sql: str, params) -> list[tuple]:
    found = []

    def prepare(execute, sql, params, many, context):
        # Django's wrapper has no way to ask: psycopg is asked directly, with its errors
        # turned into Django's as the wrapper does (a lost connection is then a 503, and
        # closed at the end of the request).
        with context["connection"].wrap_database_errors:
            with psycopg.Cursor(context["connection"].connection) as bound:
                bound.execute(sql, params, prepare=True)
                found.extend(bound.fetchall())

    with connection.cursor() as cursor, connection.execute_wrapper(prepare):
        cursor.execute(sql, params)
    return found


def aware(value: datetime) -> datetime:
    """A time column read by `rows`: SQLite hands back UTC without its zone; PostgreSQL with it."""
    return value if value.tzinfo else value.replace(tzinfo=UTC)


def placeholders(values) -> str:
    """`%s, %s, …` for an IN list; never empty, as `IN ()` is not valid SQL."""
    return ", ".join(["%s"] * len(values)) or "NULL"


def found_or_404(found):
    """What a lookup by fixed statement found (None when nothing): get_object_or_404's twin."""
    if found is None:
        raise Http404
    return found
