"""A search result's excerpt on PostgreSQL: written from the passage of the article's text
that holds most of the reader's words, wherever it is (articles/excerpts.py)."""

import pytest
from django.db import connection
from django.urls import reverse

from articles import workflow
from articles.demo import reference
from articles.excerpts import stem, tokens
from tests.factories import ArticleFactory, AuthorFactory
from tests.public.conftest import publish

pytestmark = pytest.mark.postgres
SEARCH = reverse("articles:search")
FILLER = "Les pluies de saison ont rempli les barrages du pays cette semaine. " * 60


def excerpts(client, query) -> dict[int, str]:
    response = client.get(SEARCH, {"q": query})
    return {result.pk: result.excerpt for result in response.context["articles"]}


def published(editor, body, standfirst="Un résumé."):
    article = ArticleFactory(
        headline="Chronique", standfirst=standfirst, body=body, authors=[AuthorFactory()]
    )
    return publish(article, editor)


def test_a_word_deep_in_the_text_is_shown_and_marked(client, editor):
    article = published(editor, f"<p>{FILLER}</p><p>Le convoi a franchi la frontière.</p>")
    assert len(article.body_text) > 4000
    excerpt = excerpts(client, "frontiere")[article.pk]
    assert "<mark>frontière</mark>" in excerpt
    assert excerpt.startswith("… ")  # not the start of the text


def test_the_passage_with_most_of_the_words_is_chosen(client, editor):
    first = "Le cacao est cher. " * 25  # one of the words, early
    both = "Le cacao attend au port de San Pedro. "
    article = published(editor, f"<p>{first}</p><p>{FILLER}</p><p>{both}</p>")
    excerpt = excerpts(client, "cacao port")[article.pk]
    assert "<mark>port</mark>" in excerpt and "<mark>cacao</mark>" in excerpt


def test_words_in_different_passages_are_each_marked(client, editor):
    """The article holds both words, no passage does: the excerpt still marks one."""
    article = published(
        editor, f"<p>{FILLER}</p><p>Le cacao attend.</p><p>{FILLER}</p><p>Au port.</p>"
    )
    assert "<mark>" in excerpts(client, "cacao port")[article.pk]


def test_a_match_in_the_standfirst_starts_at_the_start(client, editor):
    article = published(editor, f"<p>{FILLER}</p>", standfirst="La frontière rouvre.")
    excerpt = excerpts(client, "frontiere")[article.pk]
    assert "<mark>frontière</mark> rouvre." in excerpt
    assert not excerpt.startswith("…")


def test_a_result_found_by_its_headline_shows_the_start(client, editor):
    article = published(editor, f"<p>{FILLER}</p>", standfirst="Rien ici.")
    excerpt = excerpts(client, "chronique")[article.pk]
    assert excerpt.startswith("Rien ici.")


def test_an_edit_shows_in_the_excerpts_at_once(client, editor):
    article = published(editor, f"<p>{FILLER}</p><p>Le convoi a franchi la frontière.</p>")
    article.body = f"<p>{FILLER}</p><p>{FILLER}</p><p>La transhumance reprend.</p>"
    workflow.save_by(article, editor)
    assert "<mark>transhumance</mark>" in excerpts(client, "transhumance")[article.pk]
    assert article.pk not in excerpts(client, "frontiere")


def test_a_correction_never_shows_the_old_wording(client, editor):
    """Whatever writes the text, the excerpt is cut from the text as it is now."""
    article = published(editor, f"<p>{FILLER}</p><p>Le ministre a démissionné hier.</p>")
    corrected = article.body_text.replace("démissionné", "été limogé")
    type(article).objects.filter(pk=article.pk).update(body_text=corrected)
    excerpt = excerpts(client, "ministre")[article.pk]
    assert "démissionné" not in excerpt and "<mark>ministre</mark> a été limogé" in excerpt
    assert excerpt.startswith("… ")  # found deep in the whole text


@pytest.mark.parametrize("query", ['"franchi la"', "frontiere -pluies", "convoi OR zzz", "é"])
def test_query_syntax_gives_a_page(client, editor, query):
    published(editor, f"<p>{FILLER}</p><p>Le convoi a franchi la frontière.</p>")
    assert client.get(SEARCH, {"q": query}).status_code == 200


@pytest.mark.django_db
def test_the_excerpts_stem_words_as_the_index_does():
    """Python marks by the stems the database's french_unaccent configuration writes."""
    more = ["chevaux", "marchés", "sécuritaires", "Côte-d'Ivoire", "transhumances", "CŒUR"]
    words = tokens([reference.HEADLINE, *map(str, reference.BLOCKS), *more])  # a real page's
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT word, tsvector_to_array(to_tsvector('french_unaccent', word))"
            " FROM unnest(%s::text[]) word",
            [words],
        )
        lexemes = dict(cursor.fetchall())
    indexed = {word: found[0] for word, found in lexemes.items() if found}  # not stop words
    assert len(indexed) > 150
    assert {word: stem(word) for word in indexed} == indexed


def test_stop_words_are_not_marked(client, editor):
    article = published(editor, "<p>La frontière de la ville rouvre.</p>")
    excerpt = excerpts(client, "la frontiere")[article.pk]
    assert "<mark>frontière</mark> de la ville" in excerpt
