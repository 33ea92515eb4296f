"""Rendered parts of the reader's pages, kept in Django's cache and read with get_many.

An article's own parts, its card and its lead block are keyed by its version and generation
(every save bumps the first; a change to its bylines, tags, section or authors the second).
Read also, which shows other articles, is keyed by the content version (articles/freshness).
Every key carries the language and the release, so a deployment never shows old markup.
A miss is rendered by the same template, and kept for the next reader.
"""

from django.conf import settings
from django.core.cache import cache
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from articles import metadata, queries

TIMEOUT = 24 * 3600  # seconds; a changed article is found under a new key at once


def _key(*parts) -> str:
    return ":".join(str(part) for part in ("fragment", settings.RELEASE, get_language(), *parts))


def _own_key(kind: str, article, *more) -> str:
    return _key(kind, article.pk, article.version, article.generation, *more)


def render(template: str, context: dict) -> str:
    """Safe: the templates escape what they show."""
    context = {"SITE_NAME": settings.SITE_NAME, **context}
    return mark_safe(render_to_string(template, context, using="jinja2"))


def render_parts(article) -> tuple[str, str]:
    """The article page's <meta> tags and its <article>, from the article in full."""
    context = {"article": article, "json_ld": metadata.news_article(article)}
    return render("articles/article_head.html", context), render(
        "articles/article_main.html", context
    )


def is_complete(article) -> bool:
    """False while a picture shows its placeholder: its renditions are still being made."""
    if article.featured_image and not article.images:
        return False
    return all(author.photos for author in article.byline_authors if author.photo)


def article_page(article, version: int | None) -> tuple[str, str, str] | None:
    """(head, main, read also) of a published article found by queries.article_head, or
    None if it was unpublished meanwhile. Without a content version, Read also is not kept."""
    parts_key = _own_key("article", article)
    related_key = _key("read-also", article.pk, version)
    found = cache.get_many([parts_key, related_key] if version else [parts_key])
    parts = found.get(parts_key)
    if parts is None:
        full = queries.article_in_full(article.pk)
        if full is None:
            return None
        parts = render_parts(full)
        if is_complete(full):
            cache.set(parts_key, parts, TIMEOUT)
    related = found.get(related_key)
    if related is None:
        related = render("articles/related.html", {"related": queries.read_also(article)})
        if version:
            cache.set(related_key, related, TIMEOUT)
    return (*parts, related)


def lead(article) -> str:
    """The home page's lead block."""
    key = _own_key("lead", article)
    block = cache.get(key)
    if block is None:
        queries.with_credits([article])
        block = render("articles/lead.html", {"article": article})
        if is_complete(article):
            cache.set(key, block, TIMEOUT)
    return block


def cards(articles, level: int = 3) -> list[str]:
    """The articles' cards, their headings at `level`, in the articles' order."""
    articles = list(articles)
    keys = [_own_key("card", article, level) for article in articles]
    found = cache.get_many(keys) if keys else {}
    missing = [
        (key, article) for key, article in zip(keys, articles, strict=True) if key not in found
    ]
    if missing:
        queries.with_credits(article for _key, article in missing)
        made = {key: card(article, level) for key, article in missing}
        cache.set_many(made, TIMEOUT)
        found.update(made)
    return [found[key] for key in keys]


def card(article, level: int = 3, excerpt: str = "") -> str:
    """One card, rendered now: a search result's carries its excerpt."""
    return render("includes/card.html", {"article": article, "level": level, "excerpt": excerpt})
