"""Fixed SQL statements for the reader's busiest pages.

Through the ORM, composing and compiling a query cost several times what running it did
(0.4 ms against 0.1 ms for an article with its section; bench/profile_page.py), and the
public pages run the same few statements on every request.
"""

from datetime import UTC, datetime

from django.db import connection
from django.http import Http404


def rows(sql: str, params=()) -> list[tuple]:
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


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
