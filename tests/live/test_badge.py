""" "En direct" on a live story's card and lead, wherever it is listed, from its coverage's
start to its end, with the page cache on."""

import pytest
from django.core.cache import cache

from articles import freshness
from live.models import LiveCoverage

BADGE = '<span class="live-badge">En direct</span>'


@pytest.fixture(autouse=True)
def page_cache_on(settings, monkeypatch):
    settings.PAGE_CACHE_ENABLED = True
    monkeypatch.setattr(freshness, "_cache_down_until", 0.0)
    cache.clear()
    yield
    cache.clear()


def listings(article) -> list[str]:
    return ["/", article.section.get_absolute_url()]


def html(client, url) -> str:
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def test_listed_with_the_badge_while_the_coverage_runs(client, published, editor, committed):
    assert all(BADGE not in html(client, url) for url in listings(published))  # now cached
    committed(LiveCoverage.start_by, editor, published)
    assert all(BADGE in html(client, url) for url in listings(published))
    coverage = LiveCoverage.objects.get(article=published)
    committed(coverage.end_by, editor, "Le dépouillement est terminé.")
    assert all(BADGE not in html(client, url) for url in listings(published))


def test_the_lead_of_the_home_page_carries_it_too(client, published, editor, committed):
    committed(LiveCoverage.start_by, editor, published)
    lead = html(client, "/").split('<article class="lead">')[1].split("</article>")[0]
    assert BADGE in lead
