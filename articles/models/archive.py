"""The reader's lists: published articles newest first, the whole site's or a section's, an
author's or a tag's. Section, author and tag pages and every feed read them.

Fixed statements (newsroom/sql.py), in the shapes the ORM wrote, so the plans are the same:
through the ORM, composing a list's statement cost more CPU than running it. An Archive is
sliced and counted like a queryset, so the pages' paginator takes it as it is.
"""

from django.contrib.contenttypes.models import ContentType

from articles.html import card_store
from articles.models.columns import CARD_COLUMNS
from articles.models.published import published, published_params
from articles.models.section import SECTION_COLUMNS, joined_section
from newsroom.sql import rows

PAGE = f"""
SELECT {CARD_COLUMNS}, {SECTION_COLUMNS}
FROM articles_article a JOIN articles_section s ON s.id = a.section_id
WHERE {published("a")}{{condition}}
ORDER BY a.published_at DESC, a.created_at DESC
LIMIT %s OFFSET %s
"""

# A page of the list as cards (articles/html/card_store.py).
ORDER = "a.published_at DESC, a.created_at DESC"
CARDS = card_store.card_statement(
    f"""
SELECT {card_store.ARTICLE_COLUMNS}
FROM articles_article a
WHERE {published("a")}{{condition}}
ORDER BY {ORDER}
LIMIT %s OFFSET %s""",
    ORDER,
)

COUNT = f"""
SELECT count(*) FROM articles_article a WHERE {published("a")}{{condition}}
"""

IN_SECTION = " AND a.section_id = %s"
# An IN on the author's bylines and on the tag's taggings, read from their own indexes. A
# join through taggit's generic relation casts each tagging's object_id to compare it, and
# so cannot use an index: 180 ms for a tag carried by 20,000 of 100,000 articles.
BY_AUTHOR = " AND a.id IN (SELECT b.article_id FROM articles_byline b WHERE b.author_id = %s)"
TAGGED = (
    " AND a.id IN (SELECT i.object_id FROM taggit_taggeditem i"
    " WHERE i.content_type_id = %s AND i.tag_id = %s)"
)


class Archive:
    def __init__(self, condition: str = "", params=()):
        self.condition, self.params = condition, list(params)

    @classmethod
    def of_section(cls, section):
        return cls(IN_SECTION, [section.pk])

    @classmethod
    def by_author(cls, author):
        return cls(BY_AUTHOR, [author.pk])

    @classmethod
    def tagged(cls, tag):
        from articles.models.article import Article

        return cls(TAGGED, [ContentType.objects.get_for_model(Article).pk, tag.pk])

    def __getitem__(self, window: slice) -> list:
        """These articles, with their sections and the authors their cards credit."""
        from articles.models.article import Article, credit_authors

        start = window.start or 0
        statement = PAGE.format(condition=self.condition)
        params = [*published_params(), *self.params, window.stop - start, start]
        articles = list(Article.objects.raw(statement, params))
        for article in articles:
            article.section = joined_section(article)
        credit_authors(articles)
        return articles

    def cards(self) -> "ArchiveCards":
        return ArchiveCards(self.condition, self.params)

    def count(self) -> int:
        statement = COUNT.format(condition=self.condition)
        return rows(statement, [*published_params(), *self.params])[0][0]


class ArchiveCards(Archive):
    """The same list, as the cards its pages show."""

    def __getitem__(self, window: slice) -> list:
        start = window.start or 0
        statement = CARDS.format(condition=self.condition)
        params = [*published_params(), *self.params, window.stop - start, start]
        return card_store.cards(statement, [*params, *card_store.join_params()])
