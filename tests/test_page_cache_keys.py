"""Nobody fills the page cache from outside (TRUST_MAP case 35): parameters no page reads
share the clean page's entry, and the other variants are kept up to a budget."""

import secrets
import time

import pytest
from django.core.cache import cache

from articles import freshness
from newsroom import page_cache


@pytest.fixture(autouse=True)
def page_cache_on(settings, monkeypatch, published, committed):
    settings.PAGE_CACHE_ENABLED = True
    monkeypatch.setattr(freshness, "_cache_down_until", 0.0)
    cache.clear()
    committed(lambda: None)
    yield
    cache.clear()


def cached_pages() -> int:
    if hasattr(cache, "keys"):  # django-redis, in CI's PostgreSQL and Redis run
        return len(cache.keys("page:*"))
    return sum(":page:" in key for key in cache._cache)  # Django's local-memory cache


def state(client, url):
    response = client.get(url)
    return response.status_code, response.get("X-Page-Cache")


def test_tracking_parameters_share_the_clean_page(client, published):
    """The reported flood: /?utm_source=<random> made a new 30 kB entry per request."""
    assert state(client, "/") == (200, "miss")
    before = cached_pages()
    for _ in range(50):
        url = f"/?utm_source={secrets.token_hex(8)}&fbclid={secrets.token_hex(8)}"
        assert state(client, url) == (200, "hit")
    assert cached_pages() == before


def test_the_view_never_sees_unknown_parameters(client, published):
    page = client.get("/?utm_source=campagne-secrete").content.decode()
    assert "campagne-secrete" not in page
    assert state(client, "/?utm_source=autre") == (200, "hit")


def test_known_parameters_still_make_their_own_page(client, published):
    search = "/recherche/?q=" + published.headline.split()[0]
    assert state(client, search + "&utm_medium=x") == (200, "miss")
    assert state(client, search) == (200, "hit")
    assert state(client, "/recherche/?q=autre+chose") == (200, "miss")


def test_variants_of_one_page_are_kept_up_to_a_budget(client, monkeypatch):
    monkeypatch.setattr(page_cache, "VARIANTS_PER_PAGE", 3)
    urls = [f"/recherche/?q=mot{i}" for i in range(5)]
    for url in urls:
        assert state(client, url) == (200, "miss")
    assert [state(client, url)[1] for url in urls] == ["hit"] * 3 + ["miss"] * 2
    assert state(client, "/") == (200, "miss") and state(client, "/") == (200, "hit")


def test_not_found_answers_share_one_budget(client, monkeypatch):
    monkeypatch.setattr(page_cache, "VARIANTS_PER_PAGE", 2)
    urls = [f"/article/{secrets.token_hex(6)}/" for _ in range(4)]
    for url in urls:
        assert state(client, url) == (404, "miss")
    assert [state(client, url)[1] for url in urls] == ["hit"] * 2 + ["miss"] * 2


def test_all_variants_together_are_bounded(client, monkeypatch):
    monkeypatch.setattr(page_cache, "VARIANTS_IN_ALL", 3)
    urls = ["/recherche/?q=a", "/recherche/?q=b", "/?page=2", "/?page=3", "/article/nulle-part/"]
    for url in urls:
        state(client, url)
    assert cached_pages() == 3


def test_a_change_that_refreshes_every_page_does_not_use_up_the_budget(client, monkeypatch):
    monkeypatch.setattr(page_cache, "VARIANTS_PER_PAGE", 2)
    urls = ["/recherche/?q=un", "/recherche/?q=deux"]
    for _ in range(3):
        freshness.bump()  # as an editor's publication does
        assert [state(client, url)[1] for url in urls] == ["miss", "miss"]
        assert [state(client, url)[1] for url in urls] == ["hit", "hit"]
    assert [state(client, "/recherche/?q=trois")[1] for _ in range(2)] == ["miss", "miss"]


def test_a_reader_waiting_for_a_copy_that_was_not_kept_stops_waiting(rf, db):
    """Over a budget, the first reader's page is not kept: others must not wait 3 s for it."""
    request = rf.get("/recherche/?q=rare")
    key = page_cache._page_key(request)
    started = time.monotonic()
    assert page_cache.AnonymousPageCacheMiddleware._rendered_by_other(request, key) is None
    assert time.monotonic() - started < page_cache.WAIT_FOR_OTHER_SECONDS / 10
