"""The anonymous page cache: fresh after every change, on every server; never leaks staff pages."""

import threading
import time
from datetime import timedelta

import pytest
import time_machine
from django.core.cache import cache
from django.test import RequestFactory
from django.urls import reverse
from django.utils import timezone

from articles import freshness, workflow
from articles.models import Article
from newsroom import page_cache
from tests.conftest import client_for
from tests.factories import ArticleFactory, AuthorFactory, SectionFactory


@pytest.fixture(autouse=True)
def page_cache_on(settings, monkeypatch):
    settings.PAGE_CACHE_ENABLED = True
    monkeypatch.setattr(freshness, "_cache_down_until", 0.0)  # forget an earlier outage
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def live(published, editor, committed):
    committed(lambda: None)
    return published


def get(client, url, **headers):
    response = client.get(url, **headers)
    return response, response.get("X-Page-Cache")


def test_second_anonymous_view_is_a_hit_without_queries(client, live, django_assert_num_queries):
    assert get(client, live.get_absolute_url())[1] == "miss"
    with django_assert_num_queries(0):
        response, state = get(client, live.get_absolute_url())
    assert state == "hit" and live.headline in response.content.decode()
    assert "public" in response["Cache-Control"] and "max-age=60" in response["Cache-Control"]


def test_publishing_refreshes_home_section_tag_and_author_pages(
    client, live, colleague, editor, committed
):
    article = ArticleFactory(
        headline="Nouvelle dépêche", section=live.section, authors=[colleague.author_profile]
    )
    article.tags.add("Sahel")
    live.tags.add("Sahel")
    committed(lambda: None)
    urls = [
        "/",
        live.section.get_absolute_url(),
        "/mot-cle/sahel/",
        reverse("feeds:site-rss"),
        "/sitemap-articles.xml",
    ]
    for url in urls:
        get(client, url)
    committed(workflow.apply_transition, article, "publish", editor)
    for url in urls:
        response, state = get(client, url)
        assert state == "miss", url
        assert (
            "Nouvelle dépêche" in response.content.decode()
            or "nouvelle-depeche" in response.content.decode()
        ), url
    assert client.get(colleague.author_profile.get_absolute_url()).status_code == 200


def test_unpublishing_and_editing_refresh_the_article(client, live, editor, committed):
    get(client, live.get_absolute_url())
    live.headline = "Titre corrigé"
    committed(workflow.save_by, live, editor)
    assert "Titre corrigé" in get(client, live.get_absolute_url())[0].content.decode()
    committed(workflow.apply_transition, live, "unpublish", editor, comment="Retrait demandé.")
    assert get(client, live.get_absolute_url())[0].status_code == 404


@pytest.mark.parametrize("change", ["author", "section", "tag"])
def test_renaming_an_author_section_or_tag_refreshes_pages(client, live, committed, change):
    live.tags.add("Ancien")
    committed(lambda: None)
    get(client, live.get_absolute_url())
    if change == "author":
        thing = live.bylines.get().author
        thing.display_name = "Nom Nouveau"
    elif change == "section":
        thing = live.section
        thing.name = "Nom Nouveau"
    else:
        thing = live.tags.get(name="Ancien")
        thing.name = "Nom Nouveau"
    committed(thing.save)
    assert "Nom Nouveau" in get(client, live.get_absolute_url())[0].content.decode()


def test_scheduled_article_appears_at_its_time_without_a_job(
    client, live, colleague, editor, committed
):
    article = ArticleFactory(headline="Programmé pour midi", authors=[colleague.author_profile])
    committed(lambda: None)
    get(client, "/")  # the time of the next scheduled article is read: none
    when = timezone.now() + timedelta(minutes=5)  # within the cached page's lifetime
    committed(workflow.apply_transition, article, "schedule", editor, when=when)
    assert "Programmé pour midi" not in get(client, "/")[0].content.decode()
    assert get(client, "/")[1] == "hit"
    with time_machine.travel(when + timedelta(seconds=5)):
        response, state = get(client, "/")
    assert state == "miss" and "Programmé pour midi" in response.content.decode()


def test_staff_never_get_or_leave_cached_pages(client, live, editor):
    url = live.get_absolute_url()
    get(client, url)
    staff = client_for(editor)
    response, state = get(staff, url)
    assert state is None
    assert "private" in response["Cache-Control"] and "no-store" in response["Cache-Control"]
    cache.clear()
    get(staff, url)  # the editor sees it first ...
    assert get(client, url)[1] == "miss"  # ... and nothing of theirs was kept for readers


def test_one_rendering_for_many_waiting_readers(client, live, monkeypatch):
    url = live.get_absolute_url()
    get(client, url)
    key = page_cache._page_key(RequestFactory().get(url))
    kept = cache.get(key)
    cache.delete(key)
    cache.add(f"lock:{key}", True, 10)  # another worker is rendering it

    def other_worker_finishes():
        time.sleep(0.3)
        cache.set(key, kept, 60)

    threading.Thread(target=other_worker_finishes).start()
    calls = []
    monkeypatch.setattr(
        "articles.views.pages.ArticleDetailView.get", lambda *a, **k: calls.append(1)
    )
    response, state = get(client, url)
    assert state == "hit" and calls == [] and response.status_code == 200


