"""The home page's section blocks: each section with its newest articles.

Two fixed statements (newsroom/sql.py): the first finds, per section, the publication time
of its third newest article; the second fetches what is at least that new. Both walk the
(section, status, date) index, so the cost does not grow with the archive (a window over
every published article did). Through the ORM, the sections' OR'd conditions alone cost a
millisecond of CPU to compose, more than running both statements.
"""

from articles.models.published import published, published_params
from articles.models.section import Section

SECTIONS = f"""
SELECT s.id, s.name, s.slug, s.description, s.position, (
  SELECT a.published_at FROM articles_article a
  WHERE a.section_id = s.id AND {published("a")}
  ORDER BY a.published_at DESC LIMIT 1 OFFSET %s) AS cutoff
FROM articles_section s
ORDER BY s.position, s.name
"""

NEWEST = f"""
SELECT a.id, a.slug, a.headline, a.standfirst, a.status, a.version, a.published_at,
       a.revised_at, a.section_id
FROM articles_article a
WHERE {published("a")} AND ({{blocks}})
ORDER BY a.published_at DESC, a.id DESC
"""


def section_blocks(per_section: int) -> list:
    """[(section, its newest articles)], sections in menu order, those with none left out."""
    from articles.models.article import Article

    public = published_params()
    sections = list(Section.objects.raw(SECTIONS, [*public, per_section - 1]))
    if not sections:
        return []
    blocks, params = [], [*public]
    for section in sections:
        if section.cutoff is None:  # fewer articles than a block holds: all of them
            blocks.append("a.section_id = %s")
            params.append(section.pk)
        else:  # the cutoff goes back as the database gave it
            blocks.append("(a.section_id = %s AND a.published_at >= %s)")
            params += [section.pk, section.cutoff]
    by_section = {section.pk: (section, []) for section in sections}
    for article in Article.objects.raw(NEWEST.format(blocks=" OR ".join(blocks)), params):
        section, articles = by_section[article.section_id]
        article.section = section
        articles.append(article)
    return [
        (section, articles[:per_section]) for section, articles in by_section.values() if articles
    ]
