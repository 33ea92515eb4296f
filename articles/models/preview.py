import secrets
from datetime import timedelta

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db import models
from django.db.models import DateTimeField, Exists, OuterRef
from django.db.models.functions import Coalesce, Greatest
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from articles import rules
from articles.models.article import Status
from articles.models.transition import Transition
from articles.signals import preview_link_revoked

PREVIEW_LIFETIME = timedelta(hours=48)


def new_token() -> str:
    return secrets.token_urlsafe(32)  # 256 bits: unguessable


def default_expiry():
    return timezone.now() + PREVIEW_LIFETIME


class PreviewLinkQuerySet(models.QuerySet):
    def usable(self):
        """The only links that open: not revoked, not expired, their article not public now
        and not made public since the link was made (unpublishing does not bring it back)."""
        now = timezone.now()
        went_public = Transition.objects.annotate(
            public_from=Greatest("at", Coalesce("publish_at", "at"), output_field=DateTimeField())
        ).filter(
            article=OuterRef("article"),
            target=Status.PUBLISHED,
            public_from__gte=OuterRef("created_at"),
            public_from__lte=now,
        )
        return (
            self.filter(revoked_at__isnull=True, expires_at__gt=now)
            .exclude(article__status=Status.PUBLISHED, article__published_at__lte=now)
            .exclude(Exists(went_public))
        )


class PreviewLink(models.Model):
    """A secret address showing one unpublished article to someone without an account."""

    article = models.ForeignKey(
        "articles.Article", on_delete=models.CASCADE, related_name="preview_links"
    )
    token = models.CharField(max_length=64, unique=True, default=new_token, editable=False)
    note = models.CharField(
        _("for whom"), max_length=200, blank=True, help_text=_("e.g. the lawyer, a source.")
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("created by"),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    expires_at = models.DateTimeField(_("expires"), default=default_expiry)
    revoked_at = models.DateTimeField(_("revoked"), null=True, blank=True)

    objects = PreviewLinkQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("preview link")
        verbose_name_plural = _("preview links")

    def __str__(self):
        return f"{self.article} ({self.note})" if self.note else str(self.article)

    def get_absolute_url(self):
        return reverse("articles:preview_link", kwargs={"token": self.token})

    @property
    def is_usable(self) -> bool:
        return type(self).objects.usable().filter(pk=self.pk).exists()

    def revoke_by(self, user) -> None:
        """Editors revoke a link whatever its article's state; revoking twice changes nothing."""
        if not rules.can_revoke_preview(user):
            raise PermissionDenied
        revoked = (
            type(self)
            .objects.filter(pk=self.pk, revoked_at__isnull=True)
            .update(revoked_at=timezone.now())
        )
        if revoked:
            preview_link_revoked.send(type(self), link=self, user=user)
