"""Search on SQLite: blind to accents and case as PostgreSQL's is (newsroom/folding.py)."""

import pytest
from django.db import connection
from django.urls import reverse

from newsroom.folding import fold
from tests.factories import ArticleFactory, AuthorFactory
from tests.public.conftest import publish

SEARCH = reverse("articles:search")
sqlite_only = pytest.mark.skipif(
    connection.vendor != "sqlite",
    reason="PostgreSQL searches through its french_unaccent configuration "
    "(test_search_postgres.py)",
)


def found(client, query) -> list[int]:
    """The articles the search shows, by key."""
    return [result.pk for result in client.get(SEARCH, {"q": query}).context["articles"]]


@pytest.fixture
def accented(editor):
    articles = {
        "security": ArticleFactory(
            headline="La sécurité renforcée à Bouaké", authors=[AuthorFactory()]
        ),
        "school": ArticleFactory(
            headline="Rentrée", standfirst="ÉCOLE et École normale.", authors=[AuthorFactory()]
        ),
        "work": ArticleFactory(
            headline="Culture",
            body="<p>Une œuvre de Frédéric Bruly Bouabré.</p>",
            authors=[AuthorFactory()],
        ),
        "tag": ArticleFactory(headline="Cantine", authors=[AuthorFactory()]),
        "author": ArticleFactory(
            headline="Chronique", authors=[AuthorFactory(display_name="Aïcha Traoré")]
        ),
    }
    articles["tag"].tags.add("Éducation")
    return {kind: publish(article, editor) for kind, article in articles.items()}


@sqlite_only
@pytest.mark.parametrize(
    ("query", "kind"),
    [
        ("securite", "security"),
        ("SÉCURITÉ", "security"),
        ("Securite renforcee", "security"),
        ("ecole", "school"),
        ("école", "school"),
        ("oeuvre", "work"),
        ("ŒUVRE", "work"),
        ("frederic", "work"),
        ("education", "tag"),
        ("aicha traore", "author"),
        ("AÏCHA", "author"),
    ],
)
def test_accents_and_case_are_ignored(client, accented, query, kind):
    assert found(client, query) == [accented[kind].pk]


@sqlite_only
@pytest.mark.parametrize("query", ["securites", "écoles", "oeuvres", "aicha diallo", "cacao"])
def test_a_word_that_is_not_there_finds_nothing(client, accented, query):
    assert found(client, query) == []


@sqlite_only
def test_the_excerpt_marks_the_word_however_it_is_written(client, accented):
    html = client.get(SEARCH, {"q": "ecole"}).content.decode()
    assert "<mark>ÉCOLE</mark> et <mark>École</mark> normale." in html
    html = client.get(SEARCH, {"q": "OEUVRE bruly"}).content.decode()
    assert "Une <mark>œuvre</mark> de Frédéric <mark>Bruly</mark> Bouabré." in html


@pytest.mark.parametrize(
    "query", ["nul\x00byte", "\x00", "%", "_", "\\", "%é_\\", "é" * 200, "\u0301", "¨" * 200]
)
def test_hostile_queries_give_a_normal_page(client, accented, query):
    response = client.get(SEARCH, {"q": query})
    assert response.status_code == 200
    assert list(response.context["articles"]) == []


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("Sécurité", "securite"),
        ("ÉCOLE", "ecole"),
        ("Œuvre, cœur, Ætna", "oeuvre, coeur, aetna"),
        ("Aïcha Traoré", "aicha traore"),
        ("Straße", "strasse"),
        ("ﬁn", "fin"),
        ("Москва́", "москва"),
        ("plain ASCII", "plain ascii"),
    ],
)
def test_fold_lowers_and_drops_accents(text, folded):
    assert fold(text) == folded
