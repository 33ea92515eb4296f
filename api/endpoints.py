"""/api/v1/: published articles (IPTC ninjs 2.0), sections, authors and tags, read-only.

Answers are kept by the page cache under the content version, as the pages are (an article
taken down is gone at once), may be kept a minute by caches between (Cache-Control), carry
an ETag (a 304 answers a matching If-None-Match: ConditionalGetMiddleware), and may be read
from any origin (CORS, settings). Each address may ask API_RATE_LIMIT times
(api/middleware.py).
"""

from datetime import datetime
from functools import wraps
from urllib.parse import urlencode

from django.conf import settings
from django.utils import translation
from django.utils.cache import patch_cache_control
from ninja import NinjaAPI, Query, Swagger
from ninja.errors import HttpError, ValidationError

from api import cursor, ninjs, queries
from api.schemas import (
    ArticleFilters,
    AuthorPage,
    NewsItem,
    NewsPage,
    Paging,
    Problem,
    SectionList,
    TagPage,
)
from newsroom.absolute import absolute
from newsroom.page_cache import CDN_HEADERS

api = NinjaAPI(
    title=f"{settings.SITE_NAME}: content API",
    version="1",
    description="Published articles as IPTC ninjs 2.0 news items, with their sections, "
    "authors and tags. Read-only; lists are paged with cursors.",
    urls_namespace="api",
    docs=Swagger(settings={"validatorUrl": None}),  # the validator badge calls another site
)


@api.exception_handler(ValidationError)
def bad_request(request, error):
    """A malformed filter is the client's mistake: 400 and what was wrong, never a 500."""
    wrong = "; ".join(
        f"{'.'.join(str(p) for p in e['loc'][1:]) or 'query'}: {e['msg']}" for e in error.errors
    )
    return api.create_response(request, {"detail": wrong}, status=400)


@api.exception_handler(cursor.BadCursor)
def bad_cursor(request, error):
    return api.create_response(request, {"detail": f"cursor: {error}"}, status=400)


def public(view):
    """Answers in the site's language (its addresses), kept a minute by caches between."""

    @wraps(view)
    def answered(request, *args, **kwargs):
        with translation.override(settings.LANGUAGE_CODE):
            result = view(request, *args, **kwargs)
        response = api.create_response(request, result, status=200)
        patch_cache_control(response, **CDN_HEADERS)
        return response

    return answered


def next_page(request, next_cursor: str | None) -> str | None:
    if next_cursor is None:
        return None
    asked = {k: v for k, v in request.GET.items() if k != "cursor"}
    return absolute(f"{request.path}?{urlencode({**asked, 'cursor': next_cursor})}")


@api.get(
    "/articles",
    response={200: NewsPage, 400: Problem},
    summary="Published articles",
    tags=["articles"],
)
@public
def articles(request, filters: Query[ArticleFilters]):
    order = queries.CHANGED if filters.updated_since else queries.NEWEST
    found = queries.articles(filters.section, filters.tag, filters.author, filters.updated_since)
    if filters.cursor:
        found = queries.after(found, order, *cursor.decode(order, filters.cursor, datetime, int))
    rows = list(found[: filters.limit + 1])
    shown = queries.with_details(rows[: filters.limit])
    following = None
    if len(rows) > filters.limit:
        last = shown[-1]
        moment = last.changed if order == queries.CHANGED else last.published_at
        following = cursor.encode(order, moment, last.pk)
    return {"items": [ninjs.article(a) for a in shown], "next": next_page(request, following)}


@api.get(
    "/articles/{int:article_id}",
    response={200: NewsItem, 404: Problem},
    summary="One published article",
    tags=["articles"],
)
@public
def article(request, article_id: int):
    found = queries.article(article_id)
    if found is None:  # never published, or not now: the same answer
        raise HttpError(404, "No published article has this id.")
    return ninjs.article(found)


@api.get("/sections", response=SectionList, summary="The sections", tags=["taxonomy"])
@public
def sections(request):
    return {"items": [_section(s) for s in queries.sections()]}


@api.get("/authors", response={200: AuthorPage, 400: Problem}, tags=["taxonomy"])
@public
def authors(request, paging: Query[Paging]):
    """Authors with at least one published article."""
    rows, following = _page(queries.authors(), "authors", paging)
    items = [
        {
            "slug": a.slug,
            "name": a.display_name,
            "job_title": a.job_title,
            "uri": absolute(a.get_absolute_url()),
        }
        for a in rows
    ]
    return {"items": items, "next": next_page(request, following)}


@api.get("/tags", response={200: TagPage, 400: Problem}, tags=["taxonomy"])
@public
def tags(request, paging: Query[Paging]):
    """Tags carried by at least one published article."""
    rows, following = _page(queries.tags(), "tags", paging)
    items = [{"slug": t.slug, "name": t.name, "uri": ninjs.tag(t)["uri"]} for t in rows]
    return {"items": items, "next": next_page(request, following)}


def _page(found, order: str, paging: Paging):
    """A page of rows ordered by id, and the cursor of the next one (None on the last)."""
    if paging.cursor:
        (after,) = cursor.decode(order, paging.cursor, int)
        found = found.filter(pk__gt=after)
    rows = list(found[: paging.limit + 1])
    rows, more = rows[: paging.limit], len(rows) > paging.limit
    return rows, cursor.encode(order, rows[-1].pk) if more else None


def _section(shown) -> dict:
    return {
        "slug": shown.slug,
        "name": shown.name,
        "description": shown.description,
        "uri": absolute(shown.get_absolute_url()),
    }
