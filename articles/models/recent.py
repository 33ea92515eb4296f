"""The recently published articles' search vectors: search reads them first (ranked_search).

At 100,000 articles, finding the newest matches of two common words ("sécurité marché",
1,177 matches) read every match: both words' lists in the GIN index (9,159 and 12,670
articles) and 1,079 blocks of the article table, 2.3 ms of PostgreSQL's time a search,
growing with the archive. Here the lists hold only the last RECENT days' articles, a
number that grows with how much a newsroom publishes, not with its archive.

Kept on PostgreSQL by triggers on the article table (migrations/_recent_articles.py),
whatever writes it: a published article's row, with its time and vector, for as long as it
is recent; none for any other. SQLite's search reads the article table (search.py).
"""

from datetime import timedelta

from django.contrib.postgres.search import SearchVectorField
from django.db import models

# The window search reads first. Its triggers keep a day more (KEPT_DAYS in
# migrations/_recent_articles.py), so that a reader whose clock is a little behind the
# writing transaction's still finds the window's oldest; a longer window needs a migration
# that keeps more (tests/public/test_search_window_postgres.py reaches its first day).
RECENT = timedelta(days=90)


class RecentArticle(models.Model):
    article = models.OneToOneField(
        "articles.Article", on_delete=models.CASCADE, primary_key=True, related_name="+"
    )
    published_at = models.DateTimeField(db_index=True)
    search_vector = SearchVectorField()

    class Meta:
        # Written by the database's triggers only.
        default_permissions = ()

    def __str__(self):
        return f"{self.article_id} ({self.published_at:%Y-%m-%d})"
