"""The reader's lists: published articles newest first, the whole site's or a section's, an
author's or a tag's. Section, author and tag pages and every feed read them.

Fixed statements (newsroom/sql.py), in the shapes the ORM wrote, so the plans are the same:
through the ORM, composing a list's statement cost more CPU than running it. An Archive is
sliced and counted like a queryset, so the pages' paginator takes it as it is.
"""

from articles.html import card_store
from articles.models.columns import CARD_COLUMNS
from articles.models.published import published, published_params
from articles.models.section import SECTION_COLUMNS, joined_section
from newsroom.sql import rows

ARTICLES = "articles_article a"
ORDER = "a.published_at DESC, a.created_at DESC"

PAGE = f"""
SELECT {CARD_COLUMNS}, {SECTION_COLUMNS}
FROM {{source}} JOIN articles_section s ON s.id = a.section_id
WHERE {published("a")}{{condition}}
ORDER BY {{order}}
LIMIT %s OFFSET %s
"""

# A page of the list as cards (articles/html/card_store.py).
CARDS = card_store.card_statement(
    f"""
SELECT {card_store.ARTICLE_COLUMNS}
FROM {{source}}
WHERE {published("a")}{{condition}}
ORDER BY {{order}}
LIMIT %s OFFSET %s""",
    ORDER,
)

COUNT = f"""
SELECT count(*) FROM {{source}} WHERE {published("a")}{{condition}}
"""

IN_SECTION = " AND a.section_id = %s"
# An author's articles are read from their bylines, newest first, on the bylines' own copy
# of the publication time (migration 0015): one plan for every author, reading one index
# entry a row shown. The article's own columns still decide what is published.
BY_AUTHOR = (
    "articles_byline b JOIN articles_article a ON a.id = b.article_id",
    " AND b.author_id = %s AND b.published_at IS NOT NULL",
    "b.published_at DESC, a.created_at DESC",
)
# A tag's articles likewise, from its taggings' copy of the publication time (migration 0018).
BY_TAG = (
    "articles_tagging g JOIN articles_article a ON a.id = g.content_object_id",
    " AND g.tag_id = %s AND g.published_at IS NOT NULL",
    "g.published_at DESC, a.created_at DESC",
)


class Archive:
    """Published articles newest first, where `condition` holds (on `source`, which names
    the article table `a`). `prepared`: whether one plan serves every value of its
    parameters (newsroom/sql.py); by default, only the whole site's."""

    def __init__(self, condition="", params=(), *, source=ARTICLES, order=ORDER, prepared=None):
        self.condition, self.params = condition, list(params)
        self.source, self.order = source, order
        self.prepared = not condition if prepared is None else prepared

    @classmethod
    def of_section(cls, section):
        # A section's newest come from one index, for a section of 3 articles or 30,000.
        return cls(IN_SECTION, [section.pk], prepared=True)

    @classmethod
    def by_author(cls, author):
        source, condition, order = BY_AUTHOR
        return cls(condition, [author.pk], source=source, order=order, prepared=True)

    @classmethod
    def tagged(cls, tag):
        source, condition, order = BY_TAG
        return cls(condition, [tag.pk], source=source, order=order, prepared=True)

    def statement(self, template: str, **more) -> str:
        """A statement of this list, from its template's {source}, {condition} and {order}."""
        return template.format(
            source=self.source, condition=self.condition, order=self.order, **more
        )

    def __getitem__(self, window: slice) -> list:
        """These articles, with their sections and the authors their cards credit."""
        from articles.models.article import Article, credit_authors

        start = window.start or 0
        params = [*published_params(), *self.params, window.stop - start, start]
        articles = list(Article.objects.raw(self.statement(PAGE), params))
        for article in articles:
            article.section = joined_section(article)
        credit_authors(articles)
        return articles

    def cards(self) -> "ArchiveCards":
        return ArchiveCards(
            self.condition,
            self.params,
            source=self.source,
            order=self.order,
            prepared=self.prepared,
        )

    def count(self) -> int:
        return rows(self.statement(COUNT), [*published_params(), *self.params])[0][0]


class ArchiveCards(Archive):
    """The same list, as the cards its pages show."""

    def __getitem__(self, window: slice) -> list:
        start = window.start or 0
        params = [*published_params(), *self.params, window.stop - start, start]
        return card_store.cards(
            self.statement(CARDS),
            [*params, *card_store.join_params()],
            prepared=self.prepared,
        )
