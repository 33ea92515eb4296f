from django.contrib.postgres.search import SearchVectorField
from django.db import models

from articles.models.article import Article


class Passage(models.Model):
    """A stretch of an article's searchable text (standfirst, then body), a few sentences
    long: a search result's excerpt is written from the passage holding most of the reader's
    words, wherever it is in the text (articles/passages.py).

    The passage is kept as offsets into the article's current text, not as a copy: a
    correction can then never leave its old wording in a result. On PostgreSQL only: the
    portable search cuts its excerpts in Python."""

    article = models.ForeignKey(
        Article, on_delete=models.CASCADE, related_name="passages", db_index=False
    )
    position = models.PositiveIntegerField()
    start = models.PositiveIntegerField()
    stop = models.PositiveIntegerField()
    # Stripped of positions: the result page asks only which of the reader's words it holds.
    vector = SearchVectorField(null=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["article", "position"], name="passage_article_position")
        ]

    def __str__(self):
        return f"{self.article_id}: {self.start}–{self.stop}"
