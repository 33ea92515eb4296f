"""Whole-page cache for anonymous readers, shared by every app server through the cache.

A page is kept under its address, with the versions it was built from (articles/freshness.py),
and read in the same round trip as the versions: it is served while they still match. Most
pages are built from the content version, so any change readers can see makes them fresh on
every server at once; a page that shows only what its address's own number follows (an
article's, a section's, a tag's, an author's: `freshness.kept_by_address`) is built from that
number and the shared version instead, so other articles' changes leave it cached.
Logged-in users never read or fill this cache. When the cache is unreachable the site is
served from the database.

It sits before sessions, languages and the rest of the middleware: a reader without a session
cookie is anonymous, so a hit is answered at once, compressed as the browser accepts
(newsroom/compression.py), with the headers the rest of the stack gave the page when it was
kept.

Nobody outside fills it: query parameters no page reads (utm_source, fbclid…) are dropped
before the view sees them, so such addresses share the clean page's entry; and the variants
that remain (later pages, searches, not-found and redirect answers) are kept only up to a
budget per page and in all.
"""

import hashlib
import time

from django.conf import settings
from django.core.cache import cache
from django.http import QueryDict
from django.utils.cache import patch_cache_control, set_response_etag

from articles import freshness
from newsroom import compression, data_saving

PAGE_SECONDS = 600  # a safety net; freshness comes from the version
LOCK_SECONDS = 10
WAIT_FOR_OTHER_SECONDS = 3.0
WAIT_STEP_SECONDS = 0.02
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
    "/bench/",  # the benchmark's ceiling: a bare page, always rendered
    "/direct/",  # live stories' new entries: answered from their own version (live/)
)
CACHEABLE_STATUS = (200, 301, 404)
# Read by public pages: listings' page number, search; WordPress's ?p=ID, ?cat=ID, ?tag=slug,
# ?author=ID and ?s=words, which importer/middleware.py redirects.
KNOWN_PARAMETERS = ("p", "page", "q", "cat", "tag", "author", "s")
API_PARAMETERS = ("section", "tag", "author", "updated_since", "cursor", "limit")  # api/
# Distinct variants kept per PAGE_SECONDS: of one page, and of all pages together.
VARIANTS_PER_PAGE = 500
VARIANTS_IN_ALL = 5000


def _drop_unknown_parameters(request) -> None:
    """What the view sees, and the key, are those of the address without them."""
    query = request.META.get("QUERY_STRING", "")
    if not query:
        return
    known = QueryDict(mutable=True)
    read = API_PARAMETERS if request.path.startswith("/api/") else KNOWN_PARAMETERS
    for name in read:
        if name in request.GET:
            known[name] = request.GET[name]  # the last value, as views read it
    clean = known.urlencode()
    if clean != query:
        request.META["QUERY_STRING"] = clean
        request.GET = QueryDict(clean)


def _counted(key: str, limit: int) -> bool:
    cache.add(key, 0, PAGE_SECONDS)
    try:
        count = cache.incr(key)
    except ValueError:  # evicted between add and incr
        return False
    return count is not None and count <= limit


def _within_budget(request, response) -> bool:
    """A page at its own address is always kept; another answer is kept if its address was
    admitted in this window, or if admitting it keeps within the budgets. Counting distinct
    addresses, not stores: a change that makes every page fresh does not use them up."""
    if response.status_code == 200 and not request.META.get("QUERY_STRING"):
        return True
    admitted = "variant:" + hashlib.sha256(request.get_full_path().encode()).hexdigest()
    if cache.get(admitted):
        return True
    group = request.path if response.status_code == 200 else str(response.status_code)
    digest = hashlib.sha256(group.encode()).hexdigest()
    if _counted(f"variants:{digest}", VARIANTS_PER_PAGE) and _counted(
        "variants:all", VARIANTS_IN_ALL
    ):
        cache.set(admitted, True, PAGE_SECONDS)
        return True
    return False


