"""Read also: the published articles sharing the most tags with one, then its section's latest.

One fixed statement (newsroom/sql.py) on every article page, read as plain rows: built with
the ORM, the two queries it replaces cost 2.9 ms of CPU to compose and compile against 0.1 ms
to run, and as two raw statements building models, a third of the page's CPU once the
page's own parts were stored (bench/profile_page.py).

The shared tags are counted among the articles written just before and after this one (ids
grow with time): a tag carried by 20,000 articles took 45 ms when read whole, and what was
written then is what a story is related to. Each of the article's tags is read on the
taggings' (tag, content type, object id) index, that window of it alone (migration 0013);
the counts are sorted, and only then are the articles looked at, most shared first, until
enough are found published. Planned once for all articles (newsroom/sql.py), PostgreSQL
read every tagging in the window and looked up every article that shared a tag: 1.4 ms at
1,000 articles, 3.8 ms for an article with six busy tags at 100,000. Subqueries kept whole
by OFFSET 0 hold it to the order above: 0.5 and 0.9 ms. The section's latest come through
the (section, status, date) index. The two are joined by UNION, not OR: an OR with a
subquery made PostgreSQL read every article.
"""

from datetime import datetime
from typing import NamedTuple

from django.contrib.contenttypes.models import ContentType
from django.db import connection

from articles.models.published import published, published_params
from newsroom.links import url_for
from newsroom.sql import aware, rows

WINDOW = 1000  # articles written before and after this one (ids)

# The taggings of this article's tags in the window, as `t` (object_id): on PostgreSQL one
# tag at a time; SQLite has no LATERAL, and plans each statement for its values anyway.
TAGGED_IN_WINDOW = {
    "postgresql": """
  (SELECT o.tag_id FROM taggit_taggeditem o
   WHERE o.content_type_id = %(type)s AND o.object_id = %(article)s) mine
  CROSS JOIN LATERAL (
    SELECT i.object_id FROM taggit_taggeditem i
    WHERE i.tag_id = mine.tag_id AND i.content_type_id = %(type)s
      AND i.object_id BETWEEN %(low)s AND %(high)s
    OFFSET 0) t""",
    "sqlite": """
  (SELECT i.object_id FROM taggit_taggeditem i
   WHERE i.content_type_id = %(type)s AND i.object_id BETWEEN %(low)s AND %(high)s
     AND i.tag_id IN (
       SELECT o.tag_id FROM taggit_taggeditem o
       WHERE o.content_type_id = %(type)s AND o.object_id = %(article)s)) t""",
}

_RELATED = f"""
WITH shared AS (
  SELECT c.id, c.shared
  FROM (
    SELECT t.object_id AS id, COUNT(*) AS shared FROM {{tagged}}
    GROUP BY t.object_id
    ORDER BY shared DESC, t.object_id DESC
    {{fence}}) c
  JOIN articles_article a ON a.id = c.id
  WHERE {published("a", "%(status)s", "%(now)s")} AND a.id <> %(article)s
  ORDER BY c.shared DESC, c.id DESC
  LIMIT %(limit)s
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
    WHERE l.section_id = %(section)s AND {published("l", "%(status)s", "%(now)s")}
      AND l.id <> %(article)s
    ORDER BY l.published_at DESC
    LIMIT %(limit)s) latest)
ORDER BY shared DESC, a.published_at DESC
LIMIT %(limit)s
"""
# Keeps PostgreSQL to counting before it looks at the articles; SQLite has no OFFSET alone.
FENCE = {"postgresql": "OFFSET 0", "sqlite": ""}
RELATED = {
    vendor: _RELATED.format(tagged=tagged, fence=FENCE[vendor])
    for vendor, tagged in TAGGED_IN_WINDOW.items()
}


class Related(NamedTuple):
    url: str
    headline: str
    published_at: datetime
    section_name: str


def related_articles(article_id: int, section_id: int, limit: int = 4) -> list[Related]:
    from articles.models.article import Article

    status, now = published_params()
    params = {
        "type": ContentType.objects.get_for_model(Article).pk,
        "article": article_id,
        "low": article_id - WINDOW,
        "high": article_id + WINDOW,
        "section": section_id,
        "status": status,
        "now": now,
        "limit": limit,
    }
    return [
        Related(url_for("articles:detail", slug), headline, aware(published_at), section_name)
        for slug, headline, published_at, section_name, _shared in rows(
            RELATED[connection.vendor], params, prepared=True
        )
    ]
