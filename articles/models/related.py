"""Read also: the published articles sharing the most tags with one, then its section's latest.

Written in SQL because this runs on every article page: built with the ORM, its two
queries cost 2.9 ms of CPU to compose and compile, against 0.1 ms to execute (measured with
bench/profile_page.py). The statements keep the shape the ORM gave them, which PostgreSQL
plans on its indexes at 100,000 articles (see Article.related).
"""

from datetime import UTC, datetime

from django.contrib.contenttypes.models import ContentType
from django.db import connection

from articles.models.published import published, published_params
from articles.models.section import SECTION_COLUMNS, joined_section
from newsroom.sql import placeholders, rows

# How many taggings per article, among those written just before and after it (ids grow with
# time): a tag carried by 20,000 articles is never read whole.
SHARED_TAGS = f"""
SELECT t.object_id, COUNT(*) AS shared
FROM taggit_taggeditem t
WHERE t.content_type_id = %s AND t.tag_id IN ({{tags}})
  AND t.object_id BETWEEN %s AND %s
  AND t.object_id IN (
    SELECT a.id FROM articles_article a
    WHERE {published("a")} AND a.id <> %s)
GROUP BY t.object_id
ORDER BY shared DESC, t.object_id DESC
LIMIT %s
"""

# Those articles, and whatever in the section is at least as new as its limit-th latest,
# through the (section, status, date) index. Ids as a list, not a subquery: an OR with a
# subquery made PostgreSQL read every article. The status is read too: django-fsm reads it
# from every instance, and a deferred column would cost a query each.
CANDIDATES = f"""
SELECT a.id, a.headline, a.slug, a.status, a.published_at, a.section_id, {SECTION_COLUMNS}
FROM articles_article a JOIN articles_section s ON s.id = a.section_id
WHERE {published("a")} AND a.id <> %s AND (
  a.id IN ({{shared}})
  OR (a.section_id = %s AND a.published_at >= COALESCE((
    SELECT l.published_at FROM articles_article l
    WHERE l.section_id = %s AND {published("l")} AND l.id <> %s
    ORDER BY l.published_at DESC LIMIT 1 OFFSET %s), %s)))
"""
EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


def related_articles(article, tag_ids, window, limit):
    from articles.models.article import Article

    public = published_params()
    shared = {}
    if tag_ids:
        content_type = ContentType.objects.get_for_model(Article).pk
        low, high = article.pk - window, article.pk + window
        shared = dict(
            rows(
                SHARED_TAGS.format(tags=placeholders(tag_ids)),
                [content_type, *tag_ids, low, high, *public, article.pk, limit],
            )
        )
    ids = list(shared)
    epoch = connection.ops.adapt_datetimefield_value(EPOCH)
    section = article.section_id
    candidates = list(
        Article.objects.raw(
            CANDIDATES.format(shared=placeholders(ids)),
            [*public, article.pk, *ids, section, section, *public, article.pk, limit - 1, epoch],
        )
    )
    for candidate in candidates:
        candidate.section = joined_section(candidate)
    candidates.sort(key=lambda a: (shared.get(a.pk, 0), a.published_at), reverse=True)
    return candidates[:limit]
