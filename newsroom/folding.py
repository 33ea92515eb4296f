"""Text folded for comparison blind to case and accents, in Python and in SQLite.

PostgreSQL compares through its unaccent text-search configuration; SQLite has no such
thing, so each new SQLite connection gets FOLD, a function doing what fold() does.
"""

import re
import unicodedata
from functools import cache, lru_cache

from django.db.backends.signals import connection_created
from django.db.models import Func, TextField
from django.dispatch import receiver

FUNCTION = "NEWSROOM_FOLD"
# The marks NFKD splits off letters ("é" → "e" + U+0301). Those outside the BMP are
# rare; a class holding them made every search several times slower, so they have their own.
_BMP_MARKS = "".join(chr(c) for c in range(0x10000) if unicodedata.combining(chr(c)))
_MARKS = re.compile(f"[{re.escape(_BMP_MARKS)}]+")
_ASTRAL = re.compile("[\U00010000-\U0010ffff]")


@cache
def _astral_marks() -> re.Pattern:
    marks = "".join(chr(c) for c in range(0x10000, 0x110000) if unicodedata.combining(chr(c)))
    return re.compile(f"[{re.escape(marks)}]+")


def fold(text: str) -> str:
    """`text` in lower case, without accents, "œ" and "æ" written "oe" and "ae"."""
    if text.isascii():
        return text.lower()
    text = text.casefold().replace("œ", "oe").replace("æ", "ae")
    text = _MARKS.sub("", unicodedata.normalize("NFKD", text))
    return _astral_marks().sub("", text) if _ASTRAL.search(text) else text


@lru_cache(maxsize=16)
def _fold_in_sql(text):
    # Cached: a row's text is folded once however many of the reader's words are looked for.
    return None if text is None else fold(text)


class Fold(Func):
    """The expression's text folded (SQLite only: see register)."""

    function = FUNCTION
    output_field = TextField()


@receiver(connection_created, dispatch_uid="newsroom.folding")
def register(sender, connection, **kwargs):
    """Give each new SQLite connection the FOLD function."""
    if connection.vendor == "sqlite":
        connection.connection.create_function(FUNCTION, 1, _fold_in_sql, deterministic=True)
