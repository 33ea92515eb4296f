"""The sections menu: its names in the site's language, marked so on a page in another; a
cue, on a phone, that more sections wait to the side (tests/browser: test_home_arrangement)."""

import re

from tests.factories import SectionFactory


def menu_links(client, path) -> list[str]:
    html = client.get(path).content.decode()
    nav = html[html.index('<nav class="site-nav"') : html.index("</nav>", html.index("site-nav"))]
    return re.findall(r"<a [^>]*>[^<]*</a>", nav)


def test_section_names_are_marked_french_on_english_pages(client, story):
    SectionFactory(name="Économie", slug="economie")
    home, *sections = menu_links(client, "/en/")
    assert home == '<a href="/en/" aria-current="page">Home</a>'
    assert sections and all(' lang="fr">' in link for link in sections)
    assert '<a href="/en/rubrique/economie/" lang="fr">Économie</a>' in sections


def test_nothing_is_marked_on_french_pages(client, story):
    SectionFactory(name="Économie", slug="economie")
    links = menu_links(client, "/")
    assert len(links) == 3 and not any("lang=" in link for link in links)
