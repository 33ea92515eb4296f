"""Read also: the published articles sharing the most tags with one, then its section's latest.

A column of the article page's own statement (models/page.py), a JSON array, found there
only when no kept one matches the published articles as they are (models/read_also.py).
Built with the ORM, the two queries it replaced cost 2.9 ms of CPU to compose and compile
against 0.1 ms to run; as two raw statements building models, a third of the page's CPU
once the page's own parts were stored; as a statement of its own, a round trip
(bench/profile_page.py).

The shared tags are counted among the articles written just before and after this one (ids
grow with time): a tag carried by 20,000 articles took 45 ms when read whole, and what was
written then is what a story is related to. Each of the article's tags is read on the
taggings' (tag, article) index, that window of it alone (migration 0018); the counts are
sorted, and only then are the articles looked at, most shared first, until enough are found
published. Planned once for all articles (newsroom/sql.py), PostgreSQL
read every tagging in the window and looked up every article that shared a tag: 1.4 ms at
1,000 articles, 3.8 ms for an article with six busy tags at 100,000. Subqueries kept whole
by OFFSET 0 hold it to the order above: 0.5 and 0.9 ms. The section's latest come through
the (section, status, date) index. The two are joined by UNION, not OR: an OR with a
subquery made PostgreSQL read every article.
"""

import json
from datetime import datetime
from typing import NamedTuple

from articles.html.cards import time_writer
from articles.models.published import published
from newsroom.links import url_maker
from newsroom.sql import aware

WINDOW = 1000  # articles written before and after this one (ids)
LIMIT = 4

# What the page's statement names its article: no alias below may take it.
PAGE = "pa"

# The taggings of the page's tags in the window, as `t` (content_object_id): on PostgreSQL one tag
# at a time; SQLite has no LATERAL, and plans each statement for its values anyway.
TAGGED_IN_WINDOW = {
    "postgresql": f"""
  (SELECT o.tag_id FROM articles_tagging o WHERE o.content_object_id = {PAGE}.id) mine
  CROSS JOIN LATERAL (
    SELECT i.content_object_id FROM articles_tagging i
    WHERE i.tag_id = mine.tag_id
      AND i.content_object_id BETWEEN {PAGE}.id - {WINDOW} AND {PAGE}.id + {WINDOW}
    OFFSET 0) t""",
    "sqlite": f"""
  (SELECT i.content_object_id FROM articles_tagging i
   WHERE i.content_object_id BETWEEN {PAGE}.id - {WINDOW} AND {PAGE}.id + {WINDOW}
     AND i.tag_id IN (
       SELECT o.tag_id FROM articles_tagging o WHERE o.content_object_id = {PAGE}.id)) t""",
}
# Keeps PostgreSQL to counting before it looks at the articles; SQLite has no OFFSET alone.
FENCE = {"postgresql": "OFFSET 0", "sqlite": ""}

_RELATED = f"""
WITH shared AS (
  SELECT c.id, c.shared
  FROM (
    SELECT t.content_object_id AS id, COUNT(*) AS shared FROM {{tagged}}
    GROUP BY t.content_object_id
    ORDER BY shared DESC, t.content_object_id DESC
    {{fence}}) c
  JOIN articles_article a ON a.id = c.id
  WHERE {published("a", "%(status)s", "%(now)s")} AND a.id <> {PAGE}.id
  ORDER BY c.shared DESC, c.id DESC
  LIMIT {LIMIT}
)
SELECT a.slug, a.headline, a.published_at, s.name, COALESCE(sh.shared, 0) AS shared
FROM articles_article a
JOIN articles_section s ON s.id = a.section_id
LEFT JOIN shared sh ON sh.id = a.id
WHERE a.id IN (
  SELECT id FROM shared
  UNION
  SELECT id FROM (
    SELECT l.id FROM articles_article l
    WHERE l.section_id = {PAGE}.section_id AND {published("l", "%(status)s", "%(now)s")}
      AND l.id <> {PAGE}.id
    ORDER BY l.published_at DESC
    LIMIT {LIMIT}) latest)
ORDER BY shared DESC, a.published_at DESC
LIMIT {LIMIT}
"""

# As one column: [[slug, headline, published_at, section, shared], …] as JSON text.
_AS_COLUMN = {
    "postgresql": "(SELECT json_agg(json_build_array(r.slug, r.headline, r.published_at, r.name,"
    " r.shared))::text FROM ({related}) r)",
    "sqlite": "(SELECT json_group_array(json_array(r.slug, r.headline, r.published_at, r.name,"
    " r.shared)) FROM ({related}) r)",
}
COLUMN = {
    vendor: _AS_COLUMN[vendor].format(
        related=_RELATED.format(tagged=TAGGED_IN_WINDOW[vendor], fence=FENCE[vendor])
    )
    for vendor in _AS_COLUMN
}


class Related(NamedTuple):
    url: str
    headline: str
    published_at: datetime
    section_name: str
    time_html: str  # its <time> tag (cards.time_tag)


def from_column(text: str | None) -> list[Related]:
    """The column's articles, most shared first, then newest (JSON keeps no order in SQLite)."""
    found = [
        (shared, aware(datetime.fromisoformat(published_at)), slug, headline, section)
        for slug, headline, published_at, section, shared in json.loads(text or "[]")
    ]
    found.sort(key=lambda item: (item[0], item[1]), reverse=True)
    url, written = url_maker("articles:detail"), time_writer()
    return [
        Related(url(slug), headline, published_at, section, written(published_at))
        for _shared, published_at, slug, headline, section in found
    ]
