"""A reader who asked for the newsroom's emails: what they chose, and when they consented."""

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

# Subscriber.state as a query, in its order: a bounce outranks everything, then leaving.
STATES = {
    "pending": Q(confirmed_at__isnull=True, unsubscribed_at__isnull=True, bounced_at__isnull=True),
    "active": Q(confirmed_at__isnull=False, unsubscribed_at__isnull=True, bounced_at__isnull=True),
    "unsubscribed": Q(unsubscribed_at__isnull=False, bounced_at__isnull=True),
    "bounced": Q(bounced_at__isnull=False),
}


class SubscriberQuerySet(models.QuerySet):
    def active(self):
        """Confirmed, still subscribed, and reachable."""
        return self.filter(STATES["active"])

    def pending(self):
        return self.filter(STATES["pending"])


class Subscriber(models.Model):
    email = models.EmailField(_("email address"), unique=True)  # kept in lower case
    wants_digest = models.BooleanField(
        _("daily digest"), default=True, help_text=_("“L’essentiel”, every morning.")
    )
    wants_alerts = models.BooleanField(
        _("breaking news alerts"), default=False, help_text=_("Only for major news.")
    )
    sections = models.ManyToManyField(
        "articles.Section",
        blank=True,
        related_name="+",
        verbose_name=_("sections of interest"),
    )
    language = models.CharField(
        _("language"), max_length=8, choices=settings.LANGUAGES, default=settings.LANGUAGE_CODE
    )
    # Part of every link sent to the reader: a new one makes all earlier links useless.
    key = models.UUIDField(default=uuid.uuid4, editable=False)
    created_at = models.DateTimeField(_("asked"), auto_now_add=True)
    confirmed_at = models.DateTimeField(
        _("consent given"),
        null=True,
        blank=True,
        editable=False,
        help_text=_("When the address's owner confirmed, through the link emailed to them."),
    )
    unsubscribed_at = models.DateTimeField(_("unsubscribed"), null=True, blank=True, editable=False)
    bounced_at = models.DateTimeField(
        _("hard bounce"),
        null=True,
        blank=True,
        editable=False,
        help_text=_("The mail server refused this address for good: nothing is sent to it."),
    )

    objects = SubscriberQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("subscriber")
        verbose_name_plural = _("subscribers")
        constraints = [
            models.CheckConstraint(
                condition=Q(email=models.functions.Lower("email")), name="subscriber_email_lower"
            )
        ]

    def __str__(self):
        return self.email

    @property
    def is_active(self) -> bool:
        return (
            self.confirmed_at is not None
            and self.unsubscribed_at is None
            and self.bounced_at is None
        )

    @property
    def state(self) -> str:
        if self.bounced_at is not None:
            return "bounced"
        if self.unsubscribed_at is not None:
            return "unsubscribed"
        return "active" if self.confirmed_at is not None else "pending"

    def confirm(self) -> bool:
        """The owner's consent, once: False when there was nothing to confirm."""
        if self.confirmed_at is not None and self.unsubscribed_at is None:
            return False
        self.confirmed_at, self.unsubscribed_at = timezone.now(), None
        self.save(update_fields=["confirmed_at", "unsubscribed_at"])
        return True

    def unsubscribe(self) -> bool:
        """Off every list, once: False when it already was."""
        if self.unsubscribed_at is not None:
            return False
        self.unsubscribed_at = timezone.now()
        self.save(update_fields=["unsubscribed_at"])
        return True
