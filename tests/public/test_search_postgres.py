"""PostgreSQL full-text search: French, accent-blind, weighted, ranked, highlighted, indexed."""

import pytest
from django.db import connection
from django.urls import reverse

from articles import workflow
from articles.models import Article
from tests.factories import ArticleFactory, AuthorFactory
from tests.public.changes import CARD_CHANGES, assert_change_shows
from tests.public.conftest import publish

pytestmark = pytest.mark.postgres
SEARCH = reverse("articles:search")


def found(client, query) -> list[int]:
    """The articles the search shows, by key."""
    return [result.pk for result in client.get(SEARCH, {"q": query}).context["articles"]]


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
    assert found(client, query) == [electors.pk]


def test_french_stemming(client, electors):
    assert found(client, "électeur vote") == [electors.pk]  # singular finds plural


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
    assert found(client, "cacao") == [head.pk, stand.pk, body.pk]


def cocoa_in_body(editor, day, body):
    from tests.public.conftest import PUBLISHED_AT

    article = ArticleFactory(headline="Marchés", body=body, authors=[AuthorFactory()])
    return publish(article, editor, when=PUBLISHED_AT.replace(day=day))


def test_the_body_finds_an_article_but_does_not_rank_it(client, editor):
    # Ranking reads the head's words only (rank_vector): the body's are out of line.
    repeated = cocoa_in_body(editor, 1, "<p>Cacao, cacao, cacao et encore cacao.</p>")
    once = cocoa_in_body(editor, 2, "<p>Le cacao.</p>")
    assert found(client, "cacao") == [once.pk, repeated.pk]  # newest first


def test_the_ranking_follows_the_head_as_it_changes(client, editor):
    older = cocoa_in_body(editor, 1, "<p>Le cacao.</p>")
    newer = cocoa_in_body(editor, 2, "<p>Le cacao.</p>")
    assert found(client, "cacao") == [newer.pk, older.pk]
    older.tags.add("Cacao")
    assert found(client, "cacao") == [older.pk, newer.pk]
    newer.headline = "Le cacao au plus haut"
    workflow.save_by(newer, editor)
    assert found(client, "cacao") == [newer.pk, older.pk]  # the headline above a tag


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
    workflow.save_by(electors, editor)
    assert found(client, "campagne") == [electors.pk]
    electors.tags.add("Diaspora")
    assert found(client, "diaspora") == [electors.pk]
    author = electors.authors.get()
    author.display_name = "Clémentine Ouattara"
    author.save()
    assert found(client, "clementine") == [electors.pk]


def test_the_search_index_exists(electors):
    with connection.cursor() as cursor:
        cursor.execute("SELECT indexdef FROM pg_indexes WHERE indexname = 'article_search_gin'")
        assert "gin (search_vector)" in cursor.fetchone()[0]


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
    assert found(client, "electeurs") == [electors.pk]
    assert Article.objects.filter(headline="Électeurs secrets").exists()


def test_the_newest_matches_are_ranked_and_the_older_follow_newest_first(
    client, editor, monkeypatch
):
    from articles import search
    from tests.public.conftest import PUBLISHED_AT

    def made(day, headline, body):
        article = ArticleFactory(headline=headline, body=body, authors=[AuthorFactory()])
        return publish(article, editor, when=PUBLISHED_AT.replace(day=day)).pk

    # Oldest first; the best match is the oldest of all.
    best_but_oldest = made(1, "Transhumance : la transhumance", "<p>Transhumance.</p>")
    older = made(2, "Élevage", "<p>Une transhumance.</p>")
    weak = made(3, "Élevage", "<p>Une transhumance.</p>")
    strong = made(4, "La transhumance reprend", "<p>Une transhumance.</p>")
    newest = made(5, "Élevage", "<p>Une transhumance.</p>")
    assert found(client, "transhumance")[0] == best_but_oldest  # all five ranked

    monkeypatch.setattr(search, "RANKED_MATCHES", 3)
    response = client.get(SEARCH, {"q": "transhumance"})
    shown = [result.pk for result in response.context["articles"]]
    assert shown == [strong, newest, weak, older, best_but_oldest]
    assert response.context["total"] == 5


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
    client.get(SEARCH)  # the menu, kept from then on
    for number, has_next in [(1, True), (2, True), (3, False)]:
        # The matches, their ranking, the page's rows, their bylines.
        with django_assert_num_queries(4):
            # The plural is found by its stem, which the excerpts mark too.
            response = client.get(SEARCH, {"q": "transhumances", "page": number})
        page = response.context["page_obj"]
        assert (page.number, page.has_next(), response.context["total"]) == (number, has_next, 5)
        html = response.content.decode()
        for result in page:
            article = next(a for a in five_matches if a.pk == result.pk)
            assert "<mark>" in result.excerpt  # every row shown has its excerpt
            assert article.headline in html
            assert str(article.bylines.get().author) in html  # with its byline
        seen += [result.pk for result in page]
    assert seen == [article.pk for article in five_matches]  # equal ranks: newest first, once


def test_a_page_beyond_the_results_shows_the_last_one(client, five_matches):
    response = client.get(SEARCH, {"q": "transhumance", "page": 99})
    assert response.context["page_obj"].number == 3
    assert [result.pk for result in response.context["articles"]] == [five_matches[4].pk]
    assert response.context["total"] == 5


def test_pages_stop_at_the_shown_matches(client, five_matches, monkeypatch):
    from articles import search

    monkeypatch.setattr(search, "RANKED_MATCHES", 1)
    monkeypatch.setattr(search, "SHOWN_MATCHES", 3)
    response = client.get(SEARCH, {"q": "transhumance", "page": 3})
    assert response.context["page_obj"].number == 2  # the third match is the last shown
    assert [result.pk for result in response.context["articles"]] == [five_matches[2].pk]
    assert not response.context["page_obj"].has_next()
    assert response.context["total"] == 5  # counted all the same


@pytest.mark.parametrize(
    ("change", "shown", "gone"), CARD_CHANGES, ids=lambda c: getattr(c, "__name__", "")
)
def test_a_result_shows_a_change_to_its_card_at_once(client, story, change, shown, gone):
    def read():
        return client.get(SEARCH, {"q": "russie"}).content.decode()

    assert_change_shows(read, story, change, shown, gone)
