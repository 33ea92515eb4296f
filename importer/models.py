"""What an import leaves behind: which WordPress objects became which Newsroom objects.

The maps make a second run import nothing twice; the legacy addresses keep the old site's
links working (see importer/middleware.py).
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

# A legacy address is a path ("/2024/03/05/slug/") or a post id ("?p=123"); longer paths
# than this are not kept (no WordPress permalink comes close).
ADDRESS_MAX_LENGTH = 500


class ImportedPost(models.Model):
    """A WordPress post already imported, kept even if the article is deleted since.

    A deleted article stays deleted: the next run sees the post as already imported.
    """

    site = models.CharField(_("WordPress site"), max_length=200)
    wordpress_id = models.PositiveBigIntegerField(_("WordPress post ID"))
    guid = models.CharField(_("WordPress GUID"), max_length=500, blank=True)
    article = models.ForeignKey(
        "articles.Article",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="wordpress_posts",
        verbose_name=_("article"),
    )
    imported_at = models.DateTimeField(_("imported"), auto_now_add=True)

    class Meta:
        ordering = ["site", "wordpress_id"]
        verbose_name = _("imported WordPress post")
        verbose_name_plural = _("imported WordPress posts")
        constraints = [
            models.UniqueConstraint(fields=["site", "wordpress_id"], name="one_import_per_post")
        ]

    def __str__(self):
        return f"{self.site} #{self.wordpress_id}"


class ImportedAuthor(models.Model):
    """A WordPress login already turned into an author profile."""

    site = models.CharField(_("WordPress site"), max_length=200)
    login = models.CharField(_("WordPress login"), max_length=60)
    author = models.ForeignKey(
        "authors.Author",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="wordpress_logins",
        verbose_name=_("author"),
    )

    class Meta:
        ordering = ["site", "login"]
        verbose_name = _("imported WordPress author")
        verbose_name_plural = _("imported WordPress authors")
        constraints = [
            models.UniqueConstraint(fields=["site", "login"], name="one_import_per_login")
        ]

    def __str__(self):
        return f"{self.site} {self.login}"


class LegacyAddress(models.Model):
    """An old WordPress address of an article: answered with a permanent redirect."""

    key = models.CharField(_("old address"), max_length=ADDRESS_MAX_LENGTH, unique=True)
    article = models.ForeignKey(
        "articles.Article",
        on_delete=models.CASCADE,
        related_name="legacy_addresses",
        verbose_name=_("article"),
    )

    class Meta:
        ordering = ["key"]
        verbose_name = _("old WordPress address")
        verbose_name_plural = _("old WordPress addresses")

    def __str__(self):
        return self.key
