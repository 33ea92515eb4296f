"""Search: across headline, standfirst, body, tags and authors; never an error."""

import html as html_module
import re

import pytest
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.factories import ArticleFactory, AuthorFactory
from tests.public.conftest import PUBLISHED_AT, publish

SEARCH = reverse("articles:search")


@pytest.fixture
def corpus(editor, security):
    signed = AuthorFactory(display_name="Mariama Bâ")
    articles = {
        "headline": ArticleFactory(headline="Le cacao en hausse", authors=[AuthorFactory()]),
        "standfirst": ArticleFactory(
            standfirst="Les planteurs de cajou", authors=[AuthorFactory()]
        ),
        "body": ArticleFactory(body="<p>Les électeurs de Bouaké</p>", authors=[AuthorFactory()]),
        "tag": ArticleFactory(authors=[AuthorFactory()]),
        "author": ArticleFactory(authors=[signed]),
    }
    articles["tag"].tags.add("Transhumance")
    return {kind: publish(article, editor) for kind, article in articles.items()}


@pytest.mark.parametrize(
    ("kind", "query"),
    [
        ("headline", "cacao"),
        ("standfirst", "CAJOU"),
        ("body", "électeurs Bouaké"),
        ("tag", "transhumance"),
        ("author", "Mariama"),
    ],
)
def test_search_finds_each_field(client, corpus, kind, query):
    response = client.get(SEARCH, {"q": query})
    assert [result.pk for result in response.context["articles"]] == [corpus[kind].pk]
    assert f'value="{query}"' in response.content.decode()  # the query stays in the box


def test_search_never_finds_hidden_articles(client, corpus, hidden_articles):
    response = client.get(SEARCH, {"q": "zanzibar"})
    assert list(response.context["articles"]) == []


HOSTILE = [
    "",
    "   ",
    "'; DROP TABLE articles_article; --",
    '"quoted" AND (NOT x) | y & z:*',
    "100%_sure\\",
    "nul\x00byte",
    "a" * 10_000,
    "<script>alert(1)</script>",
]


@pytest.mark.parametrize("query", HOSTILE)
def test_hostile_queries_give_a_normal_page(client, corpus, query):
    response = client.get(SEARCH, {"q": query})
    assert response.status_code == 200
    assert "<script>alert(1)</script>" not in response.content.decode()


def test_percent_and_underscore_are_literal(client, corpus):
    assert list(client.get(SEARCH, {"q": "%"}).context["articles"]) == []
    assert list(client.get(SEARCH, {"q": "_"}).context["articles"]) == []


def test_search_box_is_on_every_page(client, corpus):
    for url in ("/", corpus["tag"].get_absolute_url(), "/contact/"):
        html = client.get(url).content.decode()
        assert 'role="search"' in html
        assert '<label class="visually-hidden" for="site-search-q">' in html


def test_search_page_box_keeps_the_query_escaped_and_cut(client, db):
    html = client.get(SEARCH, {"q": '"><script>' + "x" * 300}).content.decode()
    assert "<script>x" not in html
    box = re.search(r'<input type="search" name="q" value="([^"]*)"[^>]*id="site-search-q"', html)
    assert html_module.unescape(box[1]) == '"><script>' + "x" * 190  # 200 characters at most
    assert html.count('role="search"') == 2  # the header's box and the page's own


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(query=st.text(max_size=300))
def test_any_query_gives_a_page(client, db, query):
    assert client.get(SEARCH, {"q": query}).status_code == 200


def test_excerpt_marks_the_words_and_escapes_the_text(client, editor):
    from tests.factories import ArticleFactory

    article = ArticleFactory(
        standfirst="Résumé.",
        body="<p>Avant &lt;b&gt;gras&lt;/b&gt; puis le barrage de Kossou déborde.</p>",
        authors=[AuthorFactory()],
    )
    publish(article, editor)
    html = client.get(SEARCH, {"q": "Kossou"}).content.decode()
    assert "<mark>Kossou</mark>" in html
    assert "<b>gras" not in html
    # A result is a card: its headline a heading under the page's, then meta and excerpt.
    card = re.search(r'<article class="card">(.*?)</article>', html, re.S).group(1)
    heading = f'<h2 class="card-title"><a href="{article.get_absolute_url()}">'
    assert card.strip().startswith(heading)
    assert re.search(
        r'<p class="card-meta">.*</p>\s*<p class="excerpt">.*<mark>Kossou</mark>', card
    )


def test_a_page_shows_ten_results_and_links_to_the_next(client, editor):
    made = [
        publish(
            ArticleFactory(headline=f"Transhumance {day}", authors=[AuthorFactory()]),
            editor,
            when=PUBLISHED_AT.replace(day=day),
        )
        for day in range(1, 12)
    ]
    response = client.get(SEARCH, {"q": "transhumance"})
    assert [result.pk for result in response.context["articles"]] == [a.pk for a in made[:0:-1]]
    assert response.context["total"] == 11
    assert 'rel="next" href="?q=transhumance&amp;page=2"' in response.content.decode()
    second = client.get(SEARCH, {"q": "transhumance", "page": "2"})
    assert [result.pk for result in second.context["articles"]] == [made[0].pk]


def test_results_are_counted_up_to_a_bound(client, editor, monkeypatch):
    from articles import search

    for day in range(1, 6):
        article = ArticleFactory(headline=f"Transhumance {day}", authors=[AuthorFactory()])
        publish(article, editor, when=PUBLISHED_AT.replace(day=day))
    html = client.get(SEARCH, {"q": "transhumance"}).content.decode()
    assert "5 résultats pour «\xa0transhumance\xa0»" in html
    monkeypatch.setattr(search, "COUNTED_MATCHES", 3)
    response = client.get(SEARCH, {"q": "transhumance"})
    assert response.context["total"] == 3 and response.context["more"] is True
    assert "Plus de 3 résultats" in response.content.decode()
    assert len(response.context["articles"]) == 5  # the bound is on counting, not on results
