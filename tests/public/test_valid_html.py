"""What validators, search engines and screen readers read of the reader's pages (issue 32):
times to the second, an article's language on its text wherever the page is in another,
hreflang alternates between the two language versions, the canonical address, and the
reading time in each language."""

import json
import re
from datetime import UTC, datetime, timedelta

import html5lib
import pytest
from django.urls import reverse
from django.utils.translation import override

from articles import workflow
from articles.models import Article
from tests.factories import ArticleFactory, AuthorFactory
from tests.public.conftest import PUBLISHED_AT, publish

SITE = "https://news.example.test"
MACHINE_TIME = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(Z|[+-]\d\d:\d\d)$")
ORIGINAL = "https://agence.example.org/depeche/123"

# Each reader page, by its French address (the English one is under /en/).
PAGES = {
    "home": lambda s: "/",
    "article": lambda s: s.get_absolute_url(),
    "section": lambda s: s.section.get_absolute_url(),
    "tag": lambda s: reverse("articles:tag", args=["aes"]),
    "author": lambda s: s.bylines.first().author.get_absolute_url(),
    "corrections": lambda s: reverse("articles:corrections"),
    "contact": lambda s: reverse("articles:contact"),
    "search form": lambda s: reverse("articles:search"),
}
LANGUAGES = {"fr": "", "en": "/en"}


def path_of(name, story) -> str:
    """The page's French address, whichever language the last request left active."""
    with override("fr"):
        return PAGES[name](story)


# Where the story's headline is shown.
WITH_THE_STORY = ["home", "article", "section", "tag", "author", "corrections"]


@pytest.fixture
def logged_story(story, editor):
    """The story, corrected, with times to the microsecond as the database keeps them, and
    another story beside it that Read also shows."""
    workflow.log_note(story, editor, "correction", "Le ministre est malien, pas nigérien.")
    Article.objects.filter(pk=story.pk).update(
        published_at=PUBLISHED_AT.replace(microsecond=123456),
        revised_at=PUBLISHED_AT + timedelta(hours=2, microseconds=654321),
        version=story.version + 1,
    )
    other = ArticleFactory(
        headline="Le Mali et la Russie signent un accord",
        section=story.section,
        authors=[AuthorFactory(display_name="Awa Diallo")],
    )
    other.tags.add("AES")
    publish(other, editor, when=(PUBLISHED_AT - timedelta(days=1)).replace(microsecond=999))
    story.refresh_from_db()
    return story


