"""Whole-page cache for anonymous readers, shared by every app server through the cache.

Every key carries the content version. Publishing, scheduling, unpublishing, editing a
published article, or changing an author, section or tag increments it (after the commit),
so every page is fresh on every server at once. A scheduled article needs no job runner:
the time of the next scheduled publication is kept beside the version, and the first
request after it bumps the version.

Logged-in users never read or fill this cache. When the cache is unreachable the site is
served from the database, and this process stops asking the cache for a few seconds.
"""

import hashlib
import logging
import time

from django.conf import settings
from django.core.cache import cache
from django.utils import timezone
from django.utils.cache import patch_cache_control

logger = logging.getLogger(__name__)

VERSION_KEY = "pages:version"
NEXT_PUBLICATION_KEY = "pages:next-publication"
NO_SCHEDULED = 0.0
PAGE_SECONDS = 600  # a safety net; freshness comes from the version
LOCK_SECONDS = 10
WAIT_FOR_OTHER_SECONDS = 3.0
CACHE_DOWN_PAUSE = 5.0
CDN_HEADERS = {"public": True, "max_age": 60, "stale_while_revalidate": 30}
UNCACHED_PREFIXES = (
    "/admin/",
    "/en/admin/",
    "/contact/",
    "/en/contact/",
    "/apercu/",
    "/en/apercu/",
    "/media/",
    "/healthz",
    "/readyz",
    "/i18n/",
)
CACHEABLE_STATUS = (200, 301, 404)

_cache_down_until = 0.0


def bump() -> None:
    """Make every cached page stale, on every server."""
    try:
        if cache.add(VERSION_KEY, _initial_version(), None) is False:
            cache.incr(VERSION_KEY)
        cache.delete(NEXT_PUBLICATION_KEY)
    except ValueError:  # the key vanished between add and incr
        cache.set(VERSION_KEY, _initial_version(), None)


def _initial_version() -> int:
    # Never reuses a number an earlier cache might still hold pages for.
    return int(time.time() * 1000)


def _next_publication() -> float:
    from articles.models import Article

    when = (
        Article.objects.scheduled()
        .order_by("published_at")
        .values_list("published_at", flat=True)
        .first()
    )
    return when.timestamp() if when else NO_SCHEDULED


def current_version():
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
            logger.warning("Page cache unavailable; serving from the database.")
            _cache_down_until = time.monotonic() + CACHE_DOWN_PAUSE
            return None
    next_at = values.get(NEXT_PUBLICATION_KEY)
    if next_at is None:
        next_at = _next_publication()
        cache.set(NEXT_PUBLICATION_KEY, next_at, None)
    if next_at != NO_SCHEDULED and timezone.now().timestamp() >= next_at:
        bump()  # a scheduled article has just become public
        return current_version()
    return version


def _page_key(request, version) -> str:
    digest = hashlib.sha256(request.get_full_path().encode()).hexdigest()
    return f"page:{version}:{request.method == 'HEAD'}:{digest}"


def _cacheable_request(request) -> bool:
    return (
        request.method in ("GET", "HEAD")
        and not request.path.startswith(UNCACHED_PREFIXES)
        and not request.user.is_authenticated
    )


def _cacheable_response(response) -> bool:
    control = response.get("Cache-Control", "")
    return (
        response.status_code in CACHEABLE_STATUS
        and not response.cookies
        and not getattr(response, "streaming", False)
        and "private" not in control
        and "no-store" not in control
    )


class AnonymousPageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not _cacheable_request(request):
            response = self.get_response(request)
            if request.user.is_authenticated:
                # Staff pages (previews, admin links) must never sit in a shared cache.
                patch_cache_control(response, private=True, no_store=True)
            return response
        version = current_version() if settings.PAGE_CACHE_ENABLED else None
        if version is None:
            return self._public(self.get_response(request))
        key = _page_key(request, version)
        cached = cache.get(key)
        if cached is not None:
            cached["X-Page-Cache"] = "hit"
            return cached
        return self._render_once(request, key)

    def _render_once(self, request, key):
        lock = f"lock:{key}"
        if cache.add(lock, True, LOCK_SECONDS) is False:
            # Someone else is rendering this page: wait for their copy rather than repeat it.
            deadline = time.monotonic() + WAIT_FOR_OTHER_SECONDS
            while time.monotonic() < deadline:
                time.sleep(0.05)
                cached = cache.get(key)
                if cached is not None:
                    cached["X-Page-Cache"] = "hit"
                    return cached
        try:
            response = self._public(self.get_response(request))
            if _cacheable_response(response):
                cache.set(key, response, PAGE_SECONDS)
            response["X-Page-Cache"] = "miss"
            return response
        finally:
            cache.delete(lock)

    @staticmethod
    def _public(response):
        if _cacheable_response(response):
            patch_cache_control(response, **CDN_HEADERS)
        return response
