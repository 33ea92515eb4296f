"""A page of the reader's search on PostgreSQL, in fixed statements (newsroom/sql.py).

Through the ORM the page took two statements: one found the matches, sorted them, fetched the
newest 500 again by key to rank them (joined to their sections) and wrote the excerpts; the
other found the matches again to count them. At 100,000 articles that was 30 ms of the
database's time for "sécurité marché" (1,177 matches).

Now WINDOWED reads the matches once, newest first, counts them, ranks the newest of them and
joins only the rows the page shows, with the menu's sections: one prepared statement. The
matches are those of the last 90 days (models/recent.py) where they fill a page, else every
day's. Reading every day's, at 100,000 articles, read all 1,177 matches of "sécurité marché"
(2.2 ms), and the window's 143 (0.25 ms). When the reader asks for the archives, MATCHES
reads every day's matches, planned for the words, and PAGE then reads their page.

A result is the article's stored card (articles/html/card_store.py) with its excerpt: built
from the article's model, its section and bylines, the results cost half the page's CPU. The
page's rows hold the passage of the text with most of the reader's words
(articles/passages.py), from which articles/excerpts.py cuts and marks the excerpt.
"""

from dataclasses import dataclass
from datetime import datetime

from django.utils import timezone

from articles import excerpts, passages, search
from articles.html import card_store
from articles.html.parts import MENU, menu_beside, sections_with
from articles.models.published import published, published_params
from articles.models.recent import RECENT
from newsroom.sql import rows

# The newest matches' keys, as the text of an array, and how many: the newest SHOWN_MATCHES
# are shown; one beyond COUNTED_MATCHES says that more match. PAGE reads the keys back as
# they came: 500 of them cost 0.6 ms of the app's CPU as Python integers, written into the
# next statement one by one.
MATCH = "search_vector @@ websearch_to_tsquery(%(config)s::regconfig, %(words)s)"
SHOWN = "SELECT newest[1:%(shown_matches)s]::text, cardinality(newest)"
# Every day's matches, when the reader asks for the archives: written out for the planner
# to see the words, and walk the archive newest first for a common one.
MATCHES = f"""
WITH matches AS MATERIALIZED (  -- else the keys are read once for each column
    SELECT ARRAY(
        SELECT m.id
        FROM articles_article m
        WHERE m.{MATCH} AND {published("m", "%(status)s", "%(now)s")}
        ORDER BY m.published_at DESC, m.id DESC
        LIMIT %(read)s
    ) AS newest
)
{SHOWN} FROM matches
"""


def _by_words(table: str, key: str, columns: str) -> str:
    """The rows of `table` the reader's words match, found by the words alone (OFFSET 0
    keeps the other conditions out): planned once for any values, PostgreSQL also read the
    index on the window's times, which is for pruning, across the whole window (1.9 ms at
    100,000 articles)."""
    return f"(SELECT {key}, {columns} FROM {table} WHERE {MATCH} OFFSET 0) m"


# The matches of the window (its articles are all published: models/recent.py) when they
# are `enough` for a page and a published article is older than the window (the oldest's
# time, from the index on status and time); else every day's, and `windowed` is false.
# Every day's are read only where the CASE asks for them.
#
# Prepared (in WINDOWED), so planned once a connection for any words: the window is
# bounded, and its index serves any words; every day's matches are read only for words the
# window has fewer than a page of, for which the index is the best plan too. Planned for
# the words, a statement of both cost more to plan than the window took to read.
WINDOW_MATCHES = f"""
recent AS MATERIALIZED (
    SELECT ARRAY(
               SELECT m.article_id
               FROM {_by_words("articles_recentarticle", "article_id", "published_at")}
               WHERE m.published_at <= %(now)s AND m.published_at > %(since)s
               ORDER BY m.published_at DESC, m.article_id DESC
               LIMIT %(read)s
           ) AS newest,
           (SELECT min(o.published_at) FROM articles_article o
            WHERE o.status = %(status)s) <= %(since)s AS older
),
matches AS MATERIALIZED (
    SELECT CASE WHEN older AND cardinality(newest) < %(enough)s THEN ARRAY(
               SELECT m.id
               FROM {_by_words("articles_article", "id", "status, published_at")}
               WHERE {published("m", "%(status)s", "%(now)s")}
               ORDER BY m.published_at DESC, m.id DESC
               LIMIT %(read)s
           ) ELSE newest END AS newest,
           older AND cardinality(newest) >= %(enough)s AS windowed
    FROM recent
)"""


def _ranking(ids: str) -> str:
    """The page's query and each match's place (position) among the matches `ids`, newest
    first: the newest `ranked` by relevance, then the others after them, newest first.
    Ranking reads the words of the head (rank_vector), each ranked match's once, by the
    subquery: those of the whole text lie out of line, and read for 100 matches at 100,000
    articles they took 0.9 ms of the statement's 1.6 ms."""
    return f"""
query AS (
    SELECT websearch_to_tsquery(%(config)s::regconfig, %(words)s) AS q,
           websearch_to_tsquery(%(config)s::regconfig, %(any_word)s) AS any_word,
           -- The words the excerpts mark: those the index holds, stop words left out.
           ARRAY(SELECT word FROM unnest(%(tokens)s::text[]) word
                 WHERE length(to_tsvector(%(config)s::regconfig, word)) > 0) AS marked
),
ranked AS (
    SELECT m.id,
           row_number() OVER (ORDER BY m.age > %(ranked)s,
                              CASE WHEN m.age <= %(ranked)s THEN (
                                  SELECT ts_rank(s.rank_vector, query.q)
                                  FROM articles_article s WHERE s.id = m.id
                              ) END DESC,
                              m.age) AS position
    FROM unnest({ids}) WITH ORDINALITY AS m (id, age), query
)"""


