"""The article columns that the fixed statements of the reader's pages select (newsroom/sql.py).

A card's columns are written once here; a page that shows more takes every column but those
it leaves out. Statements alias the article table `a`.
"""

from functools import cache

from django.db import connection

# What a card in a list shows (LISTING_FIELDS in article.py), the section joined apart.
CARD_COLUMNS = (
    "a.id, a.slug, a.headline, a.standfirst, a.status, a.version, a.published_at, "
    "a.revised_at, a.section_id, a.generation"
)


@cache
def article_columns(left_out: frozenset) -> str:
    """Every concrete column of the article table but the fields `left_out`."""
    from articles.models.article import Article

    return ", ".join(
        f"a.{connection.ops.quote_name(field.column)}"
        for field in Article._meta.concrete_fields
        if field.name not in left_out
    )
