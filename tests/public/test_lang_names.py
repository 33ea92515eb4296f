"""The desk's own words shown on English pages are marked French: an author's bio and job
title (on the author's page and in the article's author box) and tag names (on the tag page
and in the article's tag list). French pages carry no lang of their own for them."""

import pytest
from django.urls import reverse

from tests.public.test_valid_html import get_page, languages_of, own_langs, path_of

BIO = "Basé à Abidjan."  # the story's first author's (tests/public/conftest.py)
JOB_TITLE = "Journaliste"


@pytest.fixture
def author_path(story):
    return path_of("author", story)


def test_on_the_english_author_page_the_bio_and_job_title_are_french(client, author_path):
    html = get_page(client, "/en" + author_path)
    assert '<html lang="en">' in html
    assert set(languages_of(html, BIO)) == {"fr"}
    assert set(languages_of(html, JOB_TITLE)) == {"fr"}


def test_in_the_english_article_s_author_box_the_bio_and_job_title_are_french(client, story):
    html = get_page(client, "/en" + path_of("article", story))
    assert set(languages_of(html, BIO)) == {"fr"}
    assert set(languages_of(html, JOB_TITLE)) == {"fr"}
    assert set(languages_of(html, "About the author")) == {"en"}  # the page's own words


def test_on_the_english_tag_page_the_tag_name_is_french(client, story):
    html = get_page(client, "/en" + reverse("articles:tag", args=["securite"]))
    assert '<h1 lang="fr">Sécurité</h1>' in html  # (the menu's section names are not tags)


def test_in_the_english_article_s_tag_list_the_names_are_french(client, story):
    html = get_page(client, "/en" + path_of("article", story))
    tags = html.split('<nav class="tags"', 1)[1].split("</nav>", 1)[0]
    assert tags.count(' lang="fr"') == 3  # AES, Russie, Sécurité
    assert set(languages_of(html, "Russie")) == {"fr"}


@pytest.mark.parametrize("name", ["author", "article", "tag"])
def test_on_french_pages_the_desk_s_words_carry_no_lang_of_their_own(client, story, name):
    html = get_page(client, path_of(name, story))
    assert BIO in html or name == "tag"
    assert own_langs(html) == []
