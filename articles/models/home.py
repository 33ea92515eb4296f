"""The home page: the lead, the latest news, and each section with its newest articles.

All fixed statements (newsroom/sql.py). The lead and the latest take one each: through the
ORM, composing them cost more than running them. The section blocks take two: the first
finds, per section, the publication time of its third newest article; the second fetches
what is at least that new. Both walk the (section, status, date) index, so the cost does not
grow with the archive (a window over every published article did). Through the ORM, the
sections' OR'd conditions alone cost a millisecond of CPU to compose, more than running both
statements.
"""

from functools import lru_cache

from articles.html import card_store
from articles.html.parts import remember_sections
from articles.models.columns import article_columns
from articles.models.published import published, published_params
from articles.models.section import SECTION_COLUMNS, Section, joined_section
from newsroom.sql import rows

# The editor's chosen lead (a partial index), or else the newest article.
LEAD = f"""
SELECT {{columns}}, {SECTION_COLUMNS}
FROM articles_article a JOIN articles_section s ON s.id = a.section_id
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


@lru_cache(maxsize=1)
def _lead_statement() -> str:
    from articles.models.article import LISTING_DEFERRED

    # Only the lead shows its photo: it takes every column a page of lists leaves out.
    return LEAD.format(columns=article_columns(frozenset(LISTING_DEFERRED)))


def lead_and_latest(count: int) -> tuple:
    """(the lead with its section, or None; the cards of the `count` newest after it)."""
    from articles.models.article import Article

    public = published_params()
    found = list(Article.objects.raw(_lead_statement(), [*public, *public]))
    if not found:
        return None, []  # nothing is published
    lead = found[0]
    lead.section = joined_section(lead)
    params = [*public, lead.pk, count, *card_store.join_params()]
    return lead, card_store.cards(LATEST, params, prepared=True)
