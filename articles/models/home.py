"""The home page: the lead, the latest news, and each section with its newest articles.

Two fixed statements (newsroom/sql.py). The first is the menu's (parts.menu_rows): each
section with the publication time of its third newest article (its cutoff), and the lead
with its block as stored. The second fetches the cards of the latest after the lead and of
each section's articles at least as new as its cutoff. Both walk the (section, status, date)
index, so the cost does not grow with the archive (a window over every published article
did). Each statement is a round trip the page pays under load: four became two.
"""

from typing import NamedTuple

from django.utils.safestring import mark_safe

from articles.html import card_store, parts
from articles.models.page import published_article
from articles.models.published import published, published_params

# The editor's chosen lead (a partial index), or else the newest article, with its lead
# block as stored in this language while it matches (models/rendering.py).
LEAD = f"""
SELECT a.id, a.slug, r.lead
FROM articles_article a
LEFT JOIN articles_rendering r ON r.article_id = a.id AND r.language = %s AND r.code = %s
  AND r.version = a.version AND r.generation = a.generation
WHERE {published("a")} AND (a.is_lead OR a.id = (
    SELECT n.id FROM articles_article n WHERE {published("n")}
    ORDER BY n.published_at DESC, n.id DESC LIMIT 1))
ORDER BY a.is_lead DESC, a.published_at DESC, a.id DESC
LIMIT 1
"""

# Each section's cutoff, after its own columns in the menu's statement.
CUTOFF = f"""(
  SELECT a.published_at FROM articles_article a
  WHERE a.section_id = s.id AND {published("a")}
  ORDER BY a.published_at DESC LIMIT 1 OFFSET %s) AS cutoff, """

LATEST, SECTIONS = 0, 1  # the blocks of the cards' statement

CARDS = card_store.card_statement(
    f"""
SELECT * FROM (
  SELECT {card_store.ARTICLE_COLUMNS}, {LATEST} AS block
  FROM articles_article a
  WHERE {published("a")} AND a.id <> %s
  ORDER BY a.published_at DESC, a.id DESC
  LIMIT %s) latest
UNION ALL
SELECT * FROM (
  SELECT {card_store.ARTICLE_COLUMNS}, {SECTIONS} AS block
  FROM articles_article a
  WHERE {published("a")} AND ({{blocks}})) newest""",
    order="a.block, a.published_at DESC, a.id DESC",
    block="a.block",
)


class Lead(NamedTuple):
    pk: int
    html: str


class FrontPage(NamedTuple):
    lead: Lead | None
    latest: list  # the cards of the newest after the lead
    sections: list  # [(section, its newest articles' cards)], in menu order, none empty


def front_page(request, latest_count: int, per_section: int) -> FrontPage:
    public = published_params()
    lead_params = [*card_store.join_params(), *public, *public]
    found = parts.menu_rows(request, LEAD, [*public, per_section - 1, *lead_params], CUTOFF)
    if not found or found[0][6] is None:
        return FrontPage(None, [], [])  # nothing is published
    pk, slug, html = found[0][6:9]
    if html is None:  # out of date: made now, for the next reader too
        html = made_lead(slug)
    sections = parts.sections(request)
    blocks, params = [], [*public, pk, latest_count, *public]
    for section, (*_columns, cutoff, _pk, _slug, _html) in zip(sections, found, strict=True):
        if cutoff is None:  # fewer articles than a block holds: all of them
            blocks.append("a.section_id = %s")
            params.append(section.pk)
        else:  # the cutoff goes back as the database gave it
            blocks.append("(a.section_id = %s AND a.published_at >= %s)")
            params += [section.pk, cutoff]
    statement = CARDS.format(blocks=" OR ".join(blocks))
    cards = card_store.cards(statement, [*params, *card_store.join_params()], prepared=True)
    by_section = {section.pk: (section, []) for section in sections}
    for card in cards:
        if card.block == SECTIONS:
            by_section[card.section_id][1].append(card)
    return FrontPage(
        Lead(pk, mark_safe(html)),
        [card for card in cards if card.block == LATEST],
        [(section, cards[:per_section]) for section, cards in by_section.values() if cards],
    )


def made_lead(slug: str) -> str:
    from articles.html import stored

    article = published_article(slug)
    return stored.render_and_store(article).lead if article else ""
