"""A search result's excerpt on PostgreSQL: written from the passage of the article's text
that holds most of the reader's words, wherever it is (articles/passages.py)."""

import importlib

import pytest
from django.db import connection
from django.db.models import F
from django.urls import reverse

from articles import passages, ranked_search
from articles.demo import reference
from articles.excerpts import stem, tokens
from articles.models import Passage
from tests.factories import ArticleFactory, AuthorFactory
from tests.public.conftest import publish

pytestmark = pytest.mark.postgres
SEARCH = reverse("articles:search")
FILLER = "Les pluies de saison ont rempli les barrages du pays cette semaine. " * 60


def excerpts(client, query) -> dict[int, str]:
    response = client.get(SEARCH, {"q": query})
    return {result.pk: result.excerpt_html for result in response.context["articles"]}


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


@pytest.mark.parametrize(
    ("terms", "joined"),
    [
        (["cacao", "port"], "cacao or port"),
        (["cacao", "-port"], "cacao"),
        (["cacao", "OR", "port"], "cacao or port"),
        (['"cacao', 'port"'], "cacao or port"),
        (['"', "-"], ""),
    ],
)
def test_any_word_of_the_query_is_marked(terms, joined):
    assert ranked_search.any_word(terms) == joined


def test_a_match_in_the_standfirst_starts_at_the_start(client, editor):
    article = published(editor, f"<p>{FILLER}</p>", standfirst="La frontière rouvre.")
    excerpt = excerpts(client, "frontiere")[article.pk]
    assert "<mark>frontière</mark> rouvre." in excerpt
    assert not excerpt.startswith("…")


def test_a_result_found_by_its_headline_shows_the_start(client, editor):
    article = published(editor, f"<p>{FILLER}</p>", standfirst="Rien ici.")
    excerpt = excerpts(client, "chronique")[article.pk]
    assert excerpt.startswith("Rien ici.")


def test_an_edit_cuts_the_passages_again(client, editor):
    article = published(editor, f"<p>{FILLER}</p><p>Le convoi a franchi la frontière.</p>")
    article.body = f"<p>{FILLER}</p><p>{FILLER}</p><p>La transhumance reprend.</p>"
    article.save_by(editor)
    text = passages.source(article.standfirst, article.body_text)
    stored = list(Passage.objects.filter(article=article).order_by("position"))
    assert [(p.start, p.stop) for p in stored] == passages.bounds(text)
    assert "<mark>transhumance</mark>" in excerpts(client, "transhumance")[article.pk]
    assert article.pk not in excerpts(client, "frontiere")


def test_a_correction_never_shows_the_old_wording(client, editor):
    """Whatever writes the text, the database deletes the passages cut from the old one."""
    article = published(editor, f"<p>{FILLER}</p><p>Le ministre a démissionné hier.</p>")
    corrected = article.body_text.replace("démissionné", "été limogé")
    type(article).objects.filter(pk=article.pk).update(body_text=corrected)  # no re-cut
    assert not Passage.objects.filter(article=article).exists()
    excerpt = excerpts(client, "ministre")[article.pk]
    assert "démissionné" not in excerpt and "<mark>ministre</mark> a été limogé" in excerpt
    assert excerpt.startswith("… ")  # found deep in the whole text


def test_a_standfirst_change_deletes_the_passages_too(editor):
    article = published(editor, f"<p>{FILLER}</p>")
    type(article).objects.filter(pk=article.pk).update(standfirst="Un autre résumé.")
    assert not Passage.objects.filter(article=article).exists()


def test_other_changes_keep_the_passages(editor):
    article = published(editor, f"<p>{FILLER}</p>")
    kept = list(Passage.objects.filter(article=article).values_list("pk", "text"))
    type(article).objects.filter(pk=article.pk).update(
        headline="Autre titre", body_text=F("body_text")
    )
    assert list(Passage.objects.filter(article=article).values_list("pk", "text")) == kept


def test_passages_keep_their_text(editor):
    article = published(editor, f"<p>{FILLER}</p><p>Le convoi a franchi la frontière.</p>")
    text = passages.source(article.standfirst, article.body_text)
    for passage in Passage.objects.filter(article=article):
        assert passage.text == text[passage.start : passage.stop]


def test_an_article_without_passages_is_excerpted_from_its_text(client, editor):
    article = published(editor, "<p>La frontière rouvre lundi.</p>", standfirst="Au nord.")
    Passage.objects.filter(article=article).delete()
    assert excerpts(client, "frontiere")[article.pk].startswith("Au nord. La <mark>frontière")


def test_deleting_an_article_deletes_its_passages(editor):
    article = published(editor, f"<p>{FILLER}</p>")
    assert Passage.objects.filter(article=article).count() > 5
    article.delete()
    assert not Passage.objects.filter(article_id=article.pk).exists()


@pytest.mark.parametrize("query", ['"franchi la"', "frontiere -pluies", "convoi OR zzz", "é"])
def test_query_syntax_gives_a_page(client, editor, query):
    published(editor, f"<p>{FILLER}</p><p>Le convoi a franchi la frontière.</p>")
    assert client.get(SEARCH, {"q": query}).status_code == 200


def test_the_migration_cuts_every_existing_article(editor):
    migration = importlib.import_module("articles.migrations.0020_passage_text")
    articles = [published(editor, f"<p>{FILLER[: 300 * n]}</p>") for n in range(1, 4)]
    Passage.objects.all().delete()
    with connection.schema_editor() as schema_editor:
        migration.cut_passages(None, schema_editor)
    for article in articles:
        text = passages.source(article.standfirst, article.body_text)
        stored = Passage.objects.filter(article=article).order_by("position")
        assert [(p.start, p.stop) for p in stored] == passages.bounds(text)
        assert [p.text for p in stored] == [text[a:b] for a, b in passages.bounds(text)]
        assert all(p.vector for p in stored)


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
