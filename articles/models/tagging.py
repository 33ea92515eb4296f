"""A tag on an article: taggit's tagging, with a real key to its article and a copy of the
article's publication time (migration 0018)."""

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from taggit.models import Tag, TaggedItemBase


class Tagging(TaggedItemBase):
    """Where taggit's own table named any model by content type and a text-cast id, this
    names the article: lists join on it by index. A tag's page reads its newest articles
    from the copy of their publication time, kept equal to the article's by the database
    (triggers, as the bylines' copy): one plan for a tag on three articles and one on
    20,000 (articles/models/archive.py)."""

    tag = models.ForeignKey(
        Tag,
        on_delete=models.CASCADE,
        related_name="articles_tagging_items",
        db_index=False,  # led by the indexes below
    )
    content_object = models.ForeignKey(
        "articles.Article",
        on_delete=models.CASCADE,
        related_name="taggings",
        db_index=False,  # led by the unique constraint
    )
    published_at = models.DateTimeField(null=True, editable=False)

    class Meta:
        verbose_name = _("tagging")
        verbose_name_plural = _("taggings")
        constraints = [
            models.UniqueConstraint(fields=["content_object", "tag"], name="one_tagging_per_tag")
        ]
        indexes = [
            # A tag's articles around one id (Read also, articles/models/related.py), and
            # whether a tag has anything published.
            models.Index(fields=["tag", "content_object"], name="tagging_tag_article_idx"),
            # A tag's articles, newest first.
            models.Index(
                fields=["tag", "-published_at", "content_object"],
                condition=Q(published_at__isnull=False),
                name="tagging_tag_newest_idx",
            ),
        ]


class TagRedirect(models.Model):
    """A merged tag's address, kept for the tag it was merged into: readers' links, search
    engines and feed readers follow it (articles/tag_merge.py). A live tag of the same
    address wins."""

    old_slug = models.SlugField(_("old address"), max_length=100, unique=True, allow_unicode=True)
    tag = models.ForeignKey(
        Tag, on_delete=models.CASCADE, related_name="redirects", verbose_name=_("tag")
    )

    class Meta:
        verbose_name = _("merged tag's address")
        verbose_name_plural = _("merged tags' addresses")

    def __str__(self):
        return f"{self.old_slug} → {self.tag.slug}"
