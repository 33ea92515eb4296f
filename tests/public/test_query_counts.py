"""Each public page's query count, pinned. Growth with content is tested in test_listings."""

import pytest
from django.db import connection
from django.urls import reverse

PAGES = [
    # url builder, queries
    (lambda s: "/", 6),  # lead, latest, section blocks, sections, bylines, navigation
    # Lists are paged without a count (articles/views/listing.py).
    (lambda s: s.section.get_absolute_url(), 4),  # section, page, bylines, navigation
    (lambda s: "/mot-cle/aes/", 4),  # tag, page, bylines, navigation
    (lambda s: s.bylines.first().author.get_absolute_url(), 4),  # author, page, bylines, nav
    # PostgreSQL: results with their count, bylines, navigation (articles/ranked_search.py);
    # SQLite: count, page, bylines, navigation.
    (lambda s: reverse("articles:search") + "?q=russie", {"postgresql": 3, "sqlite": 4}),
    (lambda s: reverse("articles:search"), 1),  # navigation only: no query, no search
    (lambda s: "/contact/", 1),  # navigation
    (lambda s: reverse("feeds:site-rss"), 3),  # articles, bylines, tags
    (lambda s: reverse("feeds:tag-atom", args=["aes"]), 4),  # tag, articles, bylines, tags
    (lambda s: "/sitemap-articles.xml", 2),  # count, page
    (lambda s: "/sitemap-news.xml", 1),
    (lambda s: "/robots.txt", 0),
]


@pytest.mark.parametrize(("url_of", "queries"), PAGES)
def test_page_query_count(client, story, django_assert_num_queries, url_of, queries):
    url = url_of(story)
    if isinstance(queries, dict):
        queries = queries[connection.vendor]
    with django_assert_num_queries(queries):
        assert client.get(url).status_code == 200
