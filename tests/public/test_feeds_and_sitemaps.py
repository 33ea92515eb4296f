"""Feeds and sitemaps parse, list published articles only, and are announced."""

import xml.etree.ElementTree as ET
from datetime import timedelta

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape

from tests.factories import ArticleFactory, AuthorFactory
from tests.public.conftest import publish

ATOM = "{http://www.w3.org/2005/Atom}"
SM = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
NEWS = "{http://www.google.com/schemas/sitemap-news/0.9}"


def parse(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return ET.fromstring(response.content)


def feed_urls(story):
    author = story.bylines.first().author
    section, tag = story.section.slug, "aes"
    return [
        reverse("feeds:site-rss"),
        reverse("feeds:site-atom"),
        reverse("feeds:section-rss", args=[section]),
        reverse("feeds:section-atom", args=[section]),
        reverse("feeds:author-rss", args=[author.slug]),
        reverse("feeds:author-atom", args=[author.slug]),
        reverse("feeds:tag-rss", args=[tag]),
        reverse("feeds:tag-atom", args=[tag]),
    ]


def entry_links(root):
    if root.tag == "rss":
        return [item.findtext("link") for item in root.iter("item")]
    return [entry.find(f"{ATOM}link").get("href") for entry in root.iter(f"{ATOM}entry")]


def test_every_feed_parses_and_lists_only_published(client, story, hidden_articles):
    url = "https://news.example.test" + story.get_absolute_url()
    for feed in feed_urls(story):
        assert entry_links(parse(client, feed)) == [url], feed


def test_rss_item_details(client, story):
    item = next(parse(client, reverse("feeds:site-rss")).iter("item"))
    assert item.findtext("title") == story.headline
    assert item.findtext("description") == story.standfirst
    assert "Séverin Konan" in item.findtext("{http://purl.org/dc/elements/1.1/}creator")
    assert {c.text for c in item.iter("category")} >= {"Sécurité", "AES"}


def test_feeds_of_hidden_things_are_404(client, hidden_articles):
    assert client.get(reverse("feeds:tag-rss", args=["secret-draft"])).status_code == 404
    secret = hidden_articles["draft"].bylines.get(position=1).author
    assert client.get(reverse("feeds:author-atom", args=[secret.slug])).status_code == 404


def test_hostile_headline_is_escaped_in_feeds(client, editor, security):
    article = ArticleFactory(headline="<script>x</script> & co", authors=[AuthorFactory()])
    publish(article, editor)
    root = parse(client, reverse("feeds:site-rss"))
    assert next(root.iter("item")).findtext("title") == "<script>x</script> & co"


def test_pages_announce_their_feeds(client, story):
    html = client.get(story.section.get_absolute_url()).content.decode()
    assert reverse("feeds:site-rss") in html
    assert reverse("feeds:section-rss", args=[story.section.slug]) in html


def sitemap_locations(client):
    index = parse(client, reverse("sitemap-index"))
    locations = []
    for sitemap in index.iter(f"{SM}loc"):
        path = sitemap.text.replace("https://news.example.test", "")
        locations += [loc.text for loc in parse(client, path).iter(f"{SM}loc")]
    return locations


def test_sitemap_lists_published_articles_sections_authors_and_tags(client, story, hidden_articles):
    locations = sitemap_locations(client)
    base = "https://news.example.test"
    assert base + story.get_absolute_url() in locations
    assert base + story.section.get_absolute_url() in locations
    assert base + story.bylines.first().author.get_absolute_url() in locations
    assert base + "/mot-cle/aes/" in locations
    assert not [loc for loc in locations if "secret" in loc or "zanzibar" in loc]


def test_article_sitemap_has_last_modification(client, story):
    root = parse(client, "/sitemap-articles.xml")
    assert root.find(f"{SM}url/{SM}lastmod").text.startswith("2026-11-28")


@pytest.mark.parametrize("days_ago", [0, 1])
def test_news_sitemap_lists_the_last_two_days(client, editor, story, days_ago):
    with time_machine.travel(story.published_at + timedelta(days=5)):
        recent = ArticleFactory(headline="Dernière minute", authors=[AuthorFactory()])
        publish(recent, editor, when=timezone.now() - timedelta(days=days_ago, hours=1))
        root = parse(client, reverse("sitemap-news"))
    titles = [n.text for n in root.iter(f"{NEWS}title")]
    assert titles == ["Dernière minute"]  # the story, five days old, is left out
    assert root.findtext(f".//{NEWS}language") == "fr"


def test_robots_txt_names_the_sitemaps(client, db):
    response = client.get("/robots.txt")
    assert response["Content-Type"].startswith("text/plain")
    body = response.content.decode()
    assert "Sitemap: https://news.example.test/sitemap.xml" in body
    assert "Sitemap: https://news.example.test/sitemap-news.xml" in body
    assert "Disallow: /admin/" in body


def test_feed_body_is_one_chunk(client, story):
    # Hundreds of small chunks meant hundreds of socket writes per feed served.
    response = client.get(reverse("feeds:site-rss"))
    assert len(response._container) == 1


def test_the_feed_is_as_new_as_its_latest_correction(client, story):
    import xml.etree.ElementTree as ET
    from datetime import timedelta

    from articles.models import Article

    revised = story.published_at + timedelta(days=2)
    Article.objects.filter(pk=story.pk).update(revised_at=revised)
    rss = ET.fromstring(client.get("/flux/rss/").content).find("channel")
    assert rss.findtext("lastBuildDate") == revised.strftime("%a, %d %b %Y %H:%M:%S +0000")
    atom = ET.fromstring(client.get("/flux/atom/").content)
    assert atom.findtext("{http://www.w3.org/2005/Atom}updated") == revised.isoformat()


HOSTILE_STANDFIRST = "</script><script>alert(3)</script><svg onload=alert(4)> & co"


def test_standfirst_is_text_in_feeds_not_html(client, editor, security):
    """Readers decode <description> and Atom's <summary type="html"> once, as HTML: the
    standfirst must still be text after that decoding."""
    article = ArticleFactory(standfirst=HOSTILE_STANDFIRST, authors=[AuthorFactory()])
    publish(article, editor)
    rss = next(parse(client, reverse("feeds:site-rss")).iter("item")).findtext("description")
    atom = next(parse(client, reverse("feeds:site-atom")).iter(f"{ATOM}entry"))
    summary = atom.find(f"{ATOM}summary")
    for html in (rss, summary.text):
        assert "<" not in html and ">" not in html, html
        assert html == escape(HOSTILE_STANDFIRST)
    assert summary.get("type") == "html"