# The page's rows, from `ranked`: each with its stored card (articles/html/card_store.py)
# and its place. The excerpt is written only for the rows shown, not for the row fetched
# to learn whether a next page exists.
SOURCE = passages.SOURCE_SQL.format(table="a")
RESULTS = f"""
SELECT a.id, c.title, c.meta,
       CASE WHEN r.position <= %(shown)s THEN coalesce(best.text, {SOURCE}) END AS passage,
       coalesce(best.start, 0) > 0 AS later,
       query.marked, r.position
FROM ranked r
CROSS JOIN query
JOIN articles_article a ON a.id = r.id
{card_store.matching("articles_card", "c", "%(language)s", "%(code)s")}
-- The passage holding most of the reader's words (its words have no positions: ts_rank
-- counts them), first in the text among equals; an article whose passages its text's last
-- change deleted, not yet cut again, gives its excerpt from its whole text.
LEFT JOIN LATERAL (
    SELECT p.start, p.text
    FROM articles_passage p
    WHERE p.article_id = a.id AND r.position <= %(shown)s
    ORDER BY ts_rank(p.vector, query.any_word) DESC, p.position
    LIMIT 1
) best ON true
WHERE r.position > %(offset)s AND r.position <= %(until)s
"""

# The page of the matches `ids` (MATCHES's, when the reader asks for the archives).
PAGE = f"""
WITH {_ranking("%(ids)s::bigint[]")}
{RESULTS}
ORDER BY r.position
"""

# A search's page in one round trip: the window's matches (else every day's), their page,
# their number and the menu, side by side (parts.menu_beside). As two statements, the
# second given the first's keys, it cost 0.12 ms more CPU at 100,000 articles: the app's
# 0.22 ms against 0.16, PostgreSQL's 0.77 against 0.70.
WINDOWED = f"""
WITH {WINDOW_MATCHES},
{_ranking("(SELECT newest[1:%(shown_matches)s] FROM matches)")},
results AS ({RESULTS}),
menu AS ({MENU})
SELECT menu.id, menu.name, menu.slug, menu.description, menu.position,
       found.counted, found.windowed,
       x.id, x.title, x.meta, x.passage, x.later, x.marked, x.position
FROM menu
FULL JOIN (SELECT *, row_number() OVER (ORDER BY position) AS n FROM results) x
    ON x.n = menu.n
CROSS JOIN (SELECT cardinality(newest) AS counted, windowed FROM matches) found
ORDER BY coalesce(menu.n, x.n)
"""


@dataclass
class RankedRows:
    results: list  # up to `shown` SearchResults, and the probe row beyond (no excerpt)
    counted: int  # matches counted, up to COUNTED_MATCHES + 1
    since: datetime | None = None  # the window's start, when only the window was searched


def kept_words(terms: list[str]) -> list[str]:
    """The reader's words the excerpts look for: not those excluded ("-word"), nor the
    operator itself; quotes are only syntax."""
    kept = (t.replace('"', "") for t in terms if not t.startswith("-") and t.lower() != "or")
    return [word for word in kept if word]


def any_word(terms: list[str]) -> str:
    """The reader's words joined by OR, to choose the passage: it may hold some words only."""
    return " or ".join(kept_words(terms))


def ranked_rows(text: str, offset: int, shown: int, request, archives: bool = False) -> RankedRows:
    """The matches at [offset, offset + shown), best first, and one more without excerpt:
    those of the last RECENT days when they fill a page and an older article exists, unless
    the reader asked for the `archives`; else those of every day. The menu's sections are
    read with them, for the page's `request`."""
    terms = search.words(text)
    if not terms:
        return RankedRows([], 0)
    status, now = published_params()
    language, code = card_store.join_params()
    params = {
        "config": search.CONFIG,
        "words": " ".join(terms),
        "status": status,
        "now": now,
        "read": max(search.SHOWN_MATCHES, search.COUNTED_MATCHES + 1),
        "shown_matches": search.SHOWN_MATCHES,
        "any_word": any_word(terms),
        "tokens": excerpts.tokens(kept_words(terms)),
        "ranked": search.RANKED_MATCHES,
        "shown": offset + shown,
        "offset": offset,
        "until": offset + shown + 1,
        "language": language,
        "code": code,
    }
    if archives:
        return _every_day(params, request)
    since = timezone.now() - RECENT
    found = menu_beside(request, WINDOWED, {**params, "since": since, "enough": shown})
    if not found:
        return RankedRows([], 0)  # no section: nothing is published
    counted, windowed = found[0][:2]
    results = [row[2:] for row in found if row[2] is not None]
    return RankedRows(_results(results), counted, since if windowed else None)


def _every_day(params: dict, request) -> RankedRows:
    """Every day's matches (MATCHES), read with the menu, then their page."""
    ids, counted = sections_with(request, MATCHES, params, prepared=False) or (None, 0)
    if counted <= params["offset"]:
        return RankedRows([], counted)  # a page past the last
    return RankedRows(_results(rows(PAGE, {**params, "ids": ids}, prepared=True)), counted)


def _results(found: list[tuple]) -> list:
    """SearchResults of the page's rows: the cards not yet stored are made and stored."""
    missing = [pk for pk, title, *_rest in found if title is None]
    made = card_store.make(missing) if missing else {}
    marker = excerpts.marker(tuple(found[0][5])) if found else None
    return [
        search.SearchResult.of(
            pk,
            *(made[pk][:2] if title is None else (title, meta)),
            None if passage is None else marker.excerpt(passage, later),
        )
        for pk, title, meta, passage, later, _marked, _position in found
        if title is not None or pk in made  # else unpublished since it was found
    ]
