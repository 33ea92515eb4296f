"""The card, byline and date that every list repeats: wording, order, escaping, headings."""

import re

import pytest
from django.template import engines
from django.utils import translation

from articles import fragments
from articles.queries import with_credits
from tests.factories import ArticleFactory, AuthorFactory
from tests.public.conftest import PUBLISHED_AT, publish


def macro(name, *args) -> str:
    """A macro of the reader's templates (includes/macros.html), rendered now."""
    module = engines["jinja2"].env.get_template("includes/macros.html").module
    return str(getattr(module, name)(*args))


def byline(article) -> str:
    return macro("byline", with_credits([article])[0].byline_authors)


def time_tag(value, format_name="DATE_FORMAT") -> str:
    return macro("time_tag", value, format_name)


def names(*display_names):
    return [AuthorFactory(display_name=name) for name in display_names]


@pytest.mark.parametrize(
    ("authors", "french", "english"),
    [
        (["Awa"], "Par Awa", "By Awa"),
        (["Awa", "Binta"], "Par Awa et Binta", "By Awa and Binta"),
        (
            ["Awa", "Binta", "Coulibaly"],
            "Par Awa, Binta et Coulibaly",
            "By Awa, Binta and Coulibaly",
        ),
    ],
)
def test_byline_wording_in_both_languages(db, authors, french, english):
    article = ArticleFactory(authors=names(*authors))
    text = {}
    for language in ("fr", "en"):
        with translation.override(language):
            html = byline(article)
            for line in article.bylines.all():
                assert f'<a href="{line.author.get_absolute_url()}" rel="author">' in html
        text[language] = re.sub(r"<[^>]+>", "", html)
    assert text == {"fr": french, "en": english}


def test_byline_escapes_names(db):
    article = ArticleFactory(authors=names('<b onclick="x">Awa</b>'))
    html = byline(article)
    assert "<b" not in html and "&lt;b onclick=&#34;x&#34;&gt;Awa&lt;/b&gt;" in html


def test_time_is_in_the_site_time_zone_both_ways():
    with translation.override("fr"):
        html = time_tag(PUBLISHED_AT, "DATETIME_FORMAT")
    assert html == '<time datetime="2026-11-28T14:05:00+00:00">28 novembre 2026 à 14 h 05</time>'


def test_card_date_is_written_in_the_language_of_each_page():
    written = []
    for language in ("fr", "en", "fr"):
        with translation.override(language):
            written.append(re.sub(r"<[^>]+>", "", time_tag(PUBLISHED_AT)))
    assert written == ["28 novembre 2026", "28 November 2026", "28 novembre 2026"]


def test_card_date_is_the_day_in_the_site_time_zone(settings):
    settings.TIME_ZONE = "America/New_York"
    late = PUBLISHED_AT.replace(hour=3)  # 03:05 UTC on the 28th is the 27th in New York
    with translation.override("fr"):
        assert ">27 novembre 2026<" in time_tag(late)
        assert 'datetime="2026-11-27T22:05:00-05:00"' in time_tag(late)


def test_a_time_is_written_for_the_zone_in_force(settings):
    late = PUBLISHED_AT.replace(hour=3)
    with translation.override("fr"):
        in_abidjan = time_tag(late)
        settings.TIME_ZONE = "America/New_York"
        in_new_york = time_tag(late)
    assert ">28 novembre 2026<" in in_abidjan and ">27 novembre 2026<" in in_new_york


def test_card_heading_level_follows_the_list(client, editor, security):
    article = publish(ArticleFactory(section=security, authors=names("Awa")), editor)
    assert '<h2 class="card-title">' in fragments.card(article, 2)
    assert '<h3 class="card-title">' in fragments.card(article)
    section_page = client.get(security.get_absolute_url()).content.decode()
    assert "<h1>" in section_page and '<h2 class="card-title">' in section_page
    assert '<h3 class="card-title">' not in section_page
