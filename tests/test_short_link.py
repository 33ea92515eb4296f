"""/a/<id>: a short address that leads to a public article, and to nothing else."""

import pytest
from django.conf import settings

from articles.views.short_link import short_url

SITE = settings.SITE_URL


def test_a_public_article_is_one_permanent_redirect_away(article_in, client):
    article = article_in("published")
    assert short_url(article) == f"{SITE}/a/{article.pk}"
    response = client.get(f"/a/{article.pk}")
    assert response.status_code == 301
    assert response["Location"] == f"{SITE}/article/{article.slug}/"


def test_the_redirect_costs_one_query(article_in, client, django_assert_num_queries):
    article = article_in("published")
    with django_assert_num_queries(1):
        assert client.get(f"/a/{article.pk}").status_code == 301


def test_the_address_is_the_same_in_every_language(article_in, client):
    article = article_in("published")
    response = client.get(f"/a/{article.pk}", headers={"accept-language": "en"})
    assert response["Location"] == f"{SITE}/article/{article.slug}/"
    assert client.get(f"/en/a/{article.pk}").status_code == 404


@pytest.mark.parametrize("state", ["draft", "review", "scheduled", "unpublished"])
def test_an_article_readers_may_not_see_is_not_found(article_in, client, state):
    article = article_in(state)
    response = client.get(f"/a/{article.pk}")
    assert response.status_code == 404 and "Location" not in response
    assert article.slug not in response.content.decode()


def test_an_unknown_number_is_not_found(db, client):
    assert client.get("/a/999999").status_code == 404


def test_only_reading_is_allowed(article_in, client):
    article = article_in("published")
    assert client.post(f"/a/{article.pk}").status_code == 405
    assert client.head(f"/a/{article.pk}").status_code == 301
