"""Article.objects.published() for the fixed statements of the reader's pages (newsroom/sql.py).

The rule those statements share with ArticleQuerySet.published(), written once: a condition
on an article table's alias, and the parameters it takes, in that order.
"""

from django.db import connection
from django.utils import timezone


def published(alias: str) -> str:
    return f"{alias}.status = %s AND {alias}.published_at <= %s"


def published_params() -> list:
    from articles.models.article import Status

    return [Status.PUBLISHED.value, connection.ops.adapt_datetimefield_value(timezone.now())]
