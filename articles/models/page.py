"""What an article's page shows: the article and its section, its authors and its tags.

Fixed statements (newsroom/sql.py): through the ORM, the article with its section cost
0.8 ms of CPU against 0.3 ms; a prefetch of bylines with their authors, and of tags, 1.6 ms
against 0.4 ms; and taggit's prefetch for a feed of 50 items took half the feed's time
(bench/profile_page.py).
"""

from dataclasses import dataclass
from datetime import datetime

from django.db import connection
from django.utils.safestring import mark_safe
from taggit.models import Tag

from articles.models import read_also, related
from articles.models.columns import article_columns
from articles.models.published import published, published_params
from articles.models.section import SECTION_COLUMNS, joined_section
from authors.models import Author
from newsroom.links import url_for
from newsroom.sql import aware, placeholders, rows

# What every reader but the first reads: the page's article, if published, with the few
# columns shown around its stored parts, those parts in this language while they match it
# (models/rendering.py), and its Read also as kept while the published articles are as
# they were (models/read_also.py), with the number of changes they have seen.
PAGE = f"""
SELECT pa.id, pa.slug, pa.headline, pa.standfirst, pa.published_at, pa.revised_at,
  pa.section_id, r.head, r.main, ra.items, ps.changes
FROM articles_article pa
CROSS JOIN ({read_also.CHANGES}) ps
LEFT JOIN articles_rendering r ON r.article_id = pa.id AND r.language = %(language)s
  AND r.code = %(code)s AND r.version = pa.version AND r.generation = pa.generation
LEFT JOIN articles_readalso ra ON ra.article_id = pa.id AND ra.published_set = ps.changes
  AND ra.code = %(read_also_code)s AND (ra.valid_until IS NULL OR ra.valid_until > %(now)s)
WHERE pa.slug = %(slug)s AND {published("pa", "%(status)s", "%(now)s")}
"""

# The whole article with its section, when its parts are to be rendered.
ARTICLE = f"""
SELECT {{columns}}, {SECTION_COLUMNS}
FROM articles_article a JOIN articles_section s ON s.id = a.section_id
WHERE a.slug = %s AND {published("a")}
"""
# Written for search only: no page shows them.
SEARCH_COLUMNS = frozenset({"search_vector", "rank_vector", "search_tags", "search_authors"})

AUTHORS = """
SELECT au.* FROM authors_author au JOIN articles_byline b ON b.author_id = au.id
WHERE b.article_id = %s
ORDER BY b.position, b.id
"""

TAGS = """
SELECT g.content_object_id, t.id, t.name, t.slug
FROM taggit_tag t JOIN articles_tagging g ON g.tag_id = t.id
WHERE g.content_object_id IN ({articles})
ORDER BY g.content_object_id, g.id
"""


@dataclass
class Page:
    """An article's page: its parts (None until rendered) and what is shown around them."""

    pk: int
    slug: str
    headline: str
    standfirst: str
    published_at: datetime
    revised_at: datetime | None
    section_id: int
    head: str | None
    main: str | None
    related: list[related.Related]

    def get_absolute_url(self) -> str:
        return url_for("articles:detail", self.slug)

    @property
    def last_modified(self) -> datetime:
        return self.revised_at or self.published_at


def article_page(slug: str, language: str, code: str, request=None) -> Page | None:
    """The published article's page at this address, with the parts stored for `language` by
    the code version `code`, or None. With the page's request, read with the menu
    (parts.sections_with)."""
    from articles.html.parts import looked_up

    status, now = published_params()
    params = {
        "language": language,
        "code": code,
        "slug": slug,
        "status": status,
        "now": now,
        "read_also_code": read_also.CODE[connection.vendor],
    }
    found = looked_up(request, PAGE, params)
    if not found:
        return None
    pk, slug, headline, standfirst, published_at, revised_at, section_id, head, main = found[:9]
    read, changes = found[9:]
    if read is None:
        read = read_also.find(pk, changes, status, now)
    return Page(
        pk,
        slug,
        headline,
        standfirst,
        aware(published_at),
        revised_at and aware(revised_at),
        section_id,
        head and mark_safe(head),
        main and mark_safe(main),
        related.from_column(read),
    )


def published_article(slug: str):
    """The published article at this address with its section, or None."""
    from articles.models.article import Article

    statement = ARTICLE.format(columns=article_columns(SEARCH_COLUMNS))
    found = list(Article.objects.raw(statement, [slug, *published_params()]))
    if not found:
        return None
    article = found[0]
    article.section = joined_section(article)
    return article


def load_authors_and_tags(article) -> None:
    """Fill `byline_authors` and `tag_list`, which the page, its metadata and "Read also" use."""
    article.__dict__["byline_authors"] = list(Author.objects.raw(AUTHORS, [article.pk]))
    load_tags([article])


def load_tags(articles) -> None:
    """Fill each article's `tag_list` in one query."""
    tags = {article.pk: [] for article in articles}
    if tags:
        ids = list(tags)
        for article_id, pk, name, slug in rows(TAGS.format(articles=placeholders(ids)), ids):
            tags[article_id].append(Tag(pk=pk, name=name, slug=slug))
    for article in articles:
        article.__dict__["tag_list"] = tags[article.pk]
