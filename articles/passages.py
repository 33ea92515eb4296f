"""Passages of an article's searchable text, for search results' excerpts (PostgreSQL).

ts_headline parses all the text it is given: the whole text of twenty results cost 24 ms, so
the excerpt was written from the first 1,200 characters, and a word found further in was
never shown. Each article's text is now cut into passages of a few sentences, each with the
words it holds; a result's excerpt is written from the passage with most of the reader's
words (articles/ranked_search.py).
"""

import re

from django.db import connection

from articles import search

LENGTH = 400  # characters: a passage grows sentence by sentence to at least this
LONGEST = 800  # a sentence longer than this is cut at a space
# The end of a sentence: its mark, any closing quote or bracket, and the spaces after.
SENTENCE_END = re.compile(r"[.!?…][\"'»”’)\]]*\s+")

# The text the passages' offsets count in, as the database writes it and as Python does.
SOURCE_SQL = "{table}.standfirst || ' ' || {table}.body_text"


def source(standfirst: str, body_text: str) -> str:
    return f"{standfirst} {body_text}"


def bounds(text: str) -> list[tuple[int, int]]:
    """The passages of `text` as (start, stop) offsets: in order, end to end, none empty."""
    found, start = [], 0
    ends = [match.end() for match in SENTENCE_END.finditer(text)]
    for end in [*ends, len(text)]:
        while end - start > LONGEST:
            space = text.rfind(" ", start + 1, start + LONGEST)
            cut = space + 1 if space > start else start + LONGEST
            found.append((start, cut))
            start = cut
        if end - start >= LENGTH or (end == len(text) and end > start):
            found.append((start, end))
            start = end
    return found


# The passages' words from the text Python cut, sent with it: the words and the text then
# always come from the same text, whatever writes the article meanwhile.
INSERT = """
INSERT INTO articles_passage (article_id, position, start, stop, text, vector)
SELECT cut.article_id, cut.position, cut.start, cut.stop, cut.text,
       strip(to_tsvector(%s::regconfig, cut.text))
FROM unnest(%s::bigint[], %s::int[], %s::int[], %s::int[], %s::text[])
     AS cut(article_id, position, start, stop, text)
"""


def index(article_ids) -> None:
    """Cut these articles' texts into passages again (PostgreSQL; elsewhere, nothing)."""
    if not search.uses_postgres():
        return
    ids = list(article_ids)
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT id, standfirst, body_text FROM articles_article WHERE id = ANY(%s)", [ids]
        )
        write(cursor, cursor.fetchall(), replace=ids)


def write(cursor, texts, replace=()) -> None:
    """Passages for (article id, standfirst, body text) rows, in place of those of `replace`."""
    columns = ([], [], [], [], [])
    for pk, standfirst, body_text in texts:
        text = source(standfirst, body_text)
        for position, (start, stop) in enumerate(bounds(text)):
            row = (pk, position, start, stop, text[start:stop])
            for column, value in zip(columns, row, strict=True):
                column.append(value)
    if replace:
        cursor.execute("DELETE FROM articles_passage WHERE article_id = ANY(%s)", [list(replace)])
    if columns[0]:
        cursor.execute(INSERT, [search.CONFIG, *columns])
