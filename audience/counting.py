"""Reads of articles, per hour: in Redis when the cache is Redis, else in the database.

With Redis, a read is one pipelined round trip: the article's score goes up in the hour's
sorted set, site-wide and in its section's, each set expiring once past the window. Without
Redis, or while it cannot be reached, the article's row for the hour goes up (one UPDATE;
the hour's first read inserts it and prunes rows past the window). The sums read both, so
reads kept in the database during an outage still count.
"""

import logging
import time
from collections import Counter
from datetime import datetime, timedelta

from django.core.cache import cache
from django.db.models import F, Sum
from django.utils import timezone
from django_redis import get_redis_connection
from redis.exceptions import RedisError

from articles.models import Article
from audience.models import HourlyReads

logger = logging.getLogger(__name__)

WINDOW_HOURS = 24
KEEP = timedelta(hours=WINDOW_HOURS + 1)  # a little beyond the window: servers' clocks differ
REDIS_DOWN_PAUSE = 5.0  # seconds this process stops trying an unreachable Redis

_redis_down_until = 0.0


def this_hour() -> datetime:
    return timezone.now().replace(minute=0, second=0, microsecond=0)


def window() -> list[datetime]:
    """The hours of the last 24: this one and the 23 before, newest first."""
    now = this_hour()
    return [now - timedelta(hours=n) for n in range(WINDOW_HOURS)]


def _key(hour: datetime, section_id: int | None = None) -> str:
    scope = "all" if section_id is None else section_id
    return cache.make_key(f"reads:{hour:%Y%m%d%H}:{scope}")


def _redis():
    """The Redis client behind the cache; None if the cache is another, or if Redis failed
    a moment ago (each try would wait for its time-out)."""
    if time.monotonic() < _redis_down_until:
        return None
    try:
        return get_redis_connection("default")
    except NotImplementedError:  # not django-redis: the local memory cache, say
        return None


def _redis_failed() -> None:
    global _redis_down_until
    logger.warning("Redis unreachable: reads are counted in the database.", exc_info=True)
    _redis_down_until = time.monotonic() + REDIS_DOWN_PAUSE


def record(article_id: int, section_id: int) -> None:
    """Count one read of the article, now."""
    hour = this_hour()
    client = _redis()
    if client is not None:
        seconds = int((hour + KEEP - timezone.now()).total_seconds())
        pipe = client.pipeline(transaction=False)
        for key in (_key(hour), _key(hour, section_id)):
            pipe.zincrby(key, 1, article_id)
            pipe.expire(key, seconds)
        try:
            pipe.execute()
            return
        except RedisError:
            _redis_failed()
    _record_in_database(article_id, hour)


def _record_in_database(article_id: int, hour: datetime) -> None:
    if HourlyReads.objects.filter(article_id=article_id, hour=hour).update(count=F("count") + 1):
        return
    # Two first reads at once: one may be lost, which a ranking can afford.
    HourlyReads.objects.bulk_create(
        [HourlyReads(article_id=article_id, hour=hour)], ignore_conflicts=True
    )
    HourlyReads.objects.filter(hour__lt=hour - timedelta(hours=WINDOW_HOURS - 1)).delete()


def counts(section_id: int | None = None, limit: int = 20) -> Counter:
    """{article id: reads in the last 24 hours} of the `limit` most read, site-wide or in a
    section: Redis's and the database's added up."""
    hours = window()
    return _redis_counts(hours, section_id, limit) + _database_counts(hours, section_id, limit)


def _redis_counts(hours, section_id, limit) -> Counter:
    client = _redis()
    if client is None:
        return Counter()
    union = _key(hours[0], section_id) + ":union"
    pipe = client.pipeline(transaction=True)  # the union is made, read and dropped at once
    pipe.zunionstore(union, [_key(hour, section_id) for hour in hours])
    pipe.zrevrange(union, 0, limit - 1, withscores=True)
    pipe.delete(union)
    try:
        _size, top, _dropped = pipe.execute()
    except RedisError:
        _redis_failed()
        return Counter()
    return Counter({int(member): int(score) for member, score in top})


def _database_counts(hours, section_id, limit) -> Counter:
    public = Article.objects.published()
    if section_id is not None:
        public = public.filter(section_id=section_id)
    rows = (
        HourlyReads.objects.filter(hour__gte=hours[-1], article__in=public.values("pk"))
        .values("article")
        .annotate(reads=Sum("count"))
        .order_by("-reads")[:limit]
    )
    return Counter({row["article"]: row["reads"] for row in rows})
