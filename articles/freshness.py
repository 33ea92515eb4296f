"""The content version: one number in the cache that every change readers can see bumps.

Whole pages (newsroom/page_cache.py) and the fragments that show many articles
(articles/fragments.py) are cached under it, so a change reaches every server's readers at
once. A scheduled article needs no job runner: the time of the next one is kept beside the
version, and the first request after it bumps the version.
"""

import logging
import time

from django.core.cache import cache
from django.db import transaction
from django.utils import timezone

from articles.models import Article

logger = logging.getLogger(__name__)

VERSION_KEY = "content:version"
NEXT_PUBLICATION_KEY = "content:next-publication"
NO_SCHEDULED = 0.0
CACHE_DOWN_PAUSE = 5.0  # seconds this process stops asking an unreachable cache

_cache_down_until = 0.0


def bump() -> None:
    """Make every cached page and shared fragment stale, on every server."""
    try:
        if cache.add(VERSION_KEY, _initial_version(), None) is False:
            cache.incr(VERSION_KEY)
        cache.delete(NEXT_PUBLICATION_KEY)
    except ValueError:  # the key vanished between add and incr
        cache.set(VERSION_KEY, _initial_version(), None)


def bump_after_commit() -> None:
    """bump() once the transaction commits, once however many changes in it ask."""
    connection = transaction.get_connection()
    if any(callback is bump for _ids, callback, _robust in connection.run_on_commit):
        return
    transaction.on_commit(bump)


def _initial_version() -> int:
    # Never reuses a number an earlier cache might still hold pages for.
    return int(time.time() * 1000)


def _next_publication() -> float:
    when = (
        Article.objects.scheduled()
        .order_by("published_at")
        .values_list("published_at", flat=True)
        .first()
    )
    return when.timestamp() if when else NO_SCHEDULED


def current() -> int | None:
    """The content version, or None when the cache cannot be used now."""
    global _cache_down_until
    if time.monotonic() < _cache_down_until:
        return None
    values = cache.get_many([VERSION_KEY, NEXT_PUBLICATION_KEY])
    version = values.get(VERSION_KEY)
    if version is None:
        cache.add(VERSION_KEY, _initial_version(), None)
        version = cache.get(VERSION_KEY)
        if version is None:
            logger.warning("Cache unavailable; serving from the database.")
            _cache_down_until = time.monotonic() + CACHE_DOWN_PAUSE
            return None
    next_at = values.get(NEXT_PUBLICATION_KEY)
    if next_at is None:
        next_at = _next_publication()
        cache.set(NEXT_PUBLICATION_KEY, next_at, None)
    if next_at != NO_SCHEDULED and timezone.now().timestamp() >= next_at:
        bump()  # a scheduled article has just become public
        return current()
    return version


def for_request(request) -> int | None:
    """current(), read once per request."""
    if not hasattr(request, "content_version"):
        request.content_version = current()
    return request.content_version
