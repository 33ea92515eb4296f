"""A change that must leave public pages does so even when the cache missed its bump
(TRUST_MAP case 34): the database keeps the bump and every server sends it again."""

import pytest
from django.core.cache import cache
from django.test import override_settings

from articles import freshness, workflow
from articles.models import UnsentBump
from tests.test_cache_down import UNREACHABLE


@pytest.fixture(autouse=True)
def page_cache_on(settings, monkeypatch):
    settings.PAGE_CACHE_ENABLED = True
    settings.DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS = False
    monkeypatch.setattr(freshness, "_cache_down_until", 0.0)
    monkeypatch.setattr(freshness, "_next_unsent_check", None)
    cache.clear()
    yield
    cache.clear()


def cached_state(client, url):
    response = client.get(url)
    return response.status_code, response.get("X-Page-Cache")


def check_every_request(settings, monkeypatch):
    settings.UNSENT_BUMP_CHECK_SECONDS = 0
    monkeypatch.setattr(freshness, "_next_unsent_check", 0.0)


def test_unpublishing_while_the_cache_is_unreachable_still_takes_the_story_down(
    client, published, editor, committed, settings, monkeypatch
):
    committed(lambda: None)
    story, home = published.get_absolute_url(), "/"
    for url in (story, home):
        cached_state(client, url)
        assert cached_state(client, url) == (200, "hit")

    with override_settings(CACHES=UNREACHABLE):  # Redis gone for the length of the unpublish
        committed(
            workflow.apply_transition, published, "unpublish", editor, comment="Retrait demandé."
        )
    assert UnsentBump.objects.count() == 1

    check_every_request(settings, monkeypatch)
    assert cached_state(client, story) == (404, "miss")
    assert published.headline not in client.get(home).content.decode()
    assert not UnsentBump.objects.exists()


def test_a_bump_is_kept_until_the_cache_takes_it(
    published, editor, committed, settings, monkeypatch
):
    committed(lambda: None)
    with override_settings(CACHES=UNREACHABLE):
        committed(
            workflow.apply_transition, published, "unpublish", editor, comment="Retrait demandé."
        )
        check_every_request(settings, monkeypatch)
        assert freshness.current("/") is None  # still unreachable: nothing sent, nothing lost
    assert UnsentBump.objects.count() == 1
    before = cache.get(freshness.VERSION_KEY)
    monkeypatch.setattr(freshness, "_cache_down_until", 0.0)
    versions = freshness.current("/")
    assert versions.content != before
    assert not UnsentBump.objects.exists()


def test_servers_look_for_unsent_bumps_about_once_a_second(
    client, published, committed, django_assert_num_queries, settings, monkeypatch
):
    committed(lambda: None)
    settings.UNSENT_BUMP_CHECK_SECONDS = 1.0
    url = published.get_absolute_url()
    cached_state(client, url)
    with django_assert_num_queries(0):
        assert cached_state(client, url) == (200, "hit")
    monkeypatch.setattr(freshness, "_next_unsent_check", 0.0)  # a second has gone by
    with django_assert_num_queries(1):
        assert cached_state(client, url) == (200, "hit")
    with django_assert_num_queries(0):
        assert cached_state(client, url) == (200, "hit")
