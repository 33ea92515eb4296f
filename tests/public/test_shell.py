"""The page's shell never shows what is no longer so: the menu as it is now, this page's
entry, the language, the year, the site's name; a reader's search words, escaped."""

import re

import time_machine
from django.utils import timezone

from tests.factories import SectionFactory


def nav(client, path="/") -> str:
    html = client.get(path).content.decode()
    return html[html.index('<nav class="site-nav"') : html.index("</nav>", html.index("site-nav"))]


def current(client, path) -> list[str]:
    return re.findall(r'<a href="([^"]+)" aria-current="page"', nav(client, path))


def test_a_section_renamed_added_or_moved_shows_at_the_next_request(
    client, story, security, committed
):
    assert "Sécurité" in nav(client)
    security.name = "Défense"
    committed(security.save)
    assert "Défense" in nav(client) and "Sécurité" not in nav(client)
    committed(SectionFactory, name="Afrique", slug="afrique", position=security.position + 1)
    assert nav(client).index("Défense") < nav(client).index("Afrique")
    security.position += 2
    committed(security.save)
    assert nav(client).index("Afrique") < nav(client).index("Défense")


def test_only_this_pages_entry_is_marked(client, story, security):
    section_url = security.get_absolute_url()
    assert current(client, "/") == ["/"]
    assert current(client, section_url) == [section_url]
    assert current(client, story.get_absolute_url()) == []
    assert current(client, "/") == ["/"]  # each kept apart


def test_each_language_has_its_own(client, story):
    french, english = client.get("/").content.decode(), client.get("/en/").content.decode()
    assert "Aller au contenu" in french and "Skip to content" not in french
    assert "Skip to content" in english and "Aller au contenu" not in english
    assert '<a class="site-name" href="/en/">' in english
    assert '<a class="site-name" href="/">' in french


def masthead_search(html: str) -> str:
    """The words in the masthead's search box (the search page has a box of its own)."""
    return re.search(r'<input [^>]*value="([^"]*)"[^>]*id="site-search-q"', html).group(1)


def test_a_readers_search_words_are_shown_to_them_alone(client, story):
    for word in ("zanzibar", "moscou", "abidjan"):
        assert masthead_search(client.get("/recherche/", {"q": word}).content.decode()) == word
    assert masthead_search(client.get("/").content.decode()) == ""
    assert masthead_search(client.get("/recherche/", {"q": "dakar"}).content.decode()) == "dakar"


def test_a_readers_search_words_are_escaped_and_cleaned_in_the_masthead(client, story):
    hostile = '"><script>alert(1)</script>\x00query\x00 \x00'
    html = client.get("/recherche/", {"q": hostile}).content.decode()
    assert "<script>alert(1)" not in html and "\x00" not in html
    assert masthead_search(html) == "&#34;&gt;&lt;script&gt;alert(1)&lt;/script&gt;query"


def test_the_year_turns(client, story):
    now = timezone.localtime()
    next_year = now.replace(year=now.year + 1, month=1, day=1, hour=0, minute=1)
    client.get("/")
    with time_machine.travel(next_year, tick=False):
        assert f"© {now.year + 1}" in client.get("/").content.decode()


def test_the_sites_name_follows_its_setting(client, story, settings):
    client.get("/")
    settings.SITE_NAME = "Le Quotidien du Test"
    html = client.get("/").content.decode()
    assert '<a class="site-name" href="/">Le Quotidien du Test</a>' in html