def get_page(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def parse(html):
    return html5lib.parse(html, namespaceHTMLElements=False)


def machine_times(html) -> list[str]:
    """Every time a machine reads: <time datetime>, Open Graph's and JSON-LD's dates."""
    root = parse(html)
    found = [time.get("datetime") for time in root.iter("time")]
    found += [
        meta.get("content")
        for meta in root.iter("meta")
        if (meta.get("property") or "").endswith("_time")
    ]
    for script in root.iter("script"):
        if script.get("type") == "application/ld+json":
            found += list(json_dates(json.loads(script.text)))
    return found


def json_dates(data):
    if isinstance(data, dict):
        for key, value in data.items():
            if key.startswith("date"):
                yield value
            else:
                yield from json_dates(value)
    elif isinstance(data, list):
        for item in data:
            yield from json_dates(item)


def languages_of(html, text) -> list[str]:
    """The language of each place in the page's body that shows this text: the lang of the
    nearest element that says one."""
    root = parse(html)
    parents = {child: parent for parent in root.iter() for child in parent}

    def language(element):
        while element.get("lang") is None:
            element = parents[element]
        return element.get("lang")

    body = root.find("body")
    found = []
    for element in body.iter():
        if element.text and text in element.text:
            found.append(language(element))
        if element.tail and text in element.tail:
            found.append(language(parents[element]))
    return found


def own_langs(html) -> list[str]:
    """The lang attributes of the page but for its <html>'s and the language menu's."""
    root = parse(html)
    menu = {a for nav in root.iter("nav") if nav.get("class") == "languages" for a in nav.iter()}
    return [
        e.get("lang") for e in root.iter() if e.get("lang") and e.tag != "html" and e not in menu
    ]


def links(html, rel) -> list[tuple[str | None, str]]:
    return [
        (link.get("hreflang"), link.get("href"))
        for link in parse(html).iter("link")
        if link.get("rel") == rel and (rel != "alternate" or link.get("hreflang"))
    ]


# Times


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("name", PAGES)
def test_every_time_a_machine_reads_is_to_the_second_with_its_offset(
    client, logged_story, name, language
):
    html = get_page(client, LANGUAGES[language] + path_of(name, logged_story))
    times = machine_times(html)
    if name in WITH_THE_STORY:
        assert times
    assert [t for t in times if not MACHINE_TIME.match(t)] == []


def test_the_article_page_dates_its_publication_and_update_in_local_time(client, logged_story):
    html = get_page(client, logged_story.get_absolute_url())
    assert '<time datetime="2026-11-28T14:05:00+00:00">' in html  # not 14:05:00.123456
    assert '<time datetime="2026-11-28T16:05:00+00:00">' in html
    assert 'content="2026-11-28T14:05:00+00:00"' in html  # article:published_time


def test_a_time_in_a_local_mean_time_is_written_in_utc(client, story):
    """1 January 1900 in Abidjan is at -00:16:08, an offset HTML cannot write."""
    Article.objects.filter(pk=story.pk).update(published_at=datetime(1900, 1, 1, 12, tzinfo=UTC))
    html = get_page(client, story.get_absolute_url())
    assert '<time datetime="1900-01-01T12:00:00+00:00">' in html
    assert [t for t in machine_times(html) if not MACHINE_TIME.match(t)] == []


# Languages of passages


STORY_TEXT = [
    "La Russie réaffirme son engagement avec l’AES",  # headline
    "À Moscou, la Russie a réaffirmé sa volonté de coopérer.",  # standfirst
]


@pytest.mark.parametrize("name", WITH_THE_STORY)
def test_on_english_pages_a_french_article_s_text_is_marked_french(client, logged_story, name):
    html = get_page(client, "/en" + path_of(name, logged_story))
    assert '<html lang="en">' in html
    shown = languages_of(html, STORY_TEXT[0])
    assert shown and set(shown) == {"fr"}
    if name in ("home", "article", "section", "tag", "author"):
        assert set(languages_of(html, STORY_TEXT[1])) == {"fr"}


@pytest.mark.parametrize("name", WITH_THE_STORY)
def test_on_french_pages_a_french_article_carries_no_lang_of_its_own(client, logged_story, name):
    html = get_page(client, path_of(name, logged_story))
    assert set(languages_of(html, STORY_TEXT[0])) == {"fr"}
    assert own_langs(html) == []


def test_the_english_article_page_marks_the_text_french_and_its_own_words_english(
    client, logged_story
):
    html = get_page(client, "/en" + logged_story.get_absolute_url())
    for text in (
        "mot mot",  # the body
        "Vers une collaboration",
        "La réunion de Moscou.",  # the caption
        "Le ministre est malien, pas nigérien.",  # the correction
        "Le Mali et la Russie signent un accord",  # Read also
    ):
        assert set(languages_of(html, text)) == {"fr"}, text
    for words in ("Share this article", "Published on", "Photo: Agence X", "Read also"):
        assert set(languages_of(html, words)) == {"en"}, words
    assert "3 min read" in html


def test_an_english_article_is_marked_english_on_french_pages(client, story, editor):
    english = ArticleFactory(
        headline="Russia pledges security support to the AES",
        standfirst="Moscow restated its commitment.",
        language="en",
        section=story.section,
        authors=[AuthorFactory()],
    )
    publish(english, editor)
    for url in ("/", english.get_absolute_url(), english.section.get_absolute_url()):
        html = get_page(client, url)
        assert set(languages_of(html, english.headline)) == {"en"}, url
        assert set(languages_of(html, english.standfirst)) == {"en"}, url
    html = get_page(client, "/en" + english.get_absolute_url())
    assert set(languages_of(html, english.headline)) == {"en"}
    assert "en" not in own_langs(html)  # (Read also's French story is marked French)


def test_search_results_mark_a_french_article_french_on_the_english_page(client, logged_story):
    html = get_page(client, "/en" + reverse("articles:search") + "?q=russie")
    shown = languages_of(html, STORY_TEXT[0])
    assert shown and set(shown) == {"fr"}


# hreflang alternates


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("name", PAGES)
def test_every_reader_page_names_both_language_versions_and_the_french_as_default(
    client, logged_story, name, language
):
    path = path_of(name, logged_story)
    html = get_page(client, LANGUAGES[language] + path)
    assert links(html, "alternate") == [
        ("fr", SITE + path),
        ("en", SITE + "/en" + path),
        ("x-default", SITE + path),
    ]


def test_alternates_leave_the_page_number_out_like_the_canonical(client, logged_story):
    path = logged_story.section.get_absolute_url()
    html = get_page(client, "/en" + path + "?page=1")
    assert dict(links(html, "alternate"))["fr"] == SITE + path


def test_a_page_of_search_results_and_a_missing_page_have_no_alternates(client, logged_story):
    html = get_page(client, "/en" + reverse("articles:search") + "?q=russie")
    assert links(html, "alternate") == []
    missing = client.get("/en/article/introuvable/")
    assert missing.status_code == 404
    assert links(missing.content.decode(), "alternate") == []


@pytest.mark.parametrize("first", ["fr", "en"])
def test_a_page_never_gets_the_other_language_s_parts(client, logged_story, first):
    """Pages, cards, lead blocks and article parts are cached by language: whichever
    language's reader comes first, the other's page is its own."""
    second = "en" if first == "fr" else "fr"
    for language in (first, second):
        for name in WITH_THE_STORY:
            path = path_of(name, logged_story)
            html = get_page(client, LANGUAGES[language] + path)
            assert set(languages_of(html, STORY_TEXT[0])) == {"fr"}, name
            assert ("fr" in own_langs(html)) == (language == "en"), name
            assert dict(links(html, "alternate"))["en"] == SITE + "/en" + path, name


# Canonical addresses


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("name", ["home", "section", "tag", "author", "corrections"])
def test_a_list_page_is_its_own_canonical_in_each_language(client, logged_story, name, language):
    """Its English version is a translation of the interface around the same list."""
    url = LANGUAGES[language] + path_of(name, logged_story)
    assert links(get_page(client, url), "canonical") == [(None, SITE + url)]


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_french_article_is_canonical_at_its_french_address(client, logged_story, language):
    path = logged_story.get_absolute_url()
    html = get_page(client, LANGUAGES[language] + path)
    assert links(html, "canonical") == [(None, SITE + path)]
    assert f'<meta property="og:url" content="{SITE + path}">' in html


@pytest.mark.parametrize("language", LANGUAGES)
def test_an_english_article_is_canonical_at_its_english_address(client, story, editor, language):
    english = ArticleFactory(language="en", section=story.section, authors=[AuthorFactory()])
    publish(english, editor)
    path = english.get_absolute_url()
    html = get_page(client, LANGUAGES[language] + path)
    assert links(html, "canonical") == [(None, SITE + "/en" + path)]


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_syndicated_copy_is_canonical_at_the_original_in_both_languages(client, story, language):
    Article.objects.filter(pk=story.pk).update(canonical_url=ORIGINAL, version=story.version + 1)
    html = get_page(client, LANGUAGES[language] + story.get_absolute_url())
    assert links(html, "canonical") == [(None, ORIGINAL)]


# Reading time


@pytest.fixture
def six_hundred_words(story, editor):
    article = ArticleFactory(
        body="<p>" + "mot " * 600 + "</p>", section=story.section, authors=[AuthorFactory()]
    )
    return publish(article, editor)


def test_english_readers_read_3_min_read(client, six_hundred_words):
    assert six_hundred_words.reading_minutes == 3
    html = get_page(client, "/en" + six_hundred_words.get_absolute_url())
    assert "<span>3 min read</span>" in html


def test_french_readers_read_3_min_de_lecture(client, six_hundred_words):
    html = get_page(client, six_hundred_words.get_absolute_url())
    assert "<span>3 min de lecture</span>" in html
