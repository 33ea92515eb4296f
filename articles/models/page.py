"""What an article's page shows: the article and its section, its authors and its tags.

Fixed statements (newsroom/sql.py): through the ORM, the article with its section cost
0.8 ms of CPU against 0.3 ms; a prefetch of bylines with their authors, and of tags, 1.6 ms
against 0.4 ms; and taggit's prefetch for a feed of 50 items took half the feed's time
(bench/profile_page.py).
"""

from django.contrib.contenttypes.models import ContentType
from taggit.models import Tag

from articles.models.columns import article_columns
from articles.models.published import published, published_params
from articles.models.section import SECTION_COLUMNS, joined_section
from authors.models import Author
from newsroom.sql import placeholders, rows

# The page's article: what Article.objects.published() lets through, with its section.
ARTICLE = f"""
SELECT {{columns}}, {SECTION_COLUMNS}
FROM articles_article a JOIN articles_section s ON s.id = a.section_id
WHERE a.slug = %s AND {published("a")}
"""
# Written for search only: no page shows them.
SEARCH_COLUMNS = frozenset({"search_vector", "search_tags", "search_authors"})

AUTHORS = """
SELECT au.* FROM authors_author au JOIN articles_byline b ON b.author_id = au.id
WHERE b.article_id = %s
ORDER BY b.position, b.id
"""

TAGS = """
SELECT i.object_id, t.id, t.name, t.slug
FROM taggit_tag t JOIN taggit_taggeditem i ON i.tag_id = t.id
WHERE i.content_type_id = %s AND i.object_id IN ({articles})
ORDER BY i.object_id, i.id
"""


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
        content_type = ContentType.objects.get_for_model(type(articles[0])).pk
        for article_id, pk, name, slug in rows(
            TAGS.format(articles=placeholders(ids)), [content_type, *ids]
        ):
            tags[article_id].append(Tag(pk=pk, name=name, slug=slug))
    for article in articles:
        article.__dict__["tag_list"] = tags[article.pk]