def _coding(request) -> str:
    """The page's coding for this browser, chosen once per request."""
    if not hasattr(request, "page_coding"):
        request.page_coding = compression.negotiate(request)
    return request.page_coding


def _page_key(request) -> str:
    digest = hashlib.sha256(request.get_full_path().encode()).hexdigest()
    lite = data_saving.requested(request)
    return f"page:{request.method == 'HEAD'}:{_coding(request)}:{lite}:{digest}"


def _fresh(entry, versions):
    """The kept page in `entry` if it was built from these versions, else None."""
    if entry is None:
        return None
    built_from, response = entry
    if built_from == ("content", versions.content) or (
        versions.address is not None
        and built_from == ("address", versions.shared, versions.address)
    ):
        response["X-Page-Cache"] = "hit"
        return response
    return None


def _built_from(request, response) -> tuple:
    """The versions a page just rendered depends on: its address's own number and the
    shared version when it says so (the first reader of an address gives it its number),
    else the content version."""
    versions = request.content_versions
    by_content = ("content", versions.content)
    if response.status_code != 200 or not getattr(response, "kept_by_address", False):
        return by_content
    if versions.address is None:
        started = freshness.start_address(request.path)
        return by_content if started is None else ("address", versions.shared, started)
    return ("address", versions.shared, versions.address)


def _cacheable_request(request) -> bool:
    """Anonymous readers' pages; a session cookie may be a signed-in user's, so its holder
    is served by the whole stack."""
    return (
        request.method in ("GET", "HEAD")
        and not request.path.startswith(UNCACHED_PREFIXES)
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
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
            user = getattr(request, "user", None)
            if user is not None and user.is_authenticated:
                # Staff pages (previews, admin links) must never sit in a shared cache.
                patch_cache_control(response, private=True, no_store=True)
            return response
        _drop_unknown_parameters(request)
        if not settings.PAGE_CACHE_ENABLED:
            return self._public(self.get_response(request))
        key = _page_key(request)
        versions = freshness.for_request(request, also=[key])
        if versions is None:
            return self._public(self.get_response(request))
        cached = _fresh(versions.found.get(key), versions)
        if cached is not None:
            return cached
        return self._render_once(request, key)

    def _render_once(self, request, key):
        lock = f"lock:{key}"
        if cache.add(lock, True, LOCK_SECONDS) is False:
            cached = self._rendered_by_other(request, key)
            if cached is not None:
                return cached
        try:
            response = self._public(self.get_response(request))
            if _cacheable_response(response) and _within_budget(request, response):
                self._prepare(request, response)
                seconds = min(PAGE_SECONDS, getattr(response, "cache_seconds", PAGE_SECONDS))
                cache.set(key, (_built_from(request, response), response), seconds)
            response["X-Page-Cache"] = "miss"
            return response
        finally:
            cache.delete(lock)

    @staticmethod
    def _rendered_by_other(request, key):
        """Someone else is rendering this page: wait for their copy rather than repeat it.
        Checked against the versions as they are now: the first reader of an address gives
        it its number as it keeps the page (_built_from)."""
        lock = f"lock:{key}"
        deadline = time.monotonic() + WAIT_FOR_OTHER_SECONDS
        while time.monotonic() < deadline:
            time.sleep(WAIT_STEP_SECONDS)
            versions = freshness.current(request.path, also=[key, lock])
            if versions is None:
                return None
            cached = _fresh(versions.found.get(key), versions)
            if cached is not None:
                return cached
            if lock not in versions.found:
                return None  # rendered and not kept (over a budget, or not cacheable)
        return None

    @staticmethod
    def _prepare(request, response):
        """Compressed and tagged once, so a hit only sends bytes."""
        if compression.compressible(response):
            compression.compress(response, _coding(request))
        if not response.has_header("ETag"):
            set_response_etag(response)

    @staticmethod
    def _public(response):
        if _cacheable_response(response):
            patch_cache_control(response, **CDN_HEADERS)
        return response
