"""Search over published articles: PostgreSQL full-text search, or a simple portable search.

Both give the same interface: `search(queryset, text)` returns the matching articles,
`count(results)` counts them up to a bound, and the page shows SearchResults: each article's
card with an excerpt, the query's words marked. On PostgreSQL the reader's page is two
statements (articles/ranked_search.py): the matches, the last 90 days' first, then the page,
which ranks the newest RANKED_MATCHES, chooses the excerpts' passages and joins the stored
cards; elsewhere `portable_results` makes them.
"""

import html
import re
from collections import defaultdict
from typing import NamedTuple

from django.contrib.postgres.search import SearchQuery, SearchVector
from django.db import connection
from django.db.models import Q
from django.utils.safestring import SafeString
from django.utils.text import Truncator

from articles.html.cards import card_parts
from newsroom.text import clean_line

CONFIG = "french_unaccent"  # French stemming, accents ignored (see migration 0006)
MAX_LENGTH = 200
MAX_WORDS = 8
EXCERPT_WORDS = 35
# The newest matches are ranked by relevance, then the older ones follow, newest first:
# ranking the newest 500 of 1,177 matches took 4 of the statement's 6 ms at 100,000
# articles. A news reader's best match is most often a recent one; an older story is found
# by its more particular words. Ranking reads the head's words only (rank_vector).
RANKED_MATCHES = 100
SHOWN_MATCHES = 500  # the newest matches pages reach
# Results a page: ten, as WordPress, Wagtail's and most search pages show. A result is a
# card with a passage of its text, twice as tall as a list's card on a phone: ten fill
# as many screens as a list page's twenty (10.7 KB of HTML, against 17.9 KB for twenty).
# Each result's passage and excerpt made twenty cost a search a fifth of its CPU at
# 100,000 articles (README, Speed).
RESULTS_A_PAGE = 10
COUNTED_MATCHES = 500  # beyond this, readers see "more than 500 results"
REINDEX_BATCH = 1000
# Markers that cannot occur in cleaned text: placed by the database, turned into <mark> after
# everything else has been escaped.
START, STOP = "\x02", "\x03"


def uses_postgres() -> bool:
    return connection.vendor == "postgresql"


def words(text: str) -> list[str]:
    """The reader's words: bounded, without control characters (NUL included)."""
    return clean_line((text or "")[:MAX_LENGTH]).split()[:MAX_WORDS]


def head_vector():
    """Headline above standfirst, tags and authors: what ranking reads (rank_vector)."""
    return (
        SearchVector("headline", weight="A", config=CONFIG)
        + SearchVector("standfirst", weight="B", config=CONFIG)
        + SearchVector("search_tags", weight="B", config=CONFIG)
        + SearchVector("search_authors", weight="B", config=CONFIG)
    )


def document_vector():
    """The head above the body: what matching reads (search_vector)."""
    return head_vector() + SearchVector("body_text", weight="C", config=CONFIG)


def vectors() -> dict:
    """Both vectors, as an update's keyword arguments."""
    return {"search_vector": document_vector(), "rank_vector": head_vector()}


def _query(terms):
    return SearchQuery(" ".join(terms), config=CONFIG, search_type="websearch")


def matching(queryset, terms):
    """The articles that match every word (PostgreSQL: the GIN index; elsewhere: LIKE)."""
    if uses_postgres():
        return queryset.filter(search_vector=_query(terms))
    for term in terms:
        queryset = queryset.filter(
            Q(headline__icontains=term)
            | Q(standfirst__icontains=term)
            | Q(body_text__icontains=term)
            | Q(search_tags__icontains=term)
            | Q(search_authors__icontains=term)
        )
    return queryset


def search(queryset, text: str):
    """The matching articles, newest first. The reader's search page ranks them on
    PostgreSQL (articles/ranked_search.py) and uses this elsewhere."""
    terms = words(text)
    if not terms:
        return queryset.none()
    if not uses_postgres():
        # portable_results() cuts the excerpts from the text in Python: load it.
        queryset = queryset.defer(None).defer("body", "correction", "search_vector")
    return matching(queryset, terms).order_by("-published_at")


