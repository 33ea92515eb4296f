"""Rendered parts of the reader's pages, kept in Django's cache and read with get_many.

An article's own parts, its card and its lead block are keyed by its version and generation
(every save bumps the first; a change to its bylines, tags, section or authors the second).
Which articles Read also shows is kept for a while, and read again with the article.
Every key carries the language and the release, so a deployment never shows old markup.
A miss is rendered by the same template, and kept for the next reader.
"""

from django.conf import settings
from django.core.cache import cache
from django.template import engines
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from articles import metadata, queries
from newsroom import data_saving

TIMEOUT = 24 * 3600  # seconds; a changed article is found under a new key at once
READ_ALSO_SECONDS = 600


def _key(*parts) -> str:
    # Readers saving data get smaller pictures that wait for a tap: other markup.
    lite = "lite" if data_saving.active() else "full"
    return ":".join(
        str(part) for part in ("fragment", settings.RELEASE, get_language(), lite, *parts)
    )


def _own_key(kind: str, article, *more) -> str:
    return _key(kind, article.pk, article.version, article.generation, *more)


def render(template: str, context: dict) -> str:
    """Safe: the templates escape what they show."""
    context = {"SITE_NAME": settings.SITE_NAME, **context}
    return mark_safe(render_to_string(template, context, using="jinja2"))


def render_parts(article) -> tuple[str, str]:
    """The article page's <head> tags (its <title> among them) and its <article>, from the
    article in full."""
    article.pictures_in_body = queries.pictures_in(article.body)
    context = {
        "article": article,
        "meta": metadata.article_head(article),
        "json_ld": metadata.news_article(article),
    }
    return render("articles/article_head.html", context), render(
        "articles/article_main.html", context
    )


LIVE_PLACE = "<!--live-->"  # in article_main.html, right after the body


def around_live(main: str) -> tuple[str, str]:
    """The article's markup before and after where a live story's entries go."""
    before, _place, after = main.partition(LIVE_PLACE)
    return mark_safe(before), mark_safe(after)


def is_complete(article) -> bool:
    """False while a picture waits for its renditions (its original stands in meanwhile)."""
    if article.picture_id and not article.images:
        return False
    if not all(p.images for p in getattr(article, "pictures_in_body", {}).values()):
        return False
    return all(author.photos for author in article.byline_authors if author.photo_id)


def article_page(slug: str):
    """(article, head, main, read also) of the published article at this address, or None.

    Which articles Read also shows is kept READ_ALSO_SECONDS (a new related story may wait
    that long); they are read again with the article on every page, so one taken down is
    gone at once, and a retitled one shows its new headline. Without that choice kept, the
    reader is likely the first in a while: the article is read in full at once."""
    ranking_key = f"read-also:{settings.RELEASE}:{slug}"
    ranking = cache.get(ranking_key)
    if ranking is None:
        article = full = queries.article_in_full(slug=slug)
        if article is None:
            return None
        related = queries.read_also(article)
        cache.set(ranking_key, [a.pk for a in related], READ_ALSO_SECONDS)
    else:
        full = None
        article, related = queries.article_with(slug, ranking)
        if article is None:
            return None
    parts_key = _own_key("article", article)
    related_key = _key("related", *(f"{a.pk}.{a.version}.{a.generation}" for a in related))
    found = cache.get_many([parts_key, related_key])
    made = {}
    if parts_key not in found:
        full = full or queries.article_in_full(pk=article.pk)
        if full is None:
            return None
        found[parts_key] = render_parts(full)
        if is_complete(full):
            made[parts_key] = found[parts_key]
    if related_key not in found:
        found[related_key] = render("articles/related.html", {"related": related})
        if all(card_complete(a) for a in related):
            made[related_key] = found[related_key]
    if made:
        cache.set_many(made, TIMEOUT)
    return article, *found[parts_key], found[related_key]


def menu(version: int | None) -> list[tuple[str, str, str]]:
    """The sections menu (queries.menu), kept under the shared version: a section's
    change bumps it."""
    if version is None:
        return queries.menu()
    key = _key("menu", version)
    found = cache.get(key)
    if found is None:
        found = queries.menu()
        cache.set(key, found, TIMEOUT)
    return found


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


def card_complete(article) -> bool:
    """False while a card's picture waits for its renditions (its original stands in)."""
    return not article.picture_id or bool(article.images)


def cards(articles, level: int = 3, eager: int = 0) -> list[str]:
    """The articles' cards, their headings at `level`, in the articles' order: the first
    `eager` load their pictures at once (the first screen), the others when scrolled to."""
    articles = list(articles)
    first = {article.pk for article in articles[:eager]}
    kinds = [f"card-{level}" if a.pk in first else f"card-{level}-lazy" for a in articles]

    def make(missing):
        with_credits = queries.with_credits(missing)
        return [card(article, level, eager=article.pk in first) for article in with_credits]

    return _kept_or_made(articles, kinds, make, keep=card_complete)


def feed_items(articles, kind: str, write) -> list[str]:
    """The articles' feed items of this kind ("item" or "entry"), as XML: kept, or written
    now by `write(missing articles)`."""
    return _kept_or_made(list(articles), f"feed-{kind}", write)


def _kept_or_made(articles: list, kind: str | list[str], make, keep=None) -> list[str]:
    """Each article's part of this kind (or of its own kind, in a list), read with one
    get_many; those missing made at once by `make(missing articles)` and kept, unless
    `keep(article)` says they are not complete yet."""
    kinds = [kind] * len(articles) if isinstance(kind, str) else kind
    keys = [_own_key(k, article) for k, article in zip(kinds, articles, strict=True)]
    found = cache.get_many(keys) if keys else {}
    missing = [(k, a) for k, a in zip(keys, articles, strict=True) if k not in found]
    if missing:
        made = make([article for _key, article in missing])
        found.update(zip([key for key, _article in missing], made, strict=True))
        kept = [key for key, article in missing if keep is None or keep(article)]
        cache.set_many({key: found[key] for key in kept}, TIMEOUT)
    return [found[key] for key in keys]


def card(article, level: int = 3, excerpt: str = "", eager: bool = False) -> str:
    """One card, rendered now by its macro: a search result's carries its excerpt."""
    macro = engines["jinja2"].env.get_template("includes/card.html").module.card
    return mark_safe(str(macro(article, level, excerpt, eager)))
