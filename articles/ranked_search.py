"""A page of the reader's search on PostgreSQL: one fixed statement (newsroom/sql.py).

Through the ORM the page took two statements: one found the matches, sorted them, fetched the
newest 500 again by key to rank them (joined to their sections) and wrote the excerpts; the
other found the matches again to count them. At 100,000 articles that was 30 ms of the
database's time for "sécurité marché" (1,177 matches) against 18 ms for this statement, which
reads the matches once, ranks them from that read, and joins only the rows the page shows.

A result is the article's stored card (articles/html/card_store.py) with its excerpt: built
from the article's model, its section and bylines, the results cost half the page's CPU. The
statement returns the passage of the text with most of the reader's words
(articles/passages.py), from which articles/excerpts.py cuts and marks the excerpt.
"""

from dataclasses import dataclass

from articles import excerpts, passages, search
from articles.html import card_store
from articles.models.published import published, published_params
from newsroom.sql import rows

# The newest matches, read once: the newest SHOWN_MATCHES shown, of which the newest
# RANKED_MATCHES ranked and the others after them, newest first; counted (one beyond
# COUNTED_MATCHES says that more match). The excerpt is written only for the rows shown,
# not for the row fetched to learn whether a next page exists.
SOURCE = passages.SOURCE_SQL.format(table="a")
RESULTS = f"""
WITH query AS (
    SELECT websearch_to_tsquery(%(config)s::regconfig, %(words)s) AS q,
           websearch_to_tsquery(%(config)s::regconfig, %(any_word)s) AS any_word,
           -- The words the excerpts mark: those the index holds, stop words left out.
           ARRAY(SELECT word FROM unnest(%(tokens)s::text[]) word
                 WHERE length(to_tsvector(%(config)s::regconfig, word)) > 0) AS marked
),
matches AS MATERIALIZED (
    SELECT a.id, a.published_at, a.search_vector
    FROM articles_article a
    -- The query written out, not read from the CTE above: the planner then sees its words
    -- and how common they are, and walks the archive newest first for a common word.
    WHERE a.search_vector @@ websearch_to_tsquery(%(config)s::regconfig, %(words)s)
      AND {published("a", "%(status)s", "%(now)s")}
    ORDER BY a.published_at DESC, a.id DESC
    LIMIT %(read)s
),
ranked AS (
    -- ts_rank reads the whole text's words: only the newest are ranked, each once.
    SELECT newest.id, newest.published_at,
           row_number() OVER (ORDER BY newest.age > %(ranked)s,
                              CASE WHEN newest.age <= %(ranked)s
                                   THEN ts_rank(newest.search_vector, query.q) END DESC,
                              newest.published_at DESC, newest.id DESC) AS position
    FROM (SELECT *, row_number() OVER (ORDER BY published_at DESC, id DESC) AS age
          FROM matches ORDER BY published_at DESC, id DESC LIMIT %(shown_matches)s) newest,
         query
)
SELECT a.id, c.title, c.meta,
       CASE WHEN r.position <= %(shown)s THEN coalesce(best.text, {SOURCE}) END AS passage,
       coalesce(best.start, 0) > 0 AS later,
       query.marked,
       counting.counted
FROM (SELECT count(*) AS counted FROM matches) counting
CROSS JOIN query
-- Joined on the left so that a page past the last one still tells how many matched.
LEFT JOIN (
    ranked r
    JOIN articles_article a ON a.id = r.id
    {card_store.matching("articles_card", "c", "%(language)s", "%(code)s")}
) ON r.position > %(offset)s AND r.position <= %(until)s
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
ORDER BY r.position
"""


@dataclass
class RankedRows:
    results: list  # up to `shown` SearchResults, and the probe row beyond (no excerpt)
    counted: int  # matches counted, up to COUNTED_MATCHES + 1


def kept_words(terms: list[str]) -> list[str]:
    """The reader's words the excerpts look for: not those excluded ("-word"), nor the
    operator itself; quotes are only syntax."""
    kept = (t.replace('"', "") for t in terms if not t.startswith("-") and t.lower() != "or")
    return [word for word in kept if word]


def any_word(terms: list[str]) -> str:
    """The reader's words joined by OR, to choose the passage: it may hold some words only."""
    return " or ".join(kept_words(terms))


def ranked_rows(text: str, offset: int, shown: int) -> RankedRows:
    """The matches at [offset, offset + shown), best first, and one more without excerpt."""
    terms = search.words(text)
    if not terms:
        return RankedRows([], 0)
    status, now = published_params()
    params = {
        "config": search.CONFIG,
        "words": " ".join(terms),
        "any_word": any_word(terms),
        "read": max(search.SHOWN_MATCHES, search.COUNTED_MATCHES + 1),
        "ranked": search.RANKED_MATCHES,
        "shown_matches": search.SHOWN_MATCHES,
        "shown": offset + shown,
        "offset": offset,
        "until": offset + shown + 1,
        "tokens": excerpts.tokens(kept_words(terms)),
    }
    language, code = card_store.join_params()
    found = rows(
        RESULTS, {**params, "status": status, "now": now, "language": language, "code": code}
    )
    matched = [row for row in found if row[0] is not None]  # else a page past the last
    missing = [pk for pk, title, *_rest in matched if title is None]
    made = card_store.make(missing) if missing else {}
    marker = excerpts.marker(tuple(found[0][-2]))
    results = [
        search.SearchResult.of(
            pk,
            *(made[pk][:2] if title is None else (title, meta)),
            None if passage is None else marker.excerpt(passage, later),
        )
        for pk, title, meta, passage, later, _marked, _counted in matched
        if title is not None or pk in made  # else unpublished since it was found
    ]
    return RankedRows(results, found[0][-1])
