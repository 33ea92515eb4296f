"""What a shared link and a search engine see, and that hostile text cannot break out."""

import json
import re
from html import unescape

import pytest

from tests.factories import ArticleFactory, AuthorFactory
from tests.public.conftest import publish

HOSTILE = '</script><script>alert("x")</script><img src=x onerror=alert(1)> & “fin”'


def meta(html, prop):
    found = re.findall(rf'<meta (?:property|name)="{re.escape(prop)}" content="([^"]*)">', html)
    return [unescape(v) for v in found]


def json_ld(html):
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    assert len(blocks) == 1
    return json.loads(blocks[0])


def test_open_graph_and_twitter(client, story):
    html = client.get(story.get_absolute_url()).content.decode()
    url = "https://news.example.test" + story.get_absolute_url()
    assert f'<link rel="canonical" href="{url}">' in html
    assert meta(html, "og:type") == ["article"]
    assert meta(html, "og:title") == [story.headline]
    assert meta(html, "og:url") == [url]
    assert meta(html, "og:description") == [story.standfirst]
    assert meta(html, "og:site_name") == ["Newsroom"]
    assert meta(html, "og:locale") == ["fr_FR"]
    assert meta(html, "og:image")[0].startswith("https://news.example.test/media/")
    assert meta(html, "og:image")[0].endswith("/og.jpg")
    # The 1000 × 563 original gives the largest 1.91:1 crop it holds, never enlarged.
    assert meta(html, "og:image:width") == ["1000"] and meta(html, "og:image:height") == ["525"]
    assert meta(html, "og:image:alt") == [story.image_alt]
    assert meta(html, "article:published_time") == ["2026-11-28T14:05:00+00:00"]
    assert len(meta(html, "article:author")) == 2
    assert meta(html, "article:section") == ["Sécurité"]
    assert sorted(meta(html, "article:tag")) == ["AES", "Russie", "Sécurité"]
    assert meta(html, "twitter:card") == ["summary_large_image"]
    assert meta(html, "description") == [story.standfirst]


def test_news_article_json_ld(client, story):
    data = json_ld(client.get(story.get_absolute_url()).content.decode())
    assert data["@type"] == "NewsArticle"
    assert data["headline"] == story.headline
    assert data["datePublished"] == "2026-11-28T14:05:00+00:00"
    assert data["dateModified"] == "2026-11-28T14:05:00+00:00"
    assert [a["name"] for a in data["author"]] == ["Séverin Konan", "Aminata Traoré"]
    assert all(a["@type"] == "Person" and a["url"].startswith("https://") for a in data["author"])
    assert data["publisher"]["name"] == "Newsroom"
    assert data["publisher"]["logo"]["url"].endswith("/static/img/logo.png")
    assert data["mainEntityOfPage"]["@id"] == "https://news.example.test" + story.get_absolute_url()
    assert data["articleSection"] == "Sécurité" and data["inLanguage"] == "fr"
    assert [url.rsplit("/", 1)[1] for url in data["image"]] == ["1x1.jpg", "4x3.jpg", "16x9.jpg"]
    assert all(
        url.startswith("https://news.example.test/media/renditions/") for url in data["image"]
    )


@pytest.fixture
def hostile(editor, security):
    author = AuthorFactory(display_name=HOSTILE, bio=HOSTILE, job_title=HOSTILE)
    article = ArticleFactory(
        headline=HOSTILE[:200], standfirst=HOSTILE, section=security, authors=[author]
    )
    article.tags.add(HOSTILE[:90])
    return publish(article, editor)


def test_hostile_text_is_escaped_everywhere_on_the_article_page(client, hostile):
    html = client.get(hostile.get_absolute_url()).content.decode()
    assert "<script>alert" not in html
    assert "<img src=x" not in html
    assert html.count("</script>") == html.count("<script")  # nothing closed early
    data = json_ld(html)
    assert data["headline"] == hostile.headline
    assert meta(html, "og:title") == [hostile.headline]
    assert f"<title>{hostile.headline}" not in html  # escaped in <title>


def test_hostile_text_is_escaped_on_the_author_page(client, hostile):
    author = hostile.authors.get()
    html = client.get(author.get_absolute_url()).content.decode()
    assert "<script>alert" not in html
    assert json_ld(html)["mainEntity"]["name"] == HOSTILE


def test_author_page_has_profile_page_markup(client, story):
    author = story.bylines.first().author
    data = json_ld(client.get(author.get_absolute_url()).content.decode())
    assert data["@type"] == "ProfilePage"
    assert data["mainEntity"]["name"] == "Séverin Konan"
