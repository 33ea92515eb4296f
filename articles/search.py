"""Search over published articles: PostgreSQL full-text search, or a simple portable search.

On PostgreSQL the matches come from the GIN index (French, accent-blind); the newest
RANKED_MATCHES are ranked by relevance, the older ones follow, newest first. Each result
shows the passage of its text holding most of the reader's words, marked in any of their
forms (articles/excerpts.py). Elsewhere (SQLite) the words are found with LIKE in the text
folded as the reader's words are (newsroom/folding.py): case and accents ignored, "oe" finds
"œ"; there, a result's excerpt marks its words in any of their accents and cases.
"""

import html
import re
from collections import defaultdict
from typing import NamedTuple

from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector
from django.db import connection
from django.db.models import F, TextField, Value
from django.db.models.functions import Cast, Concat
from django.utils.safestring import mark_safe
from django.utils.text import Truncator

from articles import excerpts
from articles.models import Article, Byline, Tagging
from newsroom.folding import Fold, fold
from newsroom.text import clean_line

CONFIG = "french_unaccent"  # French stemming, accents ignored (see the search migration)
MAX_LENGTH = 200
MAX_WORDS = 8
EXCERPT_WORDS = 35
# A news reader's best match is most often a recent one; an older story is found by its
# more particular words.
RANKED_MATCHES = 100
SEARCHED_FIELDS = ("headline", "standfirst", "body_text", "search_tags", "search_authors")
SHOWN_MATCHES = 500  # the newest matches pages reach
COUNTED_MATCHES = 500  # beyond this, readers see "more than 500 results"
RESULTS_A_PAGE = 10  # a result is twice a list card's height on a phone
REINDEX_BATCH = 1000
# A tsquery's lexemes, and whether each is negated ("-word").
LEXEME = re.compile(r"(!?)'((?:[^']|'')+)'")


def uses_postgres() -> bool:
    return connection.vendor == "postgresql"


def shown_query(text: str) -> str:
    """The reader's search words as the search box shows them, control characters out."""
    return clean_line((text or "")[:MAX_LENGTH])


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


def _query(terms) -> SearchQuery:
    return SearchQuery(" ".join(terms), config=CONFIG, search_type="websearch")


def matching(queryset, terms):
    """The articles that match every word (PostgreSQL: the GIN index; elsewhere: LIKE in
    the folded text)."""
    if uses_postgres():
        return queryset.filter(search_vector=_query(terms))
    folded = _folded(terms)
    if not folded:  # only marks, which folding removes: nothing to look for
        return queryset.none()
    # One text, so that a row is folded once; its fields joined by a space, which no folded
    # word holds.
    fields = [part for field in SEARCHED_FIELDS for part in (field, Value(" "))][:-1]
    queryset = queryset.alias(folded_text=Fold(Concat(*fields, output_field=TextField())))
    for term in folded:
        queryset = queryset.filter(folded_text__contains=term)
    return queryset


def _folded(terms) -> list[str]:
    """The reader's words folded (a compatibility character may fold to a space)."""
    return [word for term in terms for word in fold(term).split()]


def search(queryset, text: str):
    """The matching articles, newest first."""
    terms = words(text)
    if not terms:
        return queryset.none()
    return matching(queryset, terms).order_by("-published_at", "-pk")


class Result(NamedTuple):
    article: object
    excerpt: str  # markup: the passage, the reader's words in <mark>

    @property
    def pk(self) -> int:
        return self.article.pk


class Found(NamedTuple):
    results: list[Result]  # the page's, and one beyond it (whether a next page exists)
    total: int  # up to COUNTED_MATCHES
    more: bool  # whether more than COUNTED_MATCHES match


def found(published, cards, text: str, offset: int, size: int) -> Found:
    """The matches at [offset, offset + size], best first. `published` is the articles
    searched; `cards` what a result shows, with the text its excerpt is cut from."""
    terms = words(text)
    if not terms:
        return Found([], 0, False)
    newest = list(
        matching(published, terms)
        .order_by("-published_at", "-pk")
        .values_list("pk", flat=True)[: max(SHOWN_MATCHES, COUNTED_MATCHES + 1)]
    )
    total, more = min(len(newest), COUNTED_MATCHES), len(newest) > COUNTED_MATCHES
    order = _ranked(newest[:RANKED_MATCHES], terms) + newest[RANKED_MATCHES:SHOWN_MATCHES]
    shown = order[offset : offset + size + 1]
    if not shown:
        return Found([], total, more)
    rows = cards.filter(pk__in=shown)
    if uses_postgres():
        rows = rows.annotate(lexemes=Cast(_query(terms), TextField()))
    by_pk = {article.pk: article for article in rows}
    articles = [by_pk[pk] for pk in shown if pk in by_pk]  # else unpublished meanwhile
    marker = _marker(articles)
    return Found([Result(a, _excerpt(a, marker, terms)) for a in articles], total, more)


