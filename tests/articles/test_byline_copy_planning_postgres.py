"""The triggers that keep bylines' copy of the publication time are planned for the table as
it is, not as it was when the connection first ran them (articles/migrations/_byline_triggers.py).
"""

import pytest
from django.db import connection

from articles.models import Article, Byline, Status
from tests.factories import ArticleFactory, AuthorFactory, SectionFactory

pytestmark = pytest.mark.postgres


def byline_scans() -> tuple[int, int]:
    """This transaction's (sequential, index) scans of the bylines' table."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT seq_scan, coalesce(idx_scan, 0) FROM pg_stat_xact_user_tables"
            " WHERE relname = 'articles_byline'"
        )
        return cursor.fetchone()


def test_an_article_insert_reads_its_bylines_by_index_once_they_are_many(db):
    with connection.cursor() as cursor:
        cursor.execute("SHOW plan_cache_mode")
        assert cursor.fetchone()[0] == "force_generic_plan"  # as the site's connections
    ArticleFactory()  # the trigger's statement first runs on a table of a few bylines
    section = SectionFactory()
    articles = Article.objects.bulk_create(
        Article(headline=f"Dépêche {i}", slug=f"depeche-{i}", section=section) for i in range(400)
    )
    authors = [AuthorFactory() for _ in range(10)]
    Byline.objects.bulk_create(
        Byline(article=article, author=author, position=0)
        for article in articles
        for author in authors
    )
    before = byline_scans()
    Article.objects.create(
        headline="Une de plus", slug="une-de-plus", section=section, status=Status.DRAFT
    )
    sequential, indexed = (now - then for now, then in zip(byline_scans(), before, strict=True))
    assert sequential == 0 and indexed >= 1
