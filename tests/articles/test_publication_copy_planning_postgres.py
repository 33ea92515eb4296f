"""The triggers that keep bylines' and taggings' copy of the publication time are planned for
the table as it is, not as it was when the connection first ran them
(articles/migrations/_publication_copies.py).
"""

import pytest
from django.db import connection
from taggit.models import Tag

from articles.models import Article, Byline, Status, Tagging
from tests.factories import ArticleFactory, AuthorFactory, SectionFactory

pytestmark = pytest.mark.postgres


def scans(table: str) -> tuple[int, int]:
    """This transaction's (sequential, index) scans of the table."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT seq_scan, coalesce(idx_scan, 0) FROM pg_stat_xact_user_tables"
            " WHERE relname = %s",
            [table],
        )
        return cursor.fetchone()


def bylines(articles):
    authors = [AuthorFactory() for _ in range(10)]
    Byline.objects.bulk_create(
        Byline(article=article, author=author, position=0)
        for article in articles
        for author in authors
    )


def taggings(articles):
    tags = [Tag.objects.create(name=f"Sujet {i}") for i in range(10)]
    Tagging.objects.bulk_create(
        Tagging(content_object=article, tag=tag) for article in articles for tag in tags
    )


@pytest.mark.parametrize(
    ("table", "write_many"), [("articles_byline", bylines), ("articles_tagging", taggings)]
)
def test_an_article_insert_reads_its_rows_by_index_once_they_are_many(db, table, write_many):
    with connection.cursor() as cursor:
        cursor.execute("SHOW plan_cache_mode")
        assert cursor.fetchone()[0] == "force_generic_plan"  # as the site's connections
    ArticleFactory().tags.add("Premier")  # the triggers first run on a table of a few rows
    section = SectionFactory()
    articles = Article.objects.bulk_create(
        Article(headline=f"Dépêche {i}", slug=f"depeche-{i}", section=section) for i in range(400)
    )
    write_many(articles)
    before = scans(table)
    Article.objects.create(
        headline="Une de plus", slug="une-de-plus", section=section, status=Status.DRAFT
    )
    sequential, indexed = (now - then for now, then in zip(scans(table), before, strict=True))
    assert sequential == 0 and indexed >= 1
