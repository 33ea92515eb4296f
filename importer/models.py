"""What an import leaves behind: which WordPress objects became which Newsroom objects.

The maps make a second run import nothing twice; the legacy addresses keep the old site's
links working (see importer/middleware.py); the runs keep each import's report.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.text import capfirst
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from importer.addresses import ADDRESS_MAX_LENGTH, normal_key


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
    """An old WordPress address: answered with a permanent redirect to an article (once it
    is published) or to another page of the site (a section, a tag, an author, a feed)."""

    key = models.CharField(
        _("old address"),
        max_length=ADDRESS_MAX_LENGTH,
        unique=True,
        help_text=_(
            "The address on the old site: a path such as /category/afrique/, or ?p=123, "
            "?cat=5, ?tag=sahel, ?author=3. Its /feed/, /page/2/ and /amp/ forms follow it."
        ),
    )
    article = models.ForeignKey(
        "articles.Article",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="legacy_addresses",
        verbose_name=_("article"),
        help_text=_("The article it leads to, while it is published."),
    )
    target = models.CharField(
        _("new address"),
        max_length=ADDRESS_MAX_LENGTH,
        blank=True,
        help_text=_("Or a page of this site, such as /rubrique/afrique/."),
    )
    uses = models.PositiveBigIntegerField(
        _("uses"),
        default=0,
        editable=False,
        help_text=_(
            "Counted when the site answers it: a copy served from the page cache is not "
            "counted again."
        ),
    )
    last_used_at = models.DateTimeField(_("last used"), null=True, blank=True, editable=False)

    class Meta:
        ordering = ["key"]
        verbose_name = _("old WordPress address")
        verbose_name_plural = _("old WordPress addresses")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(article__isnull=False, target="")
                | (models.Q(article__isnull=True) & ~models.Q(target="")),
                name="legacy_address_one_destination",
                violation_error_message=_("Choose an article or give a new address: one of them."),
            )
        ]

    def __str__(self):
        return self.key

    def clean(self):
        key = normal_key(self.key or "")
        if key is None:
            raise ValidationError(
                {
                    "key": gettext(
                        "Give an old address: a path such as /category/afrique/, or ?p=123, "
                        "?cat=5, ?tag=sahel, ?author=3."
                    )
                }
            )
        self.key = key
        self.target = (self.target or "").strip()
        # A path of this site only: never another site (an open redirect) nor a scheme.
        if self.target and (
            not self.target.startswith("/")
            or self.target.startswith("//")
            or "\\" in self.target
            or any(ord(character) < 33 for character in self.target)
        ):
            raise ValidationError(
                {
                    "target": gettext(
                        "Give an address on this site, starting with “/”, such as "
                        "/rubrique/afrique/."
                    )
                }
            )


class ImportRun(models.Model):
    """One run of the import command and its report; written by the command only."""

    class Outcome(models.TextChoices):
        RUNNING = "running", _("running, or interrupted")
        FINISHED = "finished", _("finished")
        DRY_RUN = "dry_run", _("dry run: nothing saved")
        REFUSED = "refused", _("file refused")
        # Both keep the chunks committed before the one that stopped (its report says).
        FAILED = "failed", _("stopped by an error: resume by running it again")
        INTERRUPTED = "interrupted", _("interrupted: resume by running it again")

    export_name = models.CharField(_("export file"), max_length=255)
    site = models.CharField(_("WordPress site"), max_length=200, blank=True)
    outcome = models.CharField(
        _("outcome"), max_length=20, choices=Outcome.choices, default=Outcome.RUNNING
    )
    started_at = models.DateTimeField(_("started"), default=timezone.now)
    finished_at = models.DateTimeField(_("ended"), null=True, blank=True)
    imported = models.PositiveIntegerField(_("articles imported"), default=0)
    skipped = models.PositiveIntegerField(_("items skipped"), default=0)
    reported = models.PositiveIntegerField(_("notes to check"), default=0)
    report = models.TextField(_("report"), blank=True)

    class Meta:
        ordering = ["-started_at", "-pk"]
        verbose_name = _("import run")
        verbose_name_plural = _("import runs")

    def __str__(self):
        return f"{self.export_name} ({timezone.localtime(self.started_at):%Y-%m-%d %H:%M})"

    @property
    def duration(self):
        return self.finished_at - self.started_at if self.finished_at else None

    def as_text(self) -> str:
        """The run as a text file: what it read, when, its counts, then its report."""
        heading = [
            f"{capfirst(self._meta.get_field(name).verbose_name)}: {value}"
            for name, value in (
                ("export_name", self.export_name),
                ("site", self.site),
                ("outcome", self.get_outcome_display()),
                ("started_at", timezone.localtime(self.started_at).isoformat(timespec="seconds")),
                (
                    "finished_at",
                    timezone.localtime(self.finished_at).isoformat(timespec="seconds")
                    if self.finished_at
                    else "",
                ),
                ("imported", self.imported),
                ("skipped", self.skipped),
                ("reported", self.reported),
            )
        ]
        return "\n".join([*heading, "", self.report]).rstrip() + "\n"


class ImportedAttachment(models.Model):
    """A WordPress attachment already stored as a library picture: a second run reuses it."""

    site = models.CharField(_("WordPress site"), max_length=200)
    wordpress_id = models.PositiveBigIntegerField(_("WordPress attachment ID"))
    picture = models.ForeignKey(
        "articles.Picture",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="wordpress_attachments",
        verbose_name=_("picture"),
    )

    class Meta:
        ordering = ["site", "wordpress_id"]
        verbose_name = _("imported WordPress attachment")
        verbose_name_plural = _("imported WordPress attachments")
        constraints = [
            models.UniqueConstraint(
                fields=["site", "wordpress_id"], name="one_import_per_attachment"
            )
        ]

    def __str__(self):
        return f"{self.site} #{self.wordpress_id}"
