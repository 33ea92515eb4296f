"""Slugs: readable, ASCII-safe, unique, never a database error."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from hypothesis import given, settings
from hypothesis import strategies as st

from newsroom.slugs import readable_slug
from tests.admin_forms import article_post
from tests.conftest import client_for
from tests.factories import ArticleFactory, SectionFactory


def test_slug_from_a_french_headline(db):
    article = ArticleFactory(headline="Élections : l’Assemblée adopte le budget 2027")
    assert article.slug == "elections-lassemblee-adopte-le-budget-2027"


def test_colliding_headlines_get_distinct_slugs(db):
    slugs = {ArticleFactory(headline="Même titre").slug for _ in range(3)}
    assert slugs == {"meme-titre", "meme-titre-2", "meme-titre-3"}


def test_non_latin_headline_gets_a_readable_fallback(db):
    assert ArticleFactory(headline="مالي والنيجر").slug == "article"
    assert ArticleFactory(headline="Мали").slug == "article-2"


def test_bidi_controls_are_removed_from_the_headline(db):
    article = ArticleFactory(headline="Titre\u202e piégé\u2066 ici")
    assert article.headline == "Titre piégé ici"
    assert article.slug == "titre-piege-ici"


def test_long_headline_is_cut_at_a_word(db):
    article = ArticleFactory(headline="mot " * 45)
    assert len(article.slug) <= 94 and not article.slug.endswith("-")


def test_300_character_headline_is_a_form_error(journalist):
    data = article_post(
        headline="x" * 300,
        standfirst="s",
        body="<p>b</p>",
        section=str(SectionFactory().pk),
    )
    response = client_for(journalist).post(reverse("admin:articles_article_add"), data)
    assert response.status_code == 200
    assert "headline" in response.context["adminform"].form.errors


def test_published_slug_cannot_change_in_the_model(published):
    published.slug = "autre-adresse"
    with pytest.raises(ValidationError):
        published.save()


@settings(max_examples=200)
@given(st.text(max_size=400))
def test_readable_slug_is_always_ascii_and_bounded(text):
    slug = readable_slug(text, 100, "article")
    assert slug and slug.isascii() and len(slug) <= 100
    assert all(c.isalnum() or c in "-_" for c in slug)
