"""The breaking-news banner: above every page as soon as an editor switches it on, gone from
every page at its time, on every server, page cache or not; no query of its own."""

import re
from datetime import timedelta

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from articles import freshness
from articles.models import BreakingNews

PAGES = [
    lambda s: "/",
    lambda s: s.get_absolute_url(),
    lambda s: s.section.get_absolute_url(),
    lambda s: "/mot-cle/aes/",
    lambda s: s.bylines.first().author.get_absolute_url(),
    lambda s: reverse("articles:search") + "?q=russie",
    lambda s: reverse("articles:corrections"),
    lambda s: "/contact/",
    lambda s: "/article/nulle-part/",  # not found
    lambda s: "/en/",
    lambda s: "/en" + s.get_absolute_url(),
]
TEXT = "Séisme au large d’Abidjan"


@pytest.fixture
def page_cache_on(settings):
    settings.PAGE_CACHE_ENABLED = True


def switch_on(editor, minutes=60, text=TEXT, link="/rubrique/securite/"):
    banner = BreakingNews(
        text=text, link=link, is_on=True, until=timezone.now() + timedelta(minutes=minutes)
    )
    banner.save_by(editor)
    return banner


def banner_of(html) -> str | None:
    found = re.search(r'<section class="breaking".*?</section>', html, re.S)
    return found.group(0) if found else None


def banner_on(client, url) -> str | None:
    return banner_of(client.get(url).content.decode())


@pytest.mark.parametrize("url_of", PAGES)
def test_the_banner_shows_on_every_page_at_once(client, story, editor, committed, url_of):
    url = url_of(story)
    assert banner_on(client, url) is None
    committed(switch_on, editor)
    banner = banner_on(client, url)
    assert TEXT in banner and 'href="/rubrique/securite/"' in banner, url


def test_the_banner_is_a_named_region_in_the_sites_language(client, story, editor, committed):
    committed(switch_on, editor)
    french, english = banner_on(client, "/"), banner_on(client, "/en/")
    assert re.search(r'aria-labelledby="breaking-label"', french)
    assert '<strong id="breaking-label">' in french
    assert "lang=" not in french
    assert f'<a href="/rubrique/securite/" lang="fr">{TEXT}</a>' in english
    assert ">Breaking news</strong>" in english


def test_a_banner_without_a_link_is_text(client, story, editor, committed):
    committed(switch_on, editor, link="")
    assert f"<span>{TEXT}</span>" in banner_on(client, "/") and "<a " not in banner_on(client, "/")


def test_its_text_is_escaped(client, story, editor, committed):
    committed(switch_on, editor, text='<script>alert("x")</script>')
    banner = banner_on(client, "/")
    assert "<script>" not in banner and "&lt;script&gt;" in banner


def test_switched_off_it_leaves_every_page_at_once(client, story, editor, committed, page_cache_on):
    banner = committed(switch_on, editor)
    urls = [url_of(story) for url_of in PAGES]
    for url in urls:
        assert banner_on(client, url), url
    banner.is_on = False
    committed(banner.save_by, editor)
    for url in urls:
        assert banner_on(client, url) is None, url


def test_it_leaves_every_page_at_its_time_with_the_page_cache_on(
    client, story, editor, committed, page_cache_on
):
    committed(switch_on, editor, minutes=4)  # within the cached pages' lifetime
    urls = [url_of(story) for url_of in PAGES]
    for url in urls:
        client.get(url)
        assert client.get(url).get("X-Page-Cache") in ("hit", None), url  # 404s are not kept
        assert banner_on(client, url), url
    with time_machine.travel(timezone.now() + timedelta(minutes=4, seconds=1)):
        for url in urls:
            assert banner_on(client, url) is None, url
        assert not BreakingNews.objects.shown().exists()


def test_the_banner_is_read_with_the_next_scheduled_time(story, editor, committed):
    banner = committed(switch_on, editor, minutes=30)
    assert freshness.upcoming() == (banner.until.timestamp(), (TEXT, "/rubrique/securite/"))
    assert freshness.current().banner == (TEXT, "/rubrique/securite/")


def queries_for(client, url) -> tuple[int, int]:
    """Queries of the first reader after a change, then of the next."""
    counts = []
    for _reader in range(2):
        with CaptureQueriesContext(connection) as done:
            assert client.get(url).status_code == 200
        counts.append(len(done))
    return tuple(counts)


@pytest.mark.parametrize("url_of", PAGES[:5])
def test_the_banner_adds_no_query(client, story, editor, committed, url_of):
    url = url_of(story)
    client.get(url)
    committed(freshness.bump)  # what switching the banner on does, without a banner
    without = queries_for(client, url)
    committed(switch_on, editor)
    assert queries_for(client, url) == without
    assert TEXT in banner_on(client, url)


def test_with_the_cache_down_the_banner_comes_from_the_database(
    client, story, editor, committed, monkeypatch
):
    committed(switch_on, editor)
    monkeypatch.setattr(freshness, "current", lambda path=None, also=(): None)
    assert TEXT in banner_on(client, "/")
