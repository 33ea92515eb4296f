"""A section page shows its most read list, and a cached copy of it lasts a minute."""

from datetime import timedelta

import html5lib
import pytest
import time_machine
from django.utils import timezone

from tests.audience.conftest import read

pytestmark = pytest.mark.usefixtures("without_redis")


def most_read_html(response) -> str:
    html = response.content.decode()
    assert html.count('<aside class="most-read"') == 1
    return html[html.index('<aside class="most-read"') : html.index("</aside>")]


def in_order(html, *headlines) -> bool:
    places = [html.find(headline) for headline in headlines]
    return -1 not in places and places == sorted(places)


@pytest.fixture
def stories(publish, politics, economy):
    vote = publish("Le vote des députés", politics)
    strike = publish("La grève des enseignants", politics)
    budget = publish("Le budget adopté", economy)
    read(vote, 3)
    read(strike, 1)
    read(budget, 9)
    return vote, strike, budget


def test_a_section_page_numbers_its_own_most_read(reader, stories, politics):
    response = reader.get(politics.get_absolute_url())
    listed = most_read_html(response)
    assert "<ol>" in listed and in_order(listed, "Le vote des députés", "La grève des enseignants")
    assert "Le budget adopté" not in listed  # another section's
    assert response.context["most_read"] == [stories[0], stories[1]]
    html5lib.HTMLParser(strict=True).parse(response.content.decode())  # well formed


def test_its_heading_speaks_the_pages_language(reader, stories, politics):
    listed = most_read_html(reader.get("/en" + politics.get_absolute_url()))
    assert "Most read" in listed and "In this section, in the last 24 hours" in listed
    assert 'lang="fr"' in listed  # the French headlines, on the English page


def test_a_section_nobody_read_shows_no_list(reader, publish, economy, politics):
    publish("Le cours du cacao", economy)
    response = reader.get(economy.get_absolute_url())
    assert response.status_code == 200 and "most-read" not in response.content.decode()


def test_a_cached_section_page_shows_a_new_list_after_a_minute(
    reader, stories, politics, settings, committed
):
    settings.PAGE_CACHE_ENABLED = True
    committed(lambda: None)
    url = politics.get_absolute_url()
    with time_machine.travel(timezone.now(), tick=False) as clock:
        first = reader.get(url)
        assert first["X-Page-Cache"] == "miss" and first.cache_seconds == 60
        read(stories[1], 5)
        clock.shift(timedelta(seconds=59))
        kept = reader.get(url)
        assert kept["X-Page-Cache"] == "hit"
        assert in_order(most_read_html(kept), "Le vote des députés", "La grève des enseignants")
        clock.shift(timedelta(seconds=2))
        fresh = reader.get(url)
        assert fresh["X-Page-Cache"] == "miss"
        assert in_order(most_read_html(fresh), "La grève des enseignants", "Le vote des députés")
