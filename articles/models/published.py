"""Article.objects.published() for the fixed statements of the reader's pages (newsroom/sql.py).

The rule those statements share with ArticleQuerySet.published(), written once: a condition
on an article table's alias, and the parameters it takes, in that order.
"""

from django.db import connection
from django.utils import timezone


def published(alias: str, status: str = "%s", now: str = "%s") -> str:
    """The condition; `status` and `now` are its placeholders (named ones: "%(status)s")."""
    return f"{alias}.status = {status} AND {alias}.published_at <= {now}"


def published_params() -> list:
    from articles.models.article import Status

    return [Status.PUBLISHED.value, connection.ops.adapt_datetimefield_value(timezone.now())]
