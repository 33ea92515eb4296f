"""An article page's own parts, rendered once per change and kept (models/rendering.py).

The page is the site's shell (live: navigation, search box, languages), the parts here (the
`<meta>` tags and the `<article>` element) and "Read also" (live: it moves as other stories
are published).
"""

import hashlib
from dataclasses import replace
from functools import cache, lru_cache
from pathlib import Path
from typing import NamedTuple

from django.conf import settings
from django.template.loader import get_template
from django.templatetags.static import static
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from articles import metadata
from articles.models.page import Page, load_authors_and_tags, published_article
from articles.models.rendering import Rendering, keep
from newsroom.sql import found_or_404

ROOT = Path(settings.BASE_DIR)
# What a stored part is made of besides the article's data: its templates and translations,
# and the code of the apps that write it (links, addresses, pictures, bylines, dates). When
# any of it changes, a deployment, every stored part is out of date and is rendered again
# on its next read: more than a part depends on, never less.
SOURCES = ("templates/jinja2", "locale", "articles", "authors", "newsroom")
SOURCE_SUFFIXES = (".html", ".py", ".mo")


@cache
def _sources_digest() -> str:
    digest = hashlib.sha256()
    for folder in SOURCES:
        for path in sorted((ROOT / folder).rglob("*")):
            if path.suffix in SOURCE_SUFFIXES and path.is_file():
                digest.update(path.relative_to(ROOT).as_posix().encode())
                digest.update(path.read_bytes())
    return digest.hexdigest()


def code_version() -> str:
    """The templates, translations and settings the parts were rendered with, as 32 chars."""
    shown = (settings.SITE_NAME, settings.SITE_URL, settings.TIME_ZONE, settings.MEDIA_URL)
    return _code_version(*shown, settings.STATIC_URL)


@lru_cache(maxsize=8)
def _code_version(*shown) -> str:
    assets = (static("img/logo.png"), static("img/placeholder.svg"))  # their hashed names
    text = "\n".join((_sources_digest(), *shown, *assets))
    return hashlib.sha256(text.encode()).hexdigest()[:32]


class Parts(NamedTuple):
    head: str  # the article page's <meta> tags
    main: str  # its <article> element
    lead: str  # the home page's lead block, when the article leads


def render_parts(article) -> Parts:
    """The article's stored parts, in the active language."""
    load_authors_and_tags(article)
    context = {
        "article": article,
        "json_ld": metadata.news_article(article),
        "SITE_NAME": settings.SITE_NAME,
    }
    return Parts(
        # Safe: the templates escape what they show.
        *(
            mark_safe(get_template(f"articles/{name}.html").render(context))
            for name in ("article_head", "article_main", "lead")
        )
    )


def is_complete(article) -> bool:
    """False while a picture shows its placeholder: its renditions are still being made."""
    if article.featured_image and not article.images:
        return False
    return all(a.photos for a in article.byline_authors if a.photo)


def with_parts(page: Page) -> Page:
    """The page with its parts: those its statement read (models/page.py), or rendered now
    and stored for the next reader."""
    if page.head is not None:
        return page
    parts = render_and_store(found_or_404(published_article(page.slug)))
    return replace(page, head=parts.head, main=parts.main)


def render_and_store(article) -> Parts:
    parts = render_parts(article)
    if is_complete(article):
        store(article, parts)
    return parts


def store(article, parts: Parts) -> None:
    row = Rendering(
        article_id=article.pk,
        language=get_language(),
        code=code_version(),
        version=article.version,
        generation=article.generation,
        **parts._asdict(),
    )
    keep(Rendering, [row], ["article", "language"], f"the page of article {article.pk}")
