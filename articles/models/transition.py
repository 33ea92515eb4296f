from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from newsroom.dates import plausible, validate_plausible


class Transition(models.Model):
    """One step of an article's workflow: who moved it, when, from where to where, and why."""

    article = models.ForeignKey(
        "articles.Article", on_delete=models.CASCADE, related_name="transitions"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("by"),
    )
    name = models.CharField(_("action"), max_length=20)
    source = models.CharField(_("from"), max_length=20)
    target = models.CharField(_("to"), max_length=20)
    comment = models.TextField(_("comment"), blank=True)
    publish_at = models.DateTimeField(
        _("publication time"), null=True, blank=True, validators=[validate_plausible]
    )
    at = models.DateTimeField(_("when"), default=timezone.now, db_index=True)
    revision = models.ForeignKey(
        "articles.Revision",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("approved revision"),
    )

    class Meta:
        ordering = ["at", "pk"]
        constraints = [
            models.CheckConstraint(condition=plausible("publish_at"), name="transition_plausible")
        ]
        verbose_name = _("workflow step")
        verbose_name_plural = _("workflow history")

    def __str__(self):
        return f"{self.article_id}: {self.source} → {self.target} ({self.name})"

    @property
    def source_label(self):
        return _state_label(self.source)

    @property
    def target_label(self):
        return _state_label(self.target)


def _state_label(value):
    from articles.models.article import Status

    return Status.label_of(value)
