"""A live story's new entries, for the page's script (static/live/live.js).

GET /direct/<article id>/nouvelles/?apres=<the newest entry shown>&depuis=<the revision
shown>&langue=<fr|en>, with If-None-Match: the version the reader has. Unchanged: 304, from
the cache alone. Changed, as JSON, from the story kept for that version (live/page.py):
the entries newer than `apres` as the page shows them, how many and the button's words;
the entries it shows that were edited since `depuis`; which entries remain and which are
pinned (the page drops the deleted and moves the others); the key events; whether the
coverage has ended. The database says whether the article is public, at every change.
"""

from django.conf import settings
from django.http import HttpResponse, HttpResponseNotAllowed, JsonResponse
from django.utils import translation
from django.utils.cache import patch_cache_control, patch_vary_headers
from django.utils.http import parse_etags, quote_etag
from django.utils.translation import ngettext

from articles.models import Article
from live import page, versions

POLL_SECONDS = 10  # how long a browser or a CDN may keep one answer
MAX_DIGITS = 18  # an entry id fits in 64 bits


def _headers(response, etag: str):
    response["ETag"] = etag
    patch_cache_control(response, public=True, max_age=POLL_SECONDS)
    patch_vary_headers(response, ("Save-Data",))  # pictures in entries differ for those readers
    return response


def _refused(status: int, why: str) -> HttpResponse:
    return HttpResponse(why, status=status, content_type="text/plain; charset=utf-8")


def _number(request, name: str) -> int | None:
    value = request.GET.get(name, "0")
    if not (value.isascii() and value.isdigit() and len(value) <= MAX_DIGITS):
        return None
    return int(value)


def _tags_seen(request) -> set[str]:
    """If-None-Match, compared weakly (RFC 9110): compression makes our tag weak, W/"…"."""
    return {tag.removeprefix("W/") for tag in parse_etags(request.headers.get("If-None-Match", ""))}


def new_entries(request, article_id: int):
    if request.method not in ("GET", "HEAD"):
        return HttpResponseNotAllowed(["GET", "HEAD"])
    language = request.GET.get("langue", settings.LANGUAGE_CODE)
    after, since = _number(request, "apres"), _number(request, "depuis")
    if language not in dict(settings.LANGUAGES) or after is None or since is None:
        return _refused(
            400, "Bad request: langue is a site language, apres an entry id, depuis a revision."
        )
    version = versions.current(article_id)
    if version is None:
        return _refused(404, "Not found.")
    etag = quote_etag(str(version))
    if etag in _tags_seen(request):
        return _headers(HttpResponse(status=304), etag)
    article = Article.objects.published().filter(pk=article_id).only("slug", "headline").first()
    if article is None:
        return _refused(404, "Not found.")
    with translation.override(language):
        shown = page.shown_at(article, version)
        if shown is None:
            return _refused(404, "Not found.")
        answer = changes(shown, after, since)
    answer["version"] = version
    return _headers(JsonResponse(answer), etag)


def changes(shown: page.Shown, after: int, since: int) -> dict:
    """What a page showing entries up to `after`, at revision `since`, is missing."""
    every = sorted([*shown.pinned, *shown.entries], key=lambda entry: entry.id, reverse=True)
    new = [entry for entry in every if entry.id > after]
    return {
        "count": len(new),
        "label": ngettext("%(count)s new entry", "%(count)s new entries", len(new))
        % {"count": len(new)},
        "entries": [{"id": entry.id, "html": entry.html} for entry in new],
        "latest": max((entry.id for entry in new), default=after),
        "revision": shown.revision,
        "changed": [
            {"id": entry.id, "html": entry.html}
            for entry in every
            if entry.id <= after and entry.revision > since
        ],
        "present": [entry.id for entry in every if entry.id <= after],
        "pinned": [entry.id for entry in shown.pinned],
        "key_events": shown.key_events,
        "ended": shown.ended,
    }
