from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class NoteKind(models.TextChoices):
    CORRECTION = "correction", _("Correction")
    UPDATE = "update", _("Update")


class ArticleNote(models.Model):
    """One dated entry of a published article's corrections and updates log: readers see
    them all, editors add them (articles/workflow.py: log_note), nobody rewrites them."""

    Kind = NoteKind

    article = models.ForeignKey(
        "articles.Article",
        on_delete=models.CASCADE,
        related_name="corrections",
        verbose_name=_("article"),
    )
    kind = models.CharField(
        _("kind"), max_length=16, choices=NoteKind.choices, default=NoteKind.CORRECTION
    )
    text = models.TextField(
        _("text"),
        max_length=2000,
        help_text=_("What was wrong and what is right now, or what is new. Readers see it."),
    )
    created_at = models.DateTimeField(_("logged"), default=timezone.now, editable=False)
    revision = models.ForeignKey(
        "articles.Revision",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
        verbose_name=_("revision"),
        help_text=_("The article's content when the entry went live."),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
        verbose_name=_("by"),
    )

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("correction or update")
        verbose_name_plural = _("corrections and updates")
        indexes = [
            # An article's log, and the public page of the latest entries.
            models.Index(fields=["article", "-created_at"], name="note_article_idx"),
            models.Index(fields=["-created_at"], name="note_latest_idx"),
        ]

    def __str__(self):
        return f"{self.get_kind_display()} · {self.article_id}"

    def clean(self):
        self.text = (self.text or "").strip()
        if not self.text:
            raise ValidationError({"text": _("Write what readers should know.")})
        article = self.article if self.article_id else None
        if article is None or not article.is_public:
            raise ValidationError(
                _(
                    "Only a published article's log takes a correction or an update: "
                    "change a draft, a scheduled or an unpublished article's text instead."
                ),
                code="not_public",
            )
