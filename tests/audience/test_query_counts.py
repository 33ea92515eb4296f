"""What the most read lists and the counting add to pages' queries, pinned: the list only
when it is worked out (once a minute), a read only without Redis."""

from datetime import timedelta

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from tests.audience.conftest import read

ROBOT = "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)"
# Worked out: the window's reads, then their articles (none to read when nobody read any).
MOST_READ = 2
# Without Redis a read is one UPDATE; the hour's first read of an article also inserts its
# row and prunes those past the window.
COUNTED = 1
FIRST_OF_THE_HOUR = 3


def queries_of(client, url, **headers) -> int:
    with CaptureQueriesContext(connection) as ran:
        assert client.get(url, **headers).status_code == 200
    return len(ran)


@pytest.fixture
def section_page(publish, politics):
    read(publish("Le vote des députés", politics), 3)
    return politics.get_absolute_url()


@pytest.mark.usefixtures("without_redis")
def test_a_section_page_works_its_list_out_once_a_minute(reader, section_page, economy):
    queries_of(reader, section_page)
    warm = queries_of(reader, section_page)
    with time_machine.travel(timezone.now() + timedelta(seconds=61)):
        assert queries_of(reader, section_page) == warm + MOST_READ
        assert queries_of(reader, section_page) == warm
    unread = economy.get_absolute_url()
    queries_of(reader, unread)
    with time_machine.travel(timezone.now() + timedelta(seconds=61)):
        assert queries_of(reader, unread) == warm + 1  # no reads: no articles to read


@pytest.mark.usefixtures("without_redis")
def test_a_read_costs_one_update_without_redis(reader, published):
    url = published.get_absolute_url()
    queries_of(reader, url, HTTP_USER_AGENT=ROBOT)  # its parts are cached
    uncounted = queries_of(reader, url, HTTP_USER_AGENT=ROBOT)
    assert queries_of(reader, url) == uncounted + FIRST_OF_THE_HOUR
    assert queries_of(reader, url) == uncounted + COUNTED


@pytest.mark.usefixtures("with_redis")
def test_a_read_costs_no_query_with_redis(reader, published):
    url = published.get_absolute_url()
    queries_of(reader, url, HTTP_USER_AGENT=ROBOT)
    uncounted = queries_of(reader, url, HTTP_USER_AGENT=ROBOT)
    assert queries_of(reader, url) == uncounted
    assert queries_of(reader, url) == uncounted


@pytest.mark.parametrize(("store", "counted"), [("without_redis", COUNTED), ("with_redis", 0)])
def test_a_cached_page_costs_a_read_only(
    request, reader, published, settings, committed, store, counted
):
    request.getfixturevalue(store)
    settings.PAGE_CACHE_ENABLED = True
    committed(lambda: None)
    url = published.get_absolute_url()
    reader.get(url)  # the hour's first read, and the page kept
    with CaptureQueriesContext(connection) as ran:
        assert reader.get(url)["X-Page-Cache"] == "hit"
    assert len(ran) == counted
