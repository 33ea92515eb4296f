"""Each live story's version, in Django's cache, shared by every app server.

Every change to a coverage or its entries bumps its article's version once committed
(live/changes.py). The version is the poll's ETag, so a poll that finds nothing new is
answered from the cache alone, and it keys what the article page shows of the coverage
(live/page.py), so that part is rendered once per change for all readers.

Which articles have coverage is kept in the cache too (the index), so an article without
any costs its page no query. A version the cache lost (or let expire) is given a new
number, never one an earlier cache may still hold answers under; the index, lost, is read
again from the database.
"""

import time

from django.core.cache import cache

from live.models import LiveCoverage

INDEX_KEY = "live:articles"
# Safety nets: the index is written again whenever coverage starts, and a version bump the
# cache missed (unreachable for a moment) is made good when the version expires.
INDEX_SECONDS = 600
VERSION_SECONDS = 600


def version_key(article_id: int) -> str:
    return f"live:version:{article_id}"


def _new_number() -> int:
    # Microseconds: each bump adds one and takes far longer than that, so a lost version's
    # replacement is above every number the story had before (a JSON number to 2**53).
    return time.time_ns() // 1000


def covered_articles() -> frozenset[int]:
    """The ids of the articles that have (or had) live coverage, as the database says."""
    return frozenset(LiveCoverage.objects.values_list("article_id", flat=True))


def current(article_id: int) -> int | None:
    """The article's live version, or None when it has no coverage: from the cache alone
    while it holds them."""
    key = version_key(article_id)
    found = cache.get_many([key, INDEX_KEY])
    if found.get(key) is not None:
        return found[key]
    index = found.get(INDEX_KEY)
    if index is None:
        index = covered_articles()
        cache.add(INDEX_KEY, index, INDEX_SECONDS)
    if article_id not in index:
        return None
    number = _new_number()
    if cache.add(key, number, VERSION_SECONDS):
        return number
    return cache.get(key) or number  # another reader's, or the cache is unreachable


def bump(article_id: int) -> None:
    """After a change is committed: the article's next version, on every server."""
    key = version_key(article_id)
    try:
        if cache.add(key, _new_number(), VERSION_SECONDS):
            return
        if cache.incr(key) is None:  # django-redis gives up quietly when Redis is away
            cache.delete(key)
    except ValueError:  # gone between add and incr: a new number is as good
        cache.set(key, _new_number(), VERSION_SECONDS)


def refresh_index() -> None:
    """After coverage starts: the index as the database now says."""
    cache.set(INDEX_KEY, covered_articles(), INDEX_SECONDS)
