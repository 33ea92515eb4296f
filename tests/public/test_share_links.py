"""Share links: exact, percent-encoded, built on SITE_URL, no third-party script."""

import re
from html import unescape

from articles.share import share_links

URL = "https://news.example.test/article/cote-divoire-elections/"
TITLE = "Côte d’Ivoire : élections & réformes"
T = "C%C3%B4te%20d%E2%80%99Ivoire%20%3A%20%C3%A9lections%20%26%20r%C3%A9formes"
U = "https%3A%2F%2Fnews.example.test%2Farticle%2Fcote-divoire-elections%2F"

EXPECTED = {
    "whatsapp": f"https://wa.me/?text={T}%20{U}",
    "facebook": f"https://www.facebook.com/sharer/sharer.php?u={U}",
    "x": f"https://x.com/intent/tweet?text={T}&url={U}",
    "linkedin": f"https://www.linkedin.com/sharing/share-offsite/?url={U}",
    "telegram": f"https://t.me/share/url?url={U}&text={T}",
    "email": f"mailto:?subject={T}&body={U}",
}


def test_share_urls_are_exact_for_an_accented_title():
    links = {link.network: link.href for link in share_links(TITLE, URL)}
    assert links == EXPECTED


def test_mailto_never_uses_plus_for_spaces():
    email = next(link for link in share_links("a b+c", URL) if link.network == "email")
    assert "+" not in email.href.split("?", 1)[1]
    assert email.href.startswith("mailto:?subject=a%20b%2Bc&body=")


def test_article_page_carries_both_share_bars_with_the_canonical_url(client, story):
    html = client.get(story.get_absolute_url()).content.decode()
    hrefs = [unescape(h) for h in re.findall(r'class="share-(?:\w+)" href="([^"]+)"', html)]
    canonical = "https://news.example.test" + story.get_absolute_url()
    expected = {link.href for link in share_links(story.headline, canonical)} | {canonical}
    assert set(hrefs) == expected
    assert len(hrefs) == 2 * len(expected)


def test_public_pages_load_nothing_from_other_sites(client, story):
    html = client.get(story.get_absolute_url()).content.decode()
    for tag in re.findall(r"<(?:script|link|img|iframe)\b[^>]*>", html):
        for url in re.findall(r'(?:src|href)="([^"]+)"', tag):
            assert url.startswith("/") or url.startswith("https://news.example.test/"), tag
