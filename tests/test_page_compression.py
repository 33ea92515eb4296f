"""Pages go out compressed as the browser accepts, and a page-cache hit compresses nothing."""

import gzip

import brotli
import pytest
from django.core.cache import cache
from django.http import HttpResponse
from django.test import RequestFactory

from articles import freshness
from newsroom import compression, page_cache


@pytest.fixture(autouse=True)
def page_cache_on(settings, monkeypatch):
    settings.PAGE_CACHE_ENABLED = True
    monkeypatch.setattr(freshness, "_cache_down_until", 0.0)
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def live(published, committed):
    committed(lambda: None)
    return published


def test_a_reader_accepting_brotli_gets_brotli_and_the_hit_is_the_same_bytes(
    client, live, django_assert_num_queries
):
    url = live.get_absolute_url()
    miss = client.get(url, HTTP_ACCEPT_ENCODING="gzip, deflate, br")
    assert miss["X-Page-Cache"] == "miss" and miss["Content-Encoding"] == "br"
    page = brotli.decompress(miss.content).decode()
    assert live.headline in page
    assert "Accept-Encoding" in miss["Vary"]
    assert int(miss["Content-Length"]) == len(miss.content) < len(page.encode()) / 3
    with django_assert_num_queries(0):
        hit = client.get(url, HTTP_ACCEPT_ENCODING="gzip, deflate, br")
    assert hit["X-Page-Cache"] == "hit" and hit.content == miss.content


@pytest.mark.parametrize(
    ("accepted", "coding"),
    [
        ("gzip, deflate", "gzip"),
        ("br;q=0, gzip", "gzip"),
        ("*", "br"),
        ("identity", None),
        ("", None),
        ("gzip;q=0, br", "br"),
        ("br;q=nonsense, gzip", "gzip"),
    ],
)
def test_each_coding_the_browser_accepts_has_its_own_kept_page(client, live, accepted, coding):
    url = live.get_absolute_url()
    for state in ("miss", "hit"):
        response = client.get(url, HTTP_ACCEPT_ENCODING=accepted)
        assert response["X-Page-Cache"] == state
        assert response.get("Content-Encoding") == coding
        body = response.content
        text = {"br": brotli.decompress, "gzip": gzip.decompress}.get(coding, bytes)(body)
        assert live.headline in text.decode()


def test_a_hit_compresses_nothing(client, live, monkeypatch):
    url = live.get_absolute_url()
    client.get(url, HTTP_ACCEPT_ENCODING="br")

    def refuse(*args, **kwargs):
        raise AssertionError("a hit must send the kept bytes")

    monkeypatch.setattr(brotli, "compress", refuse)
    monkeypatch.setattr(gzip, "compress", refuse)
    hit = client.get(url, HTTP_ACCEPT_ENCODING="br")
    assert hit["X-Page-Cache"] == "hit" and hit["Content-Encoding"] == "br"


def test_a_hit_keeps_every_header_the_whole_stack_gave_the_page(client, live):
    url = live.get_absolute_url()
    miss = client.get(url, HTTP_ACCEPT_ENCODING="br")
    hit = client.get(url, HTTP_ACCEPT_ENCODING="br")
    for header in ("Content-Security-Policy", "X-Frame-Options", "Content-Language", "Vary"):
        assert hit[header] == miss[header], header
    assert hit["ETag"] == miss["ETag"]
    assert "public" in hit["Cache-Control"]


def test_a_kept_page_answers_304_to_its_etag(client, live):
    url = live.get_absolute_url()
    etag = client.get(url, HTTP_ACCEPT_ENCODING="br")["ETag"]
    assert client.get(url, HTTP_ACCEPT_ENCODING="gzip")["ETag"] != etag  # another representation
    again = client.get(url, HTTP_ACCEPT_ENCODING="br", HTTP_IF_NONE_MATCH=etag)
    assert again.status_code == 304 and again["ETag"] == etag


def test_staff_pages_are_gzipped_private_and_never_kept(client, live, editor):
    client.force_login(editor)
    response = client.get("/admin/articles/article/", HTTP_ACCEPT_ENCODING="gzip, br")
    assert response.status_code == 200 and response["Content-Encoding"] == "gzip"
    assert "private" in response["Cache-Control"]
    staff_page = client.get(live.get_absolute_url(), HTTP_ACCEPT_ENCODING="br")
    assert "X-Page-Cache" not in staff_page and "private" in staff_page["Cache-Control"]
    client.logout()
    assert client.get(live.get_absolute_url())["X-Page-Cache"] == "miss"


def test_a_session_cookie_goes_through_the_whole_stack(client, live):
    client.cookies["sessionid"] = "not-a-session"
    response = client.get(live.get_absolute_url())
    assert response.status_code == 200 and "X-Page-Cache" not in response
    del client.cookies["sessionid"]
    assert client.get(live.get_absolute_url())["X-Page-Cache"] == "miss"


@pytest.mark.django_db
def test_a_page_kept_for_less_time_than_usual_is_kept_that_long(monkeypatch):
    kept = []
    store = cache.set

    def recorded(key, value, timeout=None, *args, **kwargs):
        if key.startswith("page:"):
            kept.append(timeout)
        return store(key, value, timeout, *args, **kwargs)

    monkeypatch.setattr(page_cache.cache, "set", recorded)

    def view(request):
        response = HttpResponse("<p>" + "les plus lus " * 40 + "</p>")
        response.cache_seconds = 60
        return response

    middleware = page_cache.AnonymousPageCacheMiddleware(view)
    middleware(RequestFactory().get("/rubrique/politique/"))
    assert kept == [60]


def test_small_or_binary_answers_are_not_compressed():
    small = HttpResponse("<p>court</p>")
    picture = HttpResponse(b"\xff\xd8" * 500, content_type="image/jpeg")
    assert not compression.compressible(small) and not compression.compressible(picture)
