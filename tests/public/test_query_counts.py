"""Each public page's query count, pinned. Growth with content is tested in test_listings."""

import pytest
from django.db import connection
from django.urls import reverse

PAGES = [
    # url builder, queries for every reader but the first, and whether the page lists cards:
    # its first reader then makes them (MAKES_CARDS).
    (lambda s: "/", 5, True),  # lead, latest's cards, sections (blocks and menu), cards, bylines
    # Lists are paged without a count (articles/views/listing.py).
    (lambda s: s.section.get_absolute_url(), 2, True),  # sections (menu and its own), cards
    (lambda s: "/mot-cle/aes/", 3, True),  # tag, page of cards, navigation
    (lambda s: s.bylines.first().author.get_absolute_url(), 3, True),  # author, cards, nav
    # PostgreSQL: results with their count, bylines, navigation (articles/ranked_search.py);
    # SQLite: count, page, bylines, navigation.
    (lambda s: reverse("articles:search") + "?q=russie", {"postgresql": 3, "sqlite": 4}, False),
    (lambda s: reverse("articles:search"), 1, False),  # navigation only: no query, no search
    (lambda s: "/contact/", 1, False),  # navigation
    (lambda s: reverse("feeds:site-rss"), 3, False),  # articles, bylines, tags
    (lambda s: reverse("feeds:tag-atom", args=["aes"]), 4, False),  # tag, articles, bylines, tags
    (lambda s: "/sitemap-articles.xml", 2, False),  # count, page
    (lambda s: "/sitemap-news.xml", 1, False),
    (lambda s: "/robots.txt", 0, False),
]
# Cards made by a list's first reader: their articles, bylines, then stored in a savepoint.
MAKES_CARDS = 5


@pytest.mark.parametrize(("url_of", "queries", "lists_cards"), PAGES)
def test_page_query_count(client, story, django_assert_num_queries, url_of, queries, lists_cards):
    url = url_of(story)
    if isinstance(queries, dict):
        queries = queries[connection.vendor]
    with django_assert_num_queries(queries + MAKES_CARDS if lists_cards else queries):
        assert client.get(url).status_code == 200
    with django_assert_num_queries(queries):
        assert client.get(url).status_code == 200