def count(queryset, text: str) -> tuple[int, bool]:
    """How many articles match, counted up to COUNTED_MATCHES: (number, whether more do)."""
    terms = words(text)
    if not terms:
        return 0, False
    return bounded(matching(queryset, terms).order_by().values("pk")[: COUNTED_MATCHES + 1].count())


def bounded(counted: int) -> tuple[int, bool]:
    """What readers are told of `counted` matches: (number, whether more than that match)."""
    return min(counted, COUNTED_MATCHES), counted > COUNTED_MATCHES


class SearchResult(NamedTuple):
    """A result as the page shows it: the article's card title and meta, and its excerpt."""

    pk: int
    title: str
    meta: str
    excerpt_html: str

    @classmethod
    def of(cls, pk: int, title: str, meta: str, marked: str | None) -> "SearchResult":
        """From card parts (markup format_html wrote) and an excerpt marked START…STOP.
        SafeString, not mark_safe or escape: their checks for lazy text cost 0.15 ms of CPU
        for a page of twenty results."""
        excerpt = (
            html.escape(marked).replace(START, "<mark>").replace(STOP, "</mark>") if marked else ""
        )
        return cls(pk, SafeString(title), SafeString(meta), SafeString(excerpt))

    @property
    def standfirst(self) -> str:
        """The excerpt where a list's card has its standfirst: the page's results are
        written as one list of cards (cards.article_cards)."""
        return f'\n  <p class="excerpt">{self.excerpt_html}</p>' if self.excerpt_html else ""


def portable_results(articles, text: str) -> list[SearchResult]:
    """The results of articles with their sections and credits, excerpts cut in Python."""
    terms = [t for t in words(text) if len(t) > 1]
    results = []
    for article in articles:
        card = card_parts(article)
        marked = _mark_in_python(f"{article.standfirst} {article.body_text}", terms)
        results.append(SearchResult.of(article.pk, card.title, card.meta, marked))
    return results


def _mark_in_python(text: str, terms: list[str]) -> str:
    """An excerpt around the first match, every term marked (the portable search's highlight)."""
    if not terms:
        return Truncator(text).words(EXCERPT_WORDS)
    pattern = re.compile("|".join(re.escape(t) for t in terms), re.IGNORECASE)
    first = pattern.search(text)
    start = max(0, text.rfind(" ", 0, max(0, first.start() - 80)) + 1) if first else 0
    window = Truncator(text[start:]).words(EXCERPT_WORDS)
    prefix = "… " if start else ""
    return prefix + pattern.sub(lambda m: f"{START}{m.group(0)}{STOP}", window)


def reindex(article_ids) -> None:
    """Refresh the search fields of these articles (tags and bylines included), a thousand
    at a time: two reads and two writes a thousand. One write an article took 4 ms: 2,000
    articles of a merged or renamed tag took 8.2 s, so 20,000 about 82 s (now 43 s)."""
    ids = sorted(set(article_ids))
    for start in range(0, len(ids), REINDEX_BATCH):
        _reindex(ids[start : start + REINDEX_BATCH])


def _reindex(ids: list[int]) -> None:
    from articles.models import Article, Byline, Tagging

    tags, authors = defaultdict(list), defaultdict(list)
    tagged = Tagging.objects.filter(content_object_id__in=ids).order_by("pk")
    for pk, name in tagged.values_list("content_object_id", "tag__name"):
        tags[pk].append(name)
    signed = Byline.objects.filter(article_id__in=ids).order_by("position", "pk")
    for pk, name in signed.values_list("article_id", "author__display_name"):
        authors[pk].append(name)
    Article.objects.bulk_update(
        [
            Article(pk=pk, search_tags=" ".join(tags[pk]), search_authors=" ".join(authors[pk]))
            for pk in ids
        ],
        ["search_tags", "search_authors"],
    )
    if uses_postgres():
        Article.objects.filter(pk__in=ids).update(**vectors())
