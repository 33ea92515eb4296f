"""A tag on an article: taggit's tagging, with a real key to its article."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from taggit.models import Tag, TaggedItemBase


class Tagging(TaggedItemBase):
    """Where taggit's own table names any model by content type and a text id, this names
    the article: lists join on it by index."""

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

    class Meta:
        verbose_name = _("tagging")
        verbose_name_plural = _("taggings")
        constraints = [
            models.UniqueConstraint(fields=["content_object", "tag"], name="one_tagging_per_tag")
        ]
        indexes = [
            # A tag's articles, and the tags an article shares with its neighbours (Read also).
            models.Index(fields=["tag", "content_object"], name="tagging_tag_article_idx"),
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
