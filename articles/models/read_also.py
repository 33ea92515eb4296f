"""An article's Read also (models/related.py) as the published articles last left it.

Finding it cost PostgreSQL 0.2 ms of an article page's 0.3 ms (bench/cpu_split.py: 1,477
req/s with it, 1,627 without), for every reader, where what it shows changes only when an
article is published, unpublished, retitled, moved or retagged, or a section renamed. So
it is kept here and used while `published_set` is the number PublishedSet holds now, and
until `valid_until`, the next scheduled article's time (which changes nothing in the
database when it comes).

The database keeps that number (migrations/_published_set.py): triggers add one to it in
the same transaction as any change Read also could show. The page reads it in the same
statement as the stored row, so a row computed from data read before a change carries the
old number and is never shown.
"""

import logging
from datetime import datetime

from django.db import DatabaseError, connections, models, transaction
from django.utils.dateparse import parse_datetime

from newsroom.sql import aware

logger = logging.getLogger(__name__)


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
    connection = connections[using]
    if PublishedSet._meta.db_table in connection.introspection.table_names():
        slots = [PublishedSet(id=slot) for slot in range(1, PublishedSet.SLOTS + 1)]
        PublishedSet.objects.using(using).bulk_create(slots, ignore_conflicts=True)


class ReadAlso(models.Model):
    article = models.OneToOneField(
        "articles.Article", on_delete=models.CASCADE, primary_key=True, related_name="read_also"
    )
    published_set = models.BigIntegerField()  # PublishedSet's sum when it was found
    valid_until = models.DateTimeField(null=True)  # the next scheduled publication then
    items = models.TextField()  # as models/related.py's column: JSON

    def __str__(self):
        return str(self.article_id)


def store(article_id: int, published_set: int, valid_until, items: str | None) -> None:
    """Keep the Read also found for the article at `published_set` changes, until the next
    scheduled article's time `valid_until` (None: none is scheduled). Without PublishedSet's
    rows (a flushed database), nothing could tell it is out of date: it is not kept."""
    if published_set is None:
        return
    row = ReadAlso(
        article_id=article_id,
        published_set=published_set,
        valid_until=_time(valid_until),
        items=items or "[]",  # PostgreSQL's json_agg of no row is NULL
    )
    try:
        with transaction.atomic():
            ReadAlso.objects.bulk_create(
                [row],
                update_conflicts=True,
                unique_fields=["article"],
                update_fields=["published_set", "valid_until", "items"],
            )
    except DatabaseError:
        # The reader still gets the page; the next one tries again (say, the article was
        # deleted meanwhile).
        logger.warning("Could not store Read also of article %s", article_id, exc_info=True)


def _time(value) -> datetime | None:
    """A time a statement computed: SQLite gives it as its text, in UTC."""
    if isinstance(value, str):
        value = parse_datetime(value)
    return value and aware(value)
