"""An article's page and card as its last change left them: the parts that show only the
article itself.

A published article is read thousands of times for each time it changes; rendering its page
again for every reader cost about two thirds of the page's CPU (bench/profile_page.py). So
the parts that depend on nothing but the article, its bylines, tags, section and authors are
kept here, one row a language, and rendered again when one of those changes.

A row is used only while it matches: the code that rendered it (`code`, the templates,
translations and settings), the article's `version` (every save) and its `generation`
(bumped by `touch` when bylines, tags, their authors or the section change). A row rendered
from data read before a change carries the old numbers and is never shown: readers race with
editors without a stale page coming out of it.
"""

import logging

from django.db import DatabaseError, models, transaction
from django.db.models import F

logger = logging.getLogger(__name__)


class StoredPart(models.Model):
    """What a stored row must match to be shown (see above)."""

    language = models.CharField(max_length=8)
    code = models.CharField(max_length=32)
    version = models.PositiveIntegerField()
    generation = models.PositiveIntegerField()

    class Meta:
        abstract = True

    def __str__(self):
        return f"{self.article_id} ({self.language})"


class Rendering(StoredPart):
    article = models.ForeignKey(
        "articles.Article", on_delete=models.CASCADE, related_name="renderings"
    )
    head = models.TextField()
    main = models.TextField()
    lead = models.TextField(default="")  # the home page's lead story, when it is this one

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["article", "language"], name="rendering_one_per_language"
            )
        ]


class Card(StoredPart):
    """An article's card, as lists show it (articles/html/card_store.py), kept as above."""

    article = models.ForeignKey("articles.Article", on_delete=models.CASCADE, related_name="cards")
    title = models.TextField()
    meta = models.TextField()
    standfirst = models.TextField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["article", "language"], name="card_one_per_language")
        ]


class FeedEntry(StoredPart):
    """An article's item in the RSS feeds and its entry in the Atom feeds, as XML the feed
    writer wrote (articles/feed_entries.py), kept as above."""

    article = models.ForeignKey(
        "articles.Article", on_delete=models.CASCADE, related_name="feed_entries"
    )
    rss = models.TextField()
    atom = models.TextField()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["article", "language"], name="feed_entry_one_per_language"
            )
        ]


def touch(articles) -> None:
    """What these articles' pages show has changed: their stored renderings no longer match."""
    from articles.models.article import Article

    Article.objects.filter(pk__in=articles).update(generation=F("generation") + 1)


def keep(model, rows: list, unique_fields: list[str], what: str) -> None:
    """Write `rows` over those with the same `unique_fields`, every other column updated,
    in a savepoint. A reader stores what it rendered or found: when that fails (say, its
    article was deleted meanwhile) the reader still gets the page, and the next one tries
    again."""
    update_fields = [
        field.name
        for field in model._meta.concrete_fields
        if not field.primary_key and field.name not in unique_fields
    ]
    try:
        with transaction.atomic():
            model.objects.bulk_create(
                rows,
                update_conflicts=True,
                unique_fields=unique_fields,
                update_fields=update_fields,
            )
    except DatabaseError:
        logger.warning("Could not store %s", what, exc_info=True)
