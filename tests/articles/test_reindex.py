"""Refreshing articles' search fields (articles/search.py reindex): for a tag renamed or
merged, an author renamed, on every article that carries them, in a bounded number of
statements."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from articles import search
from articles.models import Article
from tests.factories import ArticleFactory, AuthorFactory

pytestmark = pytest.mark.django_db


def statements(ids) -> int:
    with CaptureQueriesContext(connection) as queries:
        search.reindex(ids)
    return len(queries)


def test_each_article_gets_its_own_tags_and_authors_in_their_order():
    first, second = AuthorFactory(display_name="Awa Traoré"), AuthorFactory(display_name="Koffi")
    both = ArticleFactory(authors=[second, first])
    both.tags.add("Sahel", "Cacao")
    alone = ArticleFactory(authors=[first])
    Article.objects.update(search_tags="", search_authors="")
    search.reindex([both.pk, alone.pk, both.pk])
    found = dict(Article.objects.values_list("pk", "search_authors"))
    assert found == {both.pk: "Koffi Awa Traoré", alone.pk: "Awa Traoré"}
    tags = dict(Article.objects.values_list("pk", "search_tags"))
    assert sorted(tags[both.pk].split()) == ["Cacao", "Sahel"] and tags[alone.pk] == ""


def test_the_statements_do_not_grow_with_the_articles(monkeypatch):
    author = AuthorFactory()
    articles = [ArticleFactory(authors=[author]) for _ in range(6)]
    for article in articles:
        article.tags.add("Sahel")
    ids = [article.pk for article in articles]
    assert statements(ids[:2]) == statements(ids)
    monkeypatch.setattr(search, "REINDEX_BATCH", 3)
    assert statements(ids) == 2 * statements(ids[:2])  # two batches of three
