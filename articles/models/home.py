"""The home page: the lead, the latest news, and each section with its newest articles.

All fixed statements (newsroom/sql.py). The lead and the latest take one each: through the
ORM, composing them cost more than running them. The section blocks take two: the first
finds, per section, the publication time of its third newest article; the second fetches
what is at least that new. Both walk the (section, status, date) index, so the cost does not
grow with the archive (a window over every published article did). Through the ORM, the
sections' OR'd conditions alone cost a millisecond of CPU to compose, more than running both
statements.
"""

from typing import NamedTuple

from django.utils.safestring import mark_safe

from articles.html import card_store
from articles.html.parts import remember_sections
from articles.models.page import published_article
from articles.models.published import published, published_params
from articles.models.section import Section
from newsroom.sql import rows

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

LATEST = card_store.card_statement(f"""
SELECT {card_store.ARTICLE_COLUMNS}
FROM articles_article a
WHERE {published("a")} AND a.id <> %s
ORDER BY a.published_at DESC, a.id DESC
LIMIT %s""")

SECTIONS = f"""
SELECT s.id, s.name, s.slug, s.description, s.position, (
  SELECT a.published_at FROM articles_article a
  WHERE a.section_id = s.id AND {published("a")}
  ORDER BY a.published_at DESC LIMIT 1 OFFSET %s) AS cutoff
FROM articles_section s
ORDER BY s.position, s.name
"""

NEWEST = card_store.card_statement(f"""
SELECT {card_store.ARTICLE_COLUMNS}
FROM articles_article a
WHERE {published("a")} AND ({{blocks}})""")


def section_blocks(per_section: int, request=None) -> list:
    """[(section, its newest articles' cards)], sections in menu order, those with none left
    out."""
    public = published_params()
    found = rows(SECTIONS, [*public, per_section - 1], prepared=True)
    sections = [Section(*row[:5]) for row in found]
    remember_sections(request, sections)  # the menu shows the same ones
    if not sections:
        return []
    blocks, params = [], [*public]
    for section, (*_columns, cutoff) in zip(sections, found, strict=True):
        if cutoff is None:  # fewer articles than a block holds: all of them
            blocks.append("a.section_id = %s")
            params.append(section.pk)
        else:  # the cutoff goes back as the database gave it
            blocks.append("(a.section_id = %s AND a.published_at >= %s)")
            params += [section.pk, cutoff]
    by_section = {section.pk: (section, []) for section in sections}
    statement = NEWEST.format(blocks=" OR ".join(blocks))
    for card in card_store.cards(statement, [*params, *card_store.join_params()]):
        by_section[card.section_id][1].append(card)
    return [
        (section, articles[:per_section]) for section, articles in by_section.values() if articles
    ]


class Lead(NamedTuple):
    pk: int
    html: str


def lead_and_latest(count: int) -> tuple:
    """(the lead story, or None; the cards of the `count` newest after it)."""
    public = published_params()
    found = rows(LEAD, [*card_store.join_params(), *public, *public], prepared=True)
    if not found:
        return None, []  # nothing is published
    pk, slug, html = found[0]
    if html is None:  # out of date: made now, for the next reader too
        from articles.html import stored

        article = published_article(slug)
        html = stored.render_and_store(article).lead if article else ""
    params = [*public, pk, count, *card_store.join_params()]
    return Lead(pk, mark_safe(html)), card_store.cards(LATEST, params, prepared=True)
