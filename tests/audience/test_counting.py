"""What counts as a read: a reader's GET of an article, cached or not; never a robot's, a
prefetch, a HEAD, a signed-in user's; no cookie; and a failed count never fails the page."""

import logging

import pytest
from django.core.cache import cache
from django.db import DatabaseError

from articles import freshness
from audience import counting
from audience.models import HourlyReads
from tests.audience.conftest import BROWSER
from tests.conftest import client_for

pytestmark = pytest.mark.usefixtures("without_redis")

ROBOTS = [
    "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
    "Mozilla/5.0 AppleWebKit/537.36 (KHTML, like Gecko; compatible; bingbot/2.0; "
    "+http://www.bing.com/bingbot.htm) Chrome/116.0.1938.76 Safari/537.36",
    "facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)",
    "WhatsApp/2.23.20.0",
    "TelegramBot (like TwitterBot)",
    "Mozilla/5.0 AppleWebKit/537.36 (KHTML, like Gecko; compatible; GPTBot/1.2; "
    "+https://openai.com/gptbot)",
    "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) "
    "HeadlessChrome/120.0.0.0 Safari/537.36",
    "curl/8.5.0",
    "python-requests/2.32.3",
    "",
]
READERS = [
    BROWSER,
    "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 "
    "(KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1",
    "Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0",
    # Facebook's own browser, opening a link: a reader, unlike its link previewer.
    "Mozilla/5.0 (Linux; Android 13; TECNO KI5q; wv) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Version/4.0 Chrome/120.0.6099.230 Mobile Safari/537.36 [FB_IAB/FB4A;FBAV/445.0.0.34.118;]",
    "Mozilla/5.0 (Linux; Android 9; CUBOT X19) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/120.0 Mobile Safari/537.36",  # a phone, not a bot
]
PREFETCHES = [
    {"HTTP_SEC_PURPOSE": "prefetch"},
    {"HTTP_SEC_PURPOSE": "prefetch;prerender"},
    {"HTTP_PURPOSE": "prefetch"},
    {"HTTP_X_MOZ": "prefetch"},
    {"HTTP_X_PURPOSE": "preview"},
]


def reads_of(article) -> int:
    return sum(HourlyReads.objects.filter(article=article).values_list("count", flat=True))


def test_a_readers_view_of_an_article_counts_once_per_view(reader, published):
    for _ in range(3):
        response = reader.get(published.get_absolute_url())
        assert response.status_code == 200
    row = HourlyReads.objects.get(article=published)
    assert row.count == 3 and row.hour == counting.this_hour()


def test_the_english_page_counts_for_the_same_article(reader, published):
    reader.get(published.get_absolute_url())
    assert reader.get("/en" + published.get_absolute_url()).status_code == 200
    assert reads_of(published) == 2


@pytest.mark.parametrize("agent", READERS)
def test_browsers_count(client, published, agent):
    client.get(published.get_absolute_url(), HTTP_USER_AGENT=agent)
    assert reads_of(published) == 1


@pytest.mark.parametrize("agent", ROBOTS)
def test_robots_and_link_previewers_do_not_count(client, published, agent):
    response = client.get(published.get_absolute_url(), HTTP_USER_AGENT=agent)
    assert response.status_code == 200
    assert reads_of(published) == 0


@pytest.mark.parametrize("headers", PREFETCHES)
def test_prefetches_and_prerenders_do_not_count(reader, published, headers):
    assert reader.get(published.get_absolute_url(), **headers).status_code == 200
    assert reads_of(published) == 0


def test_a_head_request_does_not_count(reader, published):
    assert reader.head(published.get_absolute_url()).status_code == 200
    assert reads_of(published) == 0


def test_the_newsrooms_signed_in_staff_do_not_count(published, editor):
    staff = client_for(editor)
    assert staff.get(published.get_absolute_url(), HTTP_USER_AGENT=BROWSER).status_code == 200
    assert reads_of(published) == 0


def test_other_pages_and_missing_articles_count_nothing(reader, published):
    reader.get("/")
    reader.get(published.section.get_absolute_url())
    assert reader.get("/article/nothing-here/").status_code == 404
    assert not HourlyReads.objects.exists()


def test_counting_sets_no_cookie(reader, published):
    response = reader.get(published.get_absolute_url())
    assert not response.cookies and "Set-Cookie" not in response.headers
    assert reads_of(published) == 1


def test_a_cached_copy_of_the_page_counts_too(reader, published, settings, committed):
    settings.PAGE_CACHE_ENABLED = True
    committed(lambda: None)
    freshness._cache_down_until = 0.0
    assert reader.get(published.get_absolute_url())["X-Page-Cache"] == "miss"
    assert reader.get(published.get_absolute_url())["X-Page-Cache"] == "hit"
    assert reads_of(published) == 2


def test_a_count_that_fails_never_fails_the_page(reader, published, monkeypatch, caplog):
    def broken(*args):
        raise DatabaseError("the database is away")

    monkeypatch.setattr(counting, "_record_in_database", broken)
    with caplog.at_level(logging.ERROR, logger="audience.middleware"):
        response = reader.get(published.get_absolute_url())
    assert response.status_code == 200 and published.headline in response.content.decode()
    assert "A read could not be counted." in caplog.text


def test_reads_go_to_the_database_while_redis_is_unreachable(reader, published, settings):
    settings.CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": "redis://127.0.0.1:1/0",  # nothing listens there
            "OPTIONS": {"IGNORE_EXCEPTIONS": True, "SOCKET_CONNECT_TIMEOUT": 0.5},
        }
    }
    settings.DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS = False
    assert counting._redis() is not None and cache.get("anything") is None
    assert reader.get(published.get_absolute_url()).status_code == 200
    assert reader.get(published.get_absolute_url()).status_code == 200
    assert reads_of(published) == 2
    assert counting._redis() is None  # paused: the next reads wait for no time-out


def test_the_hours_first_read_prunes_rows_past_the_window(published):
    old = counting.this_hour() - counting.KEEP
    HourlyReads.objects.create(article=published, hour=old, count=7)
    counting.record(published.pk, published.section_id)
    assert list(HourlyReads.objects.values_list("hour", "count")) == [(counting.this_hour(), 1)]
