"""PostgreSQL full-text search: French, accent-blind, weighted, ranked, highlighted, indexed."""

import re

import pytest
from django.db import connection
from django.urls import reverse

from articles.models import Article
from tests.factories import ArticleFactory, AuthorFactory
from tests.public.conftest import publish

pytestmark = pytest.mark.postgres
SEARCH = reverse("articles:search")


def found(client, query):
    return list(client.get(SEARCH, {"q": query}).context["articles"])


@pytest.fixture
def electors(editor):
    article = ArticleFactory(
        headline="Législatives : les électeurs appelés aux urnes",
        body="<p>Les bureaux de vote ouvriront à sept heures à Abidjan.</p>",
        authors=[AuthorFactory(display_name="Évariste Zoungrana")],
    )
    article.tags.add("Élections")
    return publish(article, editor)


@pytest.mark.parametrize(
    "query", ["electeurs", "ÉLECTEUR", "legislatives", "evariste", "elections"]
)
def test_accents_and_case_are_ignored(client, electors, query):
    assert found(client, query) == [electors]


def test_french_stemming(client, electors):
    assert found(client, "électeur vote") == [electors]  # singular finds plural


def test_headline_ranks_above_standfirst_above_body(client, editor):
    body = publish(
        ArticleFactory(headline="Autre", body="<p>Le cacao monte.</p>", authors=[AuthorFactory()]),
        editor,
    )
    head = publish(
        ArticleFactory(headline="Le cacao au plus haut", authors=[AuthorFactory()]), editor
    )
    stand = publish(
        ArticleFactory(
            headline="Marchés", standfirst="Le cacao progresse.", authors=[AuthorFactory()]
        ),
        editor,
    )
    assert found(client, "cacao") == [head, stand, body]


def test_excerpt_is_highlighted_and_escaped(client, editor):
    article = ArticleFactory(
        headline="Sécurité",
        standfirst="Un résumé.",
        body="<p>Le texte &lt;script&gt;alert(1)&lt;/script&gt; parle de la frontière nord.</p>",
        authors=[AuthorFactory()],
    )
    publish(article, editor)
    html = client.get(SEARCH, {"q": "frontiere"}).content.decode()
    assert "<mark>frontière</mark>" in html
    assert "<script>alert" not in html


def test_index_is_kept_current_on_every_save(client, electors, editor):
    electors.headline = "Présidentielle : la campagne commence"
    electors.save_by(editor)
    assert found(client, "campagne") == [electors]
    electors.tags.add("Diaspora")
    assert found(client, "diaspora") == [electors]
    author = electors.authors.get()
    author.display_name = "Clémentine Ouattara"
    author.save()
    assert found(client, "clementine") == [electors]


def test_gin_index_exists_and_serves_the_query(electors):
    with connection.cursor() as cursor:
        cursor.execute("SELECT indexdef FROM pg_indexes WHERE indexname = 'article_search_gin'")
        assert "gin (search_vector)" in cursor.fetchone()[0]
        cursor.execute("SET enable_seqscan = off")
        cursor.execute(
            "EXPLAIN SELECT id FROM articles_article WHERE search_vector @@ "
            "websearch_to_tsquery('french_unaccent', 'electeurs')"
        )
        plan = " ".join(row[0] for row in cursor.fetchall())
        cursor.execute("SET enable_seqscan = on")
    assert "article_search_gin" in plan


@pytest.mark.parametrize(
    "query",
    [
        '"unterminated',
        "a & | ! ( ) <-> b:*",
        "'; SELECT 1; --",
        "\\",
        "%_",
        "x\x00y",
        "z" * 10_000,
        "-",
    ],
)
def test_hostile_input_on_postgres(client, electors, query):
    assert client.get(SEARCH, {"q": query}).status_code == 200


def test_drafts_are_never_found(client, electors, journalist):
    ArticleFactory(headline="Électeurs secrets", authors=[journalist.author_profile])
    assert found(client, "electeurs") == [electors]
    assert Article.objects.filter(headline="Électeurs secrets").exists()


def test_only_the_newest_matches_are_ranked(client, editor, monkeypatch):
    from articles import search
    from tests.public.conftest import PUBLISHED_AT

    made = []
    for day in range(1, 4):
        article = ArticleFactory(headline=f"Transhumance {day}", authors=[AuthorFactory()])
        made.append(publish(article, editor, when=PUBLISHED_AT.replace(day=day)))
    monkeypatch.setattr(search, "RANKED_MATCHES", 2)
    response = client.get(SEARCH, {"q": "transhumance"})
    assert set(response.context["articles"]) == {made[1], made[2]}
    assert response.context["total"] == 3  # counted all the same


@pytest.fixture
def five_matches(editor, monkeypatch):
    """Five matches, newest first in `made`, on pages of two."""
    from articles.views.search import SearchView
    from tests.public.conftest import PUBLISHED_AT

    monkeypatch.setattr(SearchView, "paginate_by", 2)
    made = []
    for day in range(5, 0, -1):
        article = ArticleFactory(
            headline=f"Transhumance {day}",
            body=f"<p>La transhumance du jour {day} traverse la frontière.</p>",
            authors=[AuthorFactory(display_name=f"Auteur {day}")],
        )
        made.append(publish(article, editor, when=PUBLISHED_AT.replace(day=day)))
    return made


def test_pages_of_ranked_results(client, five_matches, django_assert_num_queries):
    seen = []
    for number, has_next in [(1, True), (2, True), (3, False)]:
        # The plural is found by its stem, which only the database's excerpts mark.
        with django_assert_num_queries(3):  # results and count, bylines, navigation
            response = client.get(SEARCH, {"q": "transhumances", "page": number})
        page = response.context["page_obj"]
        assert (page.number, page.has_next(), response.context["total"]) == (number, has_next, 5)
        for article in page:
            assert "<mark>" in article.excerpt_html  # every row shown has its excerpt
            assert article.credits[0].name in response.content.decode()  # and its byline
        seen += page.object_list
    assert seen == five_matches  # equal ranks: newest first, each once


def test_a_page_beyond_the_results_shows_the_last_one(client, five_matches):
    response = client.get(SEARCH, {"q": "transhumance", "page": 99})
    assert response.context["page_obj"].number == 3
    assert list(response.context["articles"]) == five_matches[4:]
    assert response.context["total"] == 5


def test_pages_stop_at_the_ranked_matches(client, five_matches, monkeypatch):
    from articles import search

    monkeypatch.setattr(search, "RANKED_MATCHES", 3)
    response = client.get(SEARCH, {"q": "transhumance", "page": 3})
    assert response.context["page_obj"].number == 2  # the third match is the last shown
    assert list(response.context["articles"]) == five_matches[2:3]
    assert not response.context["page_obj"].has_next()
    assert response.context["total"] == 5  # counted all the same


def test_the_planner_sees_the_words_searched(client, five_matches):
    """The matches are found with the query written out, so PostgreSQL can tell a common
    word from a rare one: for "croissance", in 91% of 100,000 articles, it then walks the
    archive newest first (14 ms) instead of reading every match (57 ms)."""
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        client.get(SEARCH, {"q": "transhumance"})
    statement = next(q["sql"] for q in queries if "ts_rank" in q["sql"])
    with connection.cursor() as cursor:
        cursor.execute("EXPLAIN " + statement)
        plan = "\n".join(row[0] for row in cursor.fetchall())
    assert re.search(r"search_vector @@ '[^\n]*transhum[^\n]*'::tsquery", plan), plan