def test_a_waiting_reader_finds_the_page_its_first_reader_numbered(client, live, monkeypatch):
    url = live.get_absolute_url()
    key = page_cache._page_key(RequestFactory().get(url))
    get(client, url)
    (kind, _shared, _number), rendered = cache.get(key)
    assert kind == "address"  # an article's page follows its own number
    cache.clear()  # the address has no number: its first reader since is rendering it
    assert freshness.current(url).address is None
    cache.add(f"lock:{key}", True, 10)

    def first_reader_keeps_it():
        time.sleep(0.3)
        number = freshness.start_address(url)
        cache.set(key, (("address", freshness.current(url).shared, number), rendered), 60)

    threading.Thread(target=first_reader_keeps_it).start()
    calls = []
    monkeypatch.setattr(
        "articles.views.pages.ArticleDetailView.get", lambda *a, **k: calls.append(1)
    )
    started = time.monotonic()
    response, state = get(client, url)
    assert state == "hit" and calls == [] and response.status_code == 200
    assert time.monotonic() - started < page_cache.WAIT_FOR_OTHER_SECONDS


def test_a_page_built_from_older_versions_is_never_served(client, live):
    """One entry an address: after a change, the entry left there is stale, not a hit."""
    url = live.get_absolute_url()
    assert get(client, url)[1] == "miss"
    assert get(client, url)[1] == "hit"
    freshness.bump()
    assert get(client, url)[1] == "miss"
    assert get(client, url)[1] == "hit"


def test_a_change_to_one_page_only_leaves_every_other_page_cached(client, live):
    url = live.get_absolute_url()
    for address in (url, "/"):
        get(client, address)
    freshness.bump_pages_only([url])
    assert get(client, "/")[1] == "hit"
    assert get(client, url)[1] == "miss"


def recorded(calls, name, method):
    """Calls to the cache by the code under test, not those a backend makes to itself
    (local memory's get_many calls get)."""

    def call(*args, **kwargs):
        if calls and calls[-1] == "…":
            return method(*args, **kwargs)
        calls.append(name)
        calls.append("…")
        try:
            return method(*args, **kwargs)
        finally:
            calls.pop()

    return call


def test_a_hit_is_one_round_trip_to_the_cache(client, live, monkeypatch):
    url = live.get_absolute_url()
    get(client, url)
    calls = []
    for name in ("get", "get_many", "add", "set", "incr", "delete"):
        monkeypatch.setattr(cache, name, recorded(calls, name, getattr(cache, name)))
    assert get(client, url)[1] == "hit"
    assert calls == ["get_many"]


def test_conditional_requests_answer_304(client, live):
    first = client.get(live.get_absolute_url())
    assert first["ETag"] and first["Last-Modified"]
    again = client.get(live.get_absolute_url(), HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304
    since = client.get(live.get_absolute_url(), HTTP_IF_MODIFIED_SINCE=first["Last-Modified"])
    assert since.status_code == 304


def test_contact_and_admin_are_never_cached(client, db):
    for url in ("/contact/", reverse("admin:login")):
        assert get(client, url)[1] is None


def test_health_endpoints_are_cheap_and_never_cached(client, db, django_assert_num_queries):
    with django_assert_num_queries(0):
        response = client.get("/healthz")
    assert response.status_code == 200 and "no-cache" in response["Cache-Control"]
    ready = client.get("/readyz")
    assert ready.status_code == 200 and ready.json() == {
        "status": "ok",
        "database": True,
        "cache": True,
    }
    assert "no-cache" in ready["Cache-Control"]


def test_a_correction_leaves_other_articles_pages_cached(client, live, editor, committed):
    other = ArticleFactory(headline="Une autre histoire", authors=[live.bylines.get().author])
    live.tags.add("Sahel")
    committed(workflow.apply_transition, other, "publish", editor)
    others_pages = [other.get_absolute_url(), "/en" + other.get_absolute_url()]
    own_pages = [
        live.get_absolute_url(),
        "/en" + live.get_absolute_url(),
        live.section.get_absolute_url(),
        "/mot-cle/sahel/",
        "/mot-cle/sahel/?page=2",
        live.bylines.get().author.get_absolute_url(),
        "/",
    ]
    for url in others_pages + own_pages:
        get(client, url)
    article = Article.objects.get(pk=live.pk)
    article.headline = "Titre corrigé partout"
    committed(workflow.save_by, article, editor)
    for url in others_pages:
        assert get(client, url)[1] == "hit", url
    for url in own_pages:
        response, state = get(client, url)
        assert state == "miss", url
        if response.status_code == 200 and "page=2" not in url:
            assert "Titre corrigé partout" in response.content.decode(), url


def test_a_takedown_leaves_no_page_showing_the_article(client, live, editor, committed):
    other = ArticleFactory(
        headline="Une autre histoire", section=live.section, authors=[AuthorFactory()]
    )
    committed(workflow.apply_transition, other, "publish", editor)
    response, state = get(client, other.get_absolute_url())
    assert state == "miss" and live.headline in response.content.decode()  # in Read also
    assert get(client, other.get_absolute_url())[1] == "hit"
    committed(workflow.apply_transition, live, "unpublish", editor, comment="Retrait demandé.")
    response, state = get(client, other.get_absolute_url())
    assert state == "miss" and live.headline not in response.content.decode()
    assert get(client, live.get_absolute_url())[0].status_code == 404


@pytest.mark.parametrize("left", ["section", "tag", "author"])
def test_the_page_an_article_leaves_is_refreshed(client, live, editor, committed, left):
    live.tags.add("Ancien")
    elsewhere = SectionFactory(name="Ailleurs")
    committed(lambda: None)
    url = {
        "section": live.section.get_absolute_url(),
        "tag": "/mot-cle/ancien/",
        "author": live.bylines.get().author.get_absolute_url(),
    }[left]
    assert live.headline in get(client, url)[0].content.decode()
    assert get(client, url)[1] == "hit"
    if left == "section":
        article = Article.objects.get(pk=live.pk)
        article.section = elsewhere
        committed(workflow.save_by, article, editor)
    elif left == "tag":
        committed(live.tags.remove, "Ancien")
    else:
        committed(live.bylines.get().delete)
    response, state = get(client, url)
    assert state == "miss" and live.headline not in response.content.decode()
