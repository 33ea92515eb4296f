"""Passages of an article's searchable text, a few sentences each: a search result's
excerpt comes from the one holding most of the reader's words (articles/excerpts.py)."""

import re

LENGTH = 400  # characters: a passage grows sentence by sentence to at least this
LONGEST = 800  # a sentence longer than this is cut at a space
# The end of a sentence: its mark, any closing quote or bracket, and the spaces after.
SENTENCE_END = re.compile(r"[.!?…][\"'»”’)\]]*\s+")


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
