"""Each public page's query count, pinned. Growth with content is tested in test_listings."""

import pytest
from django.db import connection
from django.urls import reverse

# What the first reader after a change reads to render what is missing from the cache
# (articles/fragments.py): the menu, kept under the content version, and the time of the
# next timed change with the breaking-news banner, in one query kept beside it
# (articles/freshness.py); a list's cards' bylines; the home page's lead block's bylines.
MENU = 2
MAKES_CARDS = 1
MAKES_LEAD = 1
# The articles in full, their bylines, their tags, their corrections and updates (the log
# has a line in each item: articles/feeds.py).
MAKES_ITEMS = 4
# The most read list, worked out once a minute (audience/queries.py): the last 24 hours'
# reads (and their articles when there are any; the test client's reads are not counted).
MOST_READ = 1

PAGES = [
    # url builder, queries for every reader but the first, and what its first reader adds.
    # The lead (the editor's choice, else the newest: two here), the latest, each section's
    # cutoff, their newest.
    (lambda s: "/", 5, MENU + MAKES_CARDS + MAKES_LEAD + MOST_READ),
    # Lists are paged without a count (articles/views/listing.py): the section, tag or
    # author, then its page of articles.
    (lambda s: s.section.get_absolute_url(), 2, MENU + MAKES_CARDS + MOST_READ),
    (lambda s: "/mot-cle/aes/", 2, MENU + MAKES_CARDS),
    (lambda s: s.bylines.first().author.get_absolute_url(), 2, MENU + MAKES_CARDS),
    # The matches, (PostgreSQL: their ranking,) the page's rows, their bylines.
    (lambda s: reverse("articles:search") + "?q=russie", {"postgresql": 4, "sqlite": 3}, MENU),
    (lambda s: reverse("articles:search"), 0, MENU),  # no search
    (lambda s: "/contact/", 0, MENU),
    # The articles; their items, if not kept (and their text shows no library picture).
    (lambda s: reverse("feeds:site-rss"), 1, MAKES_ITEMS),
    (lambda s: reverse("feeds:tag-atom", args=["aes"]), 2, MAKES_ITEMS),  # the tag first
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
