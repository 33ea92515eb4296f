"""How fresh readers' pages are: numbers in the cache that changes bump, on every server.

- The content version: every change readers can see bumps it. Pages that show many
  articles (home, search, feeds) are cached under it (newsroom/page_cache.py).
- The shared version: changes every page may show bump it (the menu's sections, an
  author's or a tag's name, an article taken down, a scheduled one going public).
- An address's own number: a change to an article bumps those of the pages built from it
  (its page, its section's, its tags' and its authors'), so the other articles' pages stay
  cached. Those pages are cached under the shared version and their own number.

Nothing that changes pages at a set time needs a job runner (a scheduled article going
public, a featured story or the breaking-news banner expiring): the time of the next such
change is kept beside the versions, and the first request after it bumps the shared version.
The banner every page shows is read in the same query and kept with that time, so pages
show it without a query of their own, and a bump (its save, its expiry) reads it again.

The database has the last word: a bump the cache did not take (Redis unreachable for a
moment) is kept as an UnsentBump row, and every server looks for such rows about once a
second, so an unpublished story leaves the cached pages within a second of Redis's return.
"""

import hashlib
import logging
import time
from dataclasses import dataclass, field

from django.conf import settings
from django.core.cache import cache
from django.db import DatabaseError, transaction
from django.db.models import BooleanField, F, Subquery, Value
from django.utils import timezone

from articles.models import Article, BreakingNews, FeaturedStory, UnsentBump

logger = logging.getLogger(__name__)

VERSION_KEY = "content:version"
SHARED_KEY = "content:shared"
# (time of the next timed change, the banner shown until then): deleted by every bump.
NEXT_CHANGE_KEY = "content:next-change"
NO_SCHEDULED = 0.0
CACHE_DOWN_PAUSE = 5.0  # seconds this process stops asking an unreachable cache

_cache_down_until = 0.0
_next_unsent_check = None  # monotonic time; the first check waits one interval


@dataclass(frozen=True)
class Versions:
    content: int
    shared: int
    address: int | None = None  # None until a change or a first reader sets it
    banner: tuple[str, str] | None = None  # the breaking news every page shows: text, link
    # The other keys asked for with the versions, in the same round trip (a cached page).
    found: dict = field(default_factory=dict, compare=False, repr=False)


def address_key(path: str) -> str:
    return f"address:{hashlib.sha256(path.encode()).hexdigest()}"


def _initial_version() -> int:
    # Never reuses a number an earlier cache might still hold pages for.
    return int(time.time() * 1000)


def _increment(key) -> bool:
    """False when the cache did not take it (django-redis answers None when it gives up)."""
    try:
        added = cache.add(key, _initial_version(), None)
        if added is False:
            return cache.incr(key) is not None
        return added is not None
    except ValueError:  # the key vanished between add and incr
        return cache.set(key, _initial_version(), None) is not False


def _send(keys, scheduling=True) -> bool:
    try:
        sent = all(_increment(key) for key in keys)
        if not (sent and scheduling):
            return sent
        # Forgetting the next timed change too: the change may have scheduled one.
        return cache.delete(NEXT_CHANGE_KEY) is not None
    except Exception:  # a cache that raises rather than gives up: the bump is kept all the same
        logger.exception("The cache refused a page-version bump.")
        return False


def _send_or_keep(everything: bool, paths=(), content=True) -> None:
    keys = [VERSION_KEY, SHARED_KEY] if everything else [VERSION_KEY] if content else []
    keys += [address_key(path) for path in sorted(set(paths))]
    if _send(keys, scheduling=content):
        return
    logger.warning("Cache unreachable: the page-version bump is kept to be sent again.")
    try:
        UnsentBump.objects.create(everything=everything, paths=[] if everything else sorted(paths))
    except DatabaseError:
        logger.exception("Neither cache nor database took a page-version bump: pages may lag.")


def bump() -> None:
    """Make every cached page and shared fragment stale, on every server."""
    _send_or_keep(everything=True)


def bump_addresses(paths) -> None:
    """Make the pages of many articles and these addresses' pages stale."""
    _send_or_keep(everything=False, paths=set(paths))


def bump_pages_only(paths) -> None:
    """Make these addresses' pages stale and no other: what changed shows on them alone and
    schedules nothing (a live story's entry on its article's page). Kept to be sent again
    as a wider bump."""
    _send_or_keep(everything=False, paths=set(paths), content=False)


def _send_unsent_bumps() -> bool:
    """About once an interval per process: send the bumps the cache missed, oldest first.
    True when one was sent (the versions just read are out of date)."""
    global _next_unsent_check
    now = time.monotonic()
    if _next_unsent_check is None:
        _next_unsent_check = now + settings.UNSENT_BUMP_CHECK_SECONDS
    if now < _next_unsent_check:
        return False
    _next_unsent_check = now + settings.UNSENT_BUMP_CHECK_SECONDS
    sent = False
    try:
        for unsent in UnsentBump.objects.all()[:100]:
            keys = [VERSION_KEY, SHARED_KEY] if unsent.everything else [VERSION_KEY]
            if not _send(keys + [address_key(path) for path in unsent.paths]):
                break
            UnsentBump.objects.filter(pk=unsent.pk).delete()
            sent = True
    except DatabaseError:  # cached pages go on being served while the database is away
        logger.warning("Database unreachable: unsent bumps are looked for later.")
        _next_unsent_check = now + CACHE_DOWN_PAUSE
    return sent


