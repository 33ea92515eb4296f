"""Cached pages follow the live story: its article page at once, every other page left in
the cache for an entry; cards' pages too when coverage starts or ends."""

import time

import pytest
from django.core.cache import cache

from articles import freshness
from live import versions
from live.models import LiveCoverage


@pytest.fixture(autouse=True)
def page_cache_on(settings, monkeypatch):
    settings.PAGE_CACHE_ENABLED = True
    monkeypatch.setattr(freshness, "_cache_down_until", 0.0)


def state(client, url):
    response = client.get(url)
    return response.get("X-Page-Cache"), response.content.decode()


def test_a_new_entry_shows_at_once_while_the_home_page_stays_cached(client, coverage, post):
    article_url = coverage.article.get_absolute_url()
    for url in ("/", article_url, coverage.article.section.get_absolute_url()):
        state(client, url)
        assert state(client, url)[0] == "hit", url
    post(coverage, body="<p>Le couvre-feu est levé.</p>")
    cached, html = state(client, article_url)
    assert cached == "miss" and "Le couvre-feu est levé." in html
    assert state(client, "/")[0] == "hit"
    assert state(client, coverage.article.section.get_absolute_url())[0] == "hit"
    assert state(client, article_url)[0] == "hit"


def test_the_english_page_follows_too(client, coverage, post):
    url = "/en" + coverage.article.get_absolute_url()
    state(client, url)
    post(coverage, body="<p>Curfew lifted.</p>")
    assert "Curfew lifted." in state(client, url)[1]


def test_an_edit_and_a_deletion_show_at_once(client, coverage, post, editor, committed):
    entry = post(coverage, body="<p>12 blessés.</p>")
    url = coverage.article.get_absolute_url()
    state(client, url)
    committed(entry.correct_by, editor, body="<p>11 blessés.</p>")
    html = state(client, url)[1]
    assert "11 blessés." in html and "Corrigée à" in html
    committed(entry.delete_by, editor)
    assert "11 blessés." not in state(client, url)[1]


def test_starting_coverage_shows_at_once_and_refreshes_the_lists(
    client, published, editor, committed
):
    url = published.get_absolute_url()
    generation = published.generation
    for address in ("/", url):
        state(client, address)
    committed(LiveCoverage.start_by, editor, published)
    assert "En direct" in state(client, url)[1]
    assert state(client, "/")[0] == "miss"  # cards will show the badge (articles/fragments.py)
    published.refresh_from_db()
    assert published.generation == generation + 1


def test_ending_coverage_shows_at_once(client, coverage, editor, committed):
    url = coverage.article.get_absolute_url()
    state(client, url)
    committed(coverage.end_by, editor, "Merci de nous avoir suivis.")
    html = state(client, url)[1]
    assert "Fin du direct" in html and "Merci de nous avoir suivis." in html


def test_a_rolled_back_entry_bumps_nothing(coverage, live_journalist):
    before = versions.current(coverage.article_id)
    from live.models import LiveEntry

    LiveEntry.post_by(live_journalist, coverage, body="<p>Jamais validée.</p>")  # no commit
    assert versions.current(coverage.article_id) == before


def test_a_lost_version_is_replaced_by_a_new_number(client, coverage, post):
    post(coverage)
    etag = client.get(f"/direct/{coverage.article_id}/nouvelles/?apres=0")["ETag"]
    cache.delete(versions.version_key(coverage.article_id))
    cache.delete(versions.INDEX_KEY)
    answer = client.get(
        f"/direct/{coverage.article_id}/nouvelles/?apres=0", HTTP_IF_NONE_MATCH=etag
    )
    assert answer.status_code == 200 and answer["ETag"] != etag


def lifetime(key) -> float:
    """Seconds the cache keeps the key: Redis says so; the local memory keeps its deadline."""
    if hasattr(cache, "ttl"):  # django-redis
        return cache.ttl(key)
    return cache._expire_info[cache.make_and_validate_key(key)] - time.time()


def test_a_missed_bump_is_made_good_when_the_version_expires(client, coverage, post, monkeypatch):
    url = f"/direct/{coverage.article_id}/nouvelles/?apres=0"
    etag = client.get(url)["ETag"]
    key = versions.version_key(coverage.article_id)
    assert 0 < lifetime(key) <= versions.VERSION_SECONDS
    monkeypatch.setattr(versions, "bump", lambda article_id: None)  # the cache missed it
    post(coverage, body="<p>Pendant la coupure.</p>")
    assert client.get(url, HTTP_IF_NONE_MATCH=etag).status_code == 304
    cache.delete(key)  # as it expires
    answer = client.get(url, HTTP_IF_NONE_MATCH=etag)
    assert (
        answer.status_code == 200 and "Pendant la coupure." in answer.json()["entries"][0]["html"]
    )
