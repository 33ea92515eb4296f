"""Each public page's query count, pinned. Growth with content is tested in test_listings."""

import pytest
from django.db import connection
from django.urls import reverse

# Cards made by a list's first reader: their articles, bylines, then stored in a savepoint.
MAKES_CARDS = 5
# An article's parts: the article, its bylines and tags, then stored in a savepoint.
MAKES_PARTS = 6
# Feed items (articles/feed_entries.py): their articles, bylines, tags, then stored.
MAKES_ENTRIES = 6

PAGES = [
    # url builder, queries for every reader but the first, and what its first reader after
    # a change also runs: making the cards (MAKES_CARDS), the lead's block (MAKES_PARTS),
    # feed items (MAKES_ENTRIES).
    (lambda s: "/", 2, MAKES_CARDS + MAKES_PARTS),  # navigation, lead and cutoffs; cards
    # Lists are paged without a count (articles/views/listing.py).
    (lambda s: s.section.get_absolute_url(), 2, MAKES_CARDS),  # sections (menu and its own), cards
    # The tag or author is read with the navigation (articles/html/parts.sections_with).
    (lambda s: "/mot-cle/aes/", 2, MAKES_CARDS),  # navigation and tag, page of cards
    (lambda s: s.bylines.first().author.get_absolute_url(), 2, MAKES_CARDS),  # nav and author
    # PostgreSQL: the matches, their count, their page with its stored cards and the
    # navigation, in one statement (articles/ranked_search.py); SQLite: count, page,
    # bylines, navigation.
    (
        lambda s: reverse("articles:search") + "?q=russie",
        {"postgresql": 1, "sqlite": 4},
        {"postgresql": MAKES_CARDS, "sqlite": 0},
    ),
    (lambda s: reverse("articles:search"), 1, 0),  # navigation only: no query, no search
    (lambda s: "/contact/", 1, 0),  # navigation
    (lambda s: reverse("feeds:site-rss"), 1, MAKES_ENTRIES),  # its items, stored
    (lambda s: reverse("feeds:tag-atom", args=["aes"]), 2, MAKES_ENTRIES),  # tag, items
    (lambda s: "/sitemap-articles.xml", 2, 0),  # count, page
    (lambda s: "/sitemap-news.xml", 1, 0),
    (lambda s: "/robots.txt", 0, 0),
]


@pytest.mark.parametrize(("url_of", "queries", "first_reader"), PAGES)
def test_page_query_count(client, story, django_assert_num_queries, url_of, queries, first_reader):
    url = url_of(story)
    if isinstance(queries, dict):
        queries = queries[connection.vendor]
    if isinstance(first_reader, dict):
        first_reader = first_reader[connection.vendor]
    with django_assert_num_queries(queries + first_reader):
        assert client.get(url).status_code == 200
    with django_assert_num_queries(queries):
        assert client.get(url).status_code == 200
