from django.contrib.postgres.search import SearchVectorField
from django.db import models

from articles.models.article import Article


class Passage(models.Model):
    """A stretch of an article's searchable text (standfirst, then body), a few sentences
    long: a search result's excerpt is written from the passage holding most of the reader's
    words, wherever it is in the text (articles/passages.py).

    The passage keeps its text, so that a result's excerpt need not read the article's whole
    text. Whatever changes an article's text, a trigger (migration 0020) deletes its passages
    in the same statement, and saving cuts them again: a correction can never leave its old
    wording in a result, and an article without passages is excerpted from its current text.
    On PostgreSQL only: the portable search cuts its excerpts in Python."""

    article = models.ForeignKey(
        Article, on_delete=models.CASCADE, related_name="passages", db_index=False
    )
    position = models.PositiveIntegerField()
    start = models.PositiveIntegerField()
    stop = models.PositiveIntegerField()
    text = models.TextField()
    # Stripped of positions: the result page asks only which of the reader's words it holds.
    vector = SearchVectorField(null=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["article", "position"], name="passage_article_position")
        ]

    def __str__(self):
        return f"{self.article_id}: {self.start}–{self.stop}"
