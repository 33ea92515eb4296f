"""Redis down or unreachable: pages from the database, logins and editing work, no 500."""

import time

import pytest
from django.core.cache import cache
from django.urls import reverse

from articles import freshness
from articles.models import Article, Tip
from tests.admin_forms import article_post
from tests.production.servers import TcpSwitch, free_port

UNREACHABLE = {
    "default": {
        "BACKEND": "django_redis.cache.RedisCache",
        "LOCATION": "redis://127.0.0.1:1/0",  # nothing listens there
        "OPTIONS": {
            "IGNORE_EXCEPTIONS": True,
            "SOCKET_CONNECT_TIMEOUT": 0.5,
            "SOCKET_TIMEOUT": 0.5,
        },
    }
}


@pytest.fixture
def redis_down(settings, monkeypatch):
    monkeypatch.setattr(freshness, "_cache_down_until", 0.0)
    settings.CACHES = UNREACHABLE
    settings.PAGE_CACHE_ENABLED = True
    settings.DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS = False
    from django.core.cache import caches
    from django_redis.cache import RedisCache

    assert isinstance(caches["default"], RedisCache)
    assert cache.get("anything") is None
    yield


def test_pages_are_served_quickly_from_the_database(client, published, redis_down):
    started = time.monotonic()
    for url in (
        "/",
        published.get_absolute_url(),
        published.section.get_absolute_url(),
        "/recherche/?q=x",
        "/flux/rss/",
    ):
        assert client.get(url).status_code == 200, url
    assert time.monotonic() - started < 5


def test_login_and_editing_still_work(client, draft, journalist, redis_down):
    journalist.set_password("correct-horse-battery")
    journalist.save()
    response = client.post(
        reverse("admin:login"),
        {"username": "awa", "password": "correct-horse-battery", "next": "/admin/"},
    )
    assert response.status_code == 302
    change = reverse("admin:articles_article_change", args=[draft.pk])
    assert client.post(change, article_post(draft, headline="Écrit sans Redis")).status_code == 302
    assert Article.objects.get(pk=draft.pk).headline == "Écrit sans Redis"


def test_contact_form_still_accepts_tips(client, db, redis_down):
    assert client.post(reverse("articles:contact"), {"message": "Sans cache"}).status_code == 302


def test_contact_form_limit_holds_without_redis(client, db, redis_down, settings):
    """TRUST_MAP case 40: 12 of 12 messages from one address were accepted."""
    settings.TIPS_PER_HOUR = 3
    answers = [
        client.post(reverse("articles:contact"), {"message": f"Message {i}"}) for i in range(12)
    ]
    assert [a.status_code for a in answers] == [302] * 3 + [429] * 9
    assert Tip.objects.count() == 3


def test_readiness_reports_the_cache(client, db, redis_down):
    response = client.get("/readyz")
    assert response.status_code == 503
    assert response.json()["cache"] is False and response.json()["database"] is True


def test_the_api_rate_limit_holds_without_redis(client, db, redis_down, settings):
    """TRUST_MAP case 40: counted in each process's memory while Redis is away."""
    from api.middleware import HERE

    HERE.clear()
    settings.API_RATE_LIMIT = "3/hour"  # one window, whatever the minute the test runs in
    answers = [client.get("/api/v1/sections", REMOTE_ADDR="203.0.113.40") for _ in range(5)]
    assert [a.status_code for a in answers] == [200] * 3 + [429] * 2


@pytest.fixture
def hanging_redis(settings, monkeypatch):
    """A Redis that takes connections and never answers: not one that refuses them."""
    switch = TcpSwitch(target_port=free_port())
    switch.start()
    switch.hang()
    monkeypatch.setattr(freshness, "_cache_down_until", 0.0)
    settings.CACHES = {
        "default": {
            **UNREACHABLE["default"],
            "LOCATION": f"redis://127.0.0.1:{switch.port}/0",
            "OPTIONS": {**UNREACHABLE["default"]["OPTIONS"], "SOCKET_TIMEOUT": 0.3},
        }
    }
    settings.DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS = False
    yield switch
    switch.cut()


def test_the_api_asks_a_hanging_cache_once_not_every_request(client, db, hanging_redis):
    from api.middleware import HERE

    HERE.clear()
    for _ in range(4):
        assert client.get("/api/v1/sections", REMOTE_ADDR="203.0.113.41").status_code == 200
    assert len(hanging_redis.sockets) == 1  # then left alone for CACHE_DOWN_PAUSE seconds