@dataclass
class Pending:
    """What one transaction's changes made stale, bumped once when it commits."""

    everything: bool = False
    paths: set = field(default_factory=set)

    def __call__(self):
        if self.everything:
            bump()
        else:
            bump_addresses(self.paths)


def bump_after_commit(paths=None) -> None:
    """Once the transaction commits, bump the addresses `paths` (their pages and those of
    many articles), or everything when `paths` is None; once however many changes ask."""
    connection = transaction.get_connection()
    pending = next(
        (c for _ids, c, _robust in connection.run_on_commit if isinstance(c, Pending)), None
    )
    if pending is None:
        pending = Pending()
        if paths is None:
            pending.everything = True
        else:
            pending.paths.update(paths)
        transaction.on_commit(pending)  # at once outside a transaction
        return
    if paths is None:
        pending.everything = True
    else:
        pending.paths.update(paths)


def _first(queryset):
    """The first row of `queryset`, in its order, as a query that a UNION can hold (SQLite
    allows no LIMIT in a UNION's parts, but does in a part's subquery)."""
    first = queryset.values("pk")[:1]
    return queryset.model.objects.filter(pk=Subquery(first)).order_by()


def upcoming() -> tuple[float, tuple[str, str] | None]:
    """The time of the next timed change (NO_SCHEDULED if none) and the banner shown until
    then, in one query: the next scheduled article, the next featured story to expire, the
    banner shown (whose expiry is a timed change too)."""
    none, timed, shown = Value(""), Value(False), Value(True, output_field=BooleanField())
    columns = ("change_at", "banner_text", "banner_link", "is_banner")
    rows = (
        _first(Article.objects.scheduled().order_by("published_at"))
        .annotate(change_at=F("published_at"), banner_text=none, banner_link=none, is_banner=timed)
        .values_list(*columns)
        .union(
            _first(FeaturedStory.objects.current().order_by("until"))
            .annotate(change_at=F("until"), banner_text=none, banner_link=none, is_banner=timed)
            .values_list(*columns),
            _first(BreakingNews.objects.shown())
            .annotate(
                change_at=F("until"),
                banner_text=F("text"),
                banner_link=F("link"),
                is_banner=shown,
            )
            .values_list(*columns),
            all=True,
        )
    )
    rows = list(rows)
    banner = next(((text, link) for _at, text, link, is_banner in rows if is_banner), None)
    next_at = min((row[0].timestamp() for row in rows), default=NO_SCHEDULED)
    return next_at, banner


def cache_paused() -> bool:
    """Whether this process leaves the shared cache alone for now: it did not answer, and
    each request would wait for its timeout again."""
    return time.monotonic() < _cache_down_until


def pause_cache() -> None:
    global _cache_down_until
    _cache_down_until = time.monotonic() + CACHE_DOWN_PAUSE


def current(path: str | None = None, also=()) -> Versions | None:
    """The versions (with this address's own, when given), or None when the cache cannot
    be used now; the values of the keys `also` are read with them, in `found`."""
    if cache_paused():
        return None
    keys = [VERSION_KEY, SHARED_KEY, NEXT_CHANGE_KEY, *also]
    if path is not None:
        keys.append(address_key(path))
    values = cache.get_many(keys)
    if values.get(VERSION_KEY) is None or values.get(SHARED_KEY) is None:
        for key in (VERSION_KEY, SHARED_KEY):
            cache.add(key, _initial_version(), None)
        values.update(cache.get_many([VERSION_KEY, SHARED_KEY]))
        if values.get(VERSION_KEY) is None or values.get(SHARED_KEY) is None:
            logger.warning("Cache unavailable; serving from the database.")
            pause_cache()
            return None
    if _send_unsent_bumps():
        return current(path, also)
    next_change = values.get(NEXT_CHANGE_KEY)
    if next_change is None:
        next_change = upcoming()
        cache.set(NEXT_CHANGE_KEY, next_change, None)
    next_at, banner = next_change
    if next_at != NO_SCHEDULED and timezone.now().timestamp() >= next_at:
        bump()  # a scheduled article has just become public, or something expired
        return current(path, also)
    address = values.get(address_key(path)) if path is not None else None
    found = {key: values[key] for key in also if key in values}
    return Versions(values[VERSION_KEY], values[SHARED_KEY], address, banner, found)


def start_address(path: str) -> int | None:
    """Give an address its own number, and return it; None if a change set one first (a
    page rendered before that change must not be kept under it)."""
    number = _initial_version()
    return number if cache.add(address_key(path), number, None) else None


def kept_by_address(response):
    """Mark a page built only from what its address's own number follows: the page cache
    keeps it under that number (articles/changes.py says which changes bump it)."""
    response.kept_by_address = True
    return response


def for_request(request, also=()) -> Versions | None:
    """current() for the request's address, read once per request."""
    if not hasattr(request, "content_versions"):
        request.content_versions = current(request.path, also)
    return request.content_versions
