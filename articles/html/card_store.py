"""The cards lists show, stored as article pages are (models/rendering.py): one row an
article and language, made by the first list that shows the article after it changed.

Building 20 cards from their articles cost a section page a quarter of its CPU, and the
articles' models another quarter (bench/profile_page.py); read stored, a card is three
strings from the list's own statement.
"""

from typing import NamedTuple

from django.utils.translation import get_language

from articles.html.cards import card_parts
from articles.html.stored import code_version
from articles.models.rendering import Card, keep
from articles.models.section import SECTION_COLUMNS, joined_section
from newsroom.sql import placeholders, rows

# What a list's own statement selects, its article table aliased `a`: card_statement()
# joins the stored cards to the rows it keeps.
ARTICLE_COLUMNS = "a.id, a.section_id, a.version, a.generation, a.published_at, a.created_at"


def card_statement(inner: str, order: str = "a.published_at DESC, a.id DESC", block="") -> str:
    """A list's statement (selecting ARTICLE_COLUMNS, in `order`) with its cards, as stored
    in the active language while they match; join_params() come after its own. `block`: a
    column of the list's own that tells which of a page's blocks a card is in."""
    return f"""
SELECT a.id, a.section_id, c.title, c.meta, c.standfirst{f", {block}" if block else ""}
FROM ({inner}) a
{matching("articles_card", "c")}
ORDER BY {order}
"""


def matching(table: str, alias: str, language: str = "%s", code: str = "%s") -> str:
    """Joins a stored part's table to a list's rows (`a`), where it matches them; it takes
    join_params() at its placeholders `language` and `code`.

    The parts are joined to the rows the list keeps, each through the (article, language)
    index: joined before the list's LIMIT, PostgreSQL joined all 435 articles of an author
    against every stored card.
    """
    return (
        f"LEFT JOIN {table} {alias} ON {alias}.article_id = a.id"
        f" AND {alias}.language = {language} AND {alias}.code = {code}"
        f" AND {alias}.version = a.version"
        f" AND {alias}.generation = a.generation"
    )


TO_RENDER = f"""
SELECT a.id, a.slug, a.headline, a.standfirst, a.status, a.version, a.generation,
  a.published_at, a.section_id, {SECTION_COLUMNS}
FROM articles_article a JOIN articles_section s ON s.id = a.section_id
WHERE a.id IN ({{ids}})
"""


class StoredCard(NamedTuple):
    pk: int
    section_id: int
    title: str
    meta: str
    standfirst: str
    block: int = 0


def join_params() -> list:
    return [get_language(), code_version()]


def cards(statement: str, params, prepared: bool = False) -> list[StoredCard]:
    """The cards of the articles a list's statement finds, in its order: stored, or made now
    and stored for the next reader."""
    found = rows(statement, params, prepared=prepared)
    missing = list({pk for pk, _section, title, *_rest in found if title is None})
    made = make(missing) if missing else {}
    # Stored parts are markup format_html wrote; article_cards marks the cards safe.
    return [
        StoredCard(pk, section, *(made[pk] if title is None else (title, meta, standfirst)), *block)
        for pk, section, title, meta, standfirst, *block in found
        if title is not None or pk in made  # else deleted since the list was read
    ]


def make(ids: list[int]) -> dict:
    """{id: CardParts} of these articles, stored."""
    from articles.models.article import Article, credit_authors

    articles = list(Article.objects.raw(TO_RENDER.format(ids=placeholders(ids)), ids))
    for article in articles:
        article.section = joined_section(article)
    credit_authors(articles)
    made = {article.pk: card_parts(article) for article in articles}
    store(Card, articles, made)
    return made


def store(model, articles, made: dict) -> None:
    """Store `made` ({id: NamedTuple of the model's own fields}) as these articles' rows of a
    stored part's `model`, in the active language, over the rows they had."""
    language, code = join_params()
    stored = [
        model(
            article_id=a.pk,
            language=language,
            code=code,
            version=a.version,
            generation=a.generation,
            **made[a.pk]._asdict(),
        )
        for a in sorted(articles, key=lambda a: a.pk)  # one order: no deadlock between readers
    ]
    keep(model, stored, ["article", "language"], f"{model.__name__} of articles {list(made)}")