def _ranked(ids: list[int], terms) -> list[int]:
    """These matches best first: by relevance on PostgreSQL, else as they are (newest)."""
    if not uses_postgres() or not ids:
        return ids
    rank = SearchRank(F("rank_vector"), _query(terms))
    ranked = Article.objects.filter(pk__in=ids).annotate(rank=rank)
    return list(ranked.order_by("-rank", "-published_at", "-pk").values_list("pk", flat=True))


def _marker(articles):
    """What marks the reader's words on PostgreSQL: the lexemes its query kept (no stop
    word, no excluded "-word")."""
    if not articles or not uses_postgres():
        return None
    kept = [
        word.replace("''", "'") for bang, word in LEXEME.findall(articles[0].lexemes) if not bang
    ]
    return excerpts.Marker.from_stems(kept)


def _excerpt(article, marker, terms) -> str:
    text = f"{article.standfirst} {article.body_text}"
    if marker is None:
        return marked_html(_mark_in_python(text, [t for t in _folded(terms) if len(t) > 1]))
    return marked_html(marker.best_excerpt(text))


def marked_html(marked: str) -> str:
    """The excerpt escaped, its marked words (START…STOP) in <mark>."""
    escaped = html.escape(marked)
    return mark_safe(escaped.replace(excerpts.START, "<mark>").replace(excerpts.STOP, "</mark>"))


def _mark_in_python(text: str, terms: list[str]) -> str:
    """An excerpt around the first match, every term (folded) marked however it is
    accented and cased (the portable search's)."""
    if not terms:
        return Truncator(text).words(EXCERPT_WORDS)
    pattern = re.compile("|".join(excerpts._spelled(t) for t in terms), re.IGNORECASE)
    first = pattern.search(text)
    start = max(0, text.rfind(" ", 0, max(0, first.start() - 80)) + 1) if first else 0
    window = Truncator(text[start:]).words(EXCERPT_WORDS)
    prefix = "… " if start else ""
    return prefix + pattern.sub(lambda m: f"{excerpts.START}{m.group(0)}{excerpts.STOP}", window)


def reindex(article_ids) -> None:
    """Refresh the search fields of these articles (tags and bylines included), a thousand
    at a time."""
    ids = sorted(set(article_ids))
    for start in range(0, len(ids), REINDEX_BATCH):
        _reindex(ids[start : start + REINDEX_BATCH])


def names_fields(tags, authors) -> dict:
    """The search fields of an article's tags and authors, given their names in order."""
    return {"search_tags": " ".join(tags), "search_authors": " ".join(authors)}


def refresh_vectors(article_ids) -> None:
    """PostgreSQL's vectors of these articles, from their stored fields (elsewhere, none):
    enough for new articles whose other search fields were given at their insert."""
    ids = sorted(set(article_ids))
    for start in range(0, len(ids), REINDEX_BATCH):
        _refresh_vectors(ids[start : start + REINDEX_BATCH])


def _reindex(ids: list[int]) -> None:
    tags, authors = defaultdict(list), defaultdict(list)
    tagged = Tagging.objects.filter(content_object_id__in=ids).order_by("pk")
    for pk, name in tagged.values_list("content_object_id", "tag__name"):
        tags[pk].append(name)
    signed = Byline.objects.filter(article_id__in=ids).order_by("position", "pk")
    for pk, name in signed.values_list("article_id", "author__display_name"):
        authors[pk].append(name)
    Article.objects.bulk_update(
        [Article(pk=pk, **names_fields(tags[pk], authors[pk])) for pk in ids],
        ["search_tags", "search_authors"],
    )
    _refresh_vectors(ids)


def _refresh_vectors(ids: list[int]) -> None:
    if uses_postgres():
        Article.objects.filter(pk__in=ids).update(**vectors())
