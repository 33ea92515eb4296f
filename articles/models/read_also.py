"""An article's Read also (models/related.py) as the published articles last left it.

Finding it cost PostgreSQL 0.2 ms of an article page's 0.35 ms, for every reader
(bench/cpu_split.py: 1,258–1,287 req/s before, 1,535–1,636 kept), where what it shows
changes only when an article is published, unpublished, retitled, moved or retagged, or a
section renamed. So it is kept here and used while `published_set` is the number
PublishedSet holds now, and until `valid_until`, the next scheduled article's time (which
changes nothing in the database when it comes).

The database keeps that number (migrations/_published_set.py): triggers add one to it in
the same transaction as any change Read also could show. The page reads it in the same
statement as the kept row; a reader who finds none finds Read also in a statement of its
own, after: a change committed between the two makes the number kept older than the data,
and the row is found again by the next reader, never shown out of date.

Found in the page's statement instead, only where none was kept, it still cost 30 µs of
PostgreSQL's time for every reader: the executor starts every node of a statement's plan,
run or not.
"""

import hashlib
from datetime import datetime

from django.db import connection, connections, models
from django.utils.dateparse import parse_datetime

from articles.models import related
from articles.models.published import published
from articles.models.rendering import keep
from newsroom.sql import aware, rows

# The number of changes (NULL without PublishedSet's rows): a subquery of the page's statement.
CHANGES = "SELECT CAST(sum(changes) AS bigint) AS changes FROM articles_publishedset"
# The article's Read also, and the next scheduled article's time, until which it holds.
FIND = {
    vendor: f"""
SELECT {column}, (
  SELECT min(n.published_at) FROM articles_article n
  WHERE n.status = %(status)s AND n.published_at > %(now)s)
FROM articles_article {related.PAGE}
WHERE {related.PAGE}.id = %(article)s AND {published(related.PAGE, "%(status)s", "%(now)s")}
"""
    for vendor, column in related.COLUMN.items()
}
# Which statement found a kept row: a deployment that changes how Read also is found makes
# every kept row out of date, as one that changes the templates does the stored pages.
CODE = {vendor: hashlib.md5(statement.encode()).hexdigest() for vendor, statement in FIND.items()}


class PublishedSet(models.Model):
    """How many times the published articles changed, as the sum of SLOTS rows: a writer adds
    one to a row no other writer holds, so two writers never wait for each other's commit
    here (a single row would serialize every editor's save behind the others')."""

    SLOTS = 16

    changes = models.BigIntegerField(default=0)

    def __str__(self):
        return f"{self.pk}: {self.changes}"


def ensure_slots(using: str = "default", **kwargs) -> None:
    """PublishedSet's rows, made again after a flush empties the table (post_migrate): the
    migration made them once. Without them no Read also is kept (see `store`)."""
    if PublishedSet._meta.db_table in connections[using].introspection.table_names():
        slots = [PublishedSet(id=slot) for slot in range(1, PublishedSet.SLOTS + 1)]
        PublishedSet.objects.using(using).bulk_create(slots, ignore_conflicts=True)


class ReadAlso(models.Model):
    article = models.OneToOneField(
        "articles.Article", on_delete=models.CASCADE, primary_key=True, related_name="read_also"
    )
    published_set = models.BigIntegerField()  # PublishedSet's sum when it was found
    code = models.CharField(max_length=32)  # CODE of the statement that found it
    valid_until = models.DateTimeField(null=True)  # the next scheduled publication then
    items = models.TextField()  # as models/related.py's column: JSON

    def __str__(self):
        return str(self.article_id)


def find(article_id: int, published_set: int | None, status: str, now) -> str | None:
    """The article's Read also as the published articles are now, kept for the next readers
    at `published_set` changes, read by the page before this."""
    params = {"article": article_id, "status": status, "now": now}
    found = rows(FIND[connection.vendor], params, prepared=True)
    if not found:
        return None  # unpublished since the page's statement
    items, valid_until = found[0]
    store(article_id, published_set, valid_until, items)
    return items


def store(article_id: int, published_set: int, valid_until, items: str | None) -> None:
    """Keep the Read also found for the article at `published_set` changes, until the next
    scheduled article's time `valid_until` (None: none is scheduled). Without PublishedSet's
    rows (a flushed database), nothing could tell it is out of date: it is not kept."""
    if published_set is None:
        return
    row = ReadAlso(
        article_id=article_id,
        published_set=published_set,
        code=CODE[connection.vendor],
        valid_until=_time(valid_until),
        items=items or "[]",  # PostgreSQL's json_agg of no row is NULL
    )
    keep(ReadAlso, [row], ["article"], f"Read also of article {article_id}")


def _time(value) -> datetime | None:
    """A time a statement computed: SQLite gives it as its text, in UTC."""
    if isinstance(value, str):
        value = parse_datetime(value)
    return value and aware(value)
