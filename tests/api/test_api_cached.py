"""The content API behind the page cache: kept under the content version, like the pages."""

import pytest
from django.core.cache import cache

from articles import freshness, workflow

ARTICLES = "/api/v1/articles"


@pytest.fixture(autouse=True)
def page_cache_on(settings, monkeypatch):
    settings.PAGE_CACHE_ENABLED = True
    monkeypatch.setattr(freshness, "_cache_down_until", 0.0)
    cache.clear()
    yield
    cache.clear()


def test_a_kept_answer_goes_the_moment_its_article_is_taken_down(
    client, published, editor, committed, django_assert_num_queries
):
    committed(lambda: None)
    one = f"{ARTICLES}/{published.pk}"
    for url in (one, ARTICLES):
        assert client.get(url)["X-Page-Cache"] == "miss"
        with django_assert_num_queries(0):
            kept = client.get(url)
        assert kept["X-Page-Cache"] == "hit"
        assert "public" in kept["Cache-Control"]
    assert client.get(one).status_code == 200
    committed(workflow.apply_transition, published, "unpublish", editor, comment="Retrait.")
    assert client.get(one).status_code == 404
    assert client.get(ARTICLES).json()["items"] == []


def test_unknown_parameters_share_the_clean_answer_and_filters_do_not(client, published):
    assert client.get(ARTICLES, {"limit": "5"})["X-Page-Cache"] == "miss"
    assert client.get(ARTICLES, {"limit": "5", "utm_source": "x"})["X-Page-Cache"] == "hit"
    assert client.get(ARTICLES, {"limit": "6"})["X-Page-Cache"] == "miss"
    section = published.section.slug
    filtered = client.get(ARTICLES, {"section": section, "limit": "5"})
    assert filtered["X-Page-Cache"] == "miss"
    assert len(filtered.json()["items"]) == 1


def test_kept_answers_count_against_the_rate(client, published, settings, one_window):
    settings.API_RATE_LIMIT = "3/min"
    answers = [client.get(ARTICLES, REMOTE_ADDR="203.0.113.9") for _ in range(4)]
    assert [a.status_code for a in answers] == [200, 200, 200, 429]
    assert answers[2]["X-Page-Cache"] == "hit"
