"""Partners' webhook endpoints, and each event's delivery to one of them with its attempts.

Only administrators register, change or re-enable an endpoint (the model checks, whatever the
admin shows). Its secret signs every delivery; the partner checks signatures with it.
"""

import base64
import secrets
import uuid

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from newsroom.administrators import is_administrator

SECRET_PREFIX = "whsec_"  # Standard Webhooks' form: the prefix, then the key in base64


class Event(models.TextChoices):
    PUBLISHED = "article.published", _("Published")
    UPDATED = "article.updated", _("Updated")
    CORRECTED = "article.corrected", _("Corrected")
    UNPUBLISHED = "article.unpublished", _("Unpublished")


def new_secret() -> str:
    return SECRET_PREFIX + base64.b64encode(secrets.token_bytes(24)).decode()


def check_administrator(user) -> None:
    if not is_administrator(user):
        raise PermissionDenied(_("Only an administrator manages webhooks."))


def validate_web_address(value: str) -> None:
    if not value.lower().startswith(("https://", "http://")):
        raise ValidationError(_("Give an address that starts with https://."))


def validate_events(value) -> None:
    if not value or not isinstance(value, list) or not set(value) <= set(Event.values):
        raise ValidationError(_("Choose at least one event."))


class Endpoint(models.Model):
    url = models.URLField(
        _("address"),
        max_length=500,
        validators=[validate_web_address],
        help_text=_("Where each event is posted, as JSON. HTTPS, please."),
    )
    description = models.CharField(
        _("description"), max_length=200, blank=True, help_text=_("Whose it is, what it is for.")
    )
    events = models.JSONField(_("events"), default=list, validators=[validate_events])
    secret = models.CharField(
        _("signing secret"), max_length=64, default=new_secret, editable=False
    )
    is_active = models.BooleanField(_("active"), default=True, editable=False)
    failures_in_a_row = models.PositiveIntegerField(
        _("failed attempts in a row"), default=0, editable=False
    )
    disabled_at = models.DateTimeField(_("disabled"), null=True, blank=True, editable=False)
    disabled_because = models.CharField(_("why"), max_length=300, blank=True, editable=False)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        editable=False,
        related_name="+",
        verbose_name=_("by"),
    )

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("webhook endpoint")
        verbose_name_plural = _("webhook endpoints")

    def __str__(self):
        return self.description or self.url

    def save_by(self, user) -> None:
        check_administrator(user)
        if self._state.adding:
            self.created_by = user
        self.full_clean()
        self.save()

    def enable_by(self, user) -> None:
        """Back in service after it was disabled: its failures are forgotten."""
        check_administrator(user)
        self.is_active, self.failures_in_a_row = True, 0
        self.disabled_at, self.disabled_because = None, ""
        self.save(
            update_fields=["is_active", "failures_in_a_row", "disabled_at", "disabled_because"]
        )

    def new_secret_by(self, user) -> None:
        """A new secret, for a partner whose secret leaked: the old one signs nothing more."""
        check_administrator(user)
        self.secret = new_secret()
        self.save(update_fields=["secret"])

    def wants(self, event: str) -> bool:
        return self.is_active and event in self.events


class DeliveryState(models.TextChoices):
    PENDING = "pending", _("Waiting")
    DELIVERED = "delivered", _("Delivered")
    FAILED = "failed", _("Failed")
    CANCELLED = "cancelled", _("Cancelled")


class Delivery(models.Model):
    """One event for one endpoint: the same message (id, body) however many attempts."""

    State = DeliveryState

    endpoint = models.ForeignKey(
        Endpoint, on_delete=models.CASCADE, related_name="deliveries", verbose_name=_("endpoint")
    )
    event = models.CharField(_("event"), max_length=32, choices=Event.choices)
    message_id = models.CharField(_("message id"), max_length=40, unique=True, editable=False)
    article = models.ForeignKey(
        "articles.Article",
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("article"),
    )
    body = models.TextField(_("body"), blank=True, help_text=_("Written at the first attempt."))
    state = models.CharField(
        _("state"), max_length=16, choices=DeliveryState.choices, default=DeliveryState.PENDING
    )
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    due_at = models.DateTimeField(_("due"), default=timezone.now)
    attempt_count = models.PositiveSmallIntegerField(_("attempts"), default=0)
    last_status_code = models.PositiveSmallIntegerField(_("response code"), null=True)
    last_error = models.CharField(_("error"), max_length=300, blank=True)
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("webhook delivery")
        verbose_name_plural = _("webhook deliveries")
        indexes = [models.Index(fields=["state", "due_at"], name="webhook_due_idx")]

    def __str__(self):
        return f"{self.get_event_display()} → {self.endpoint}"

    def save(self, *args, **kwargs):
        if not self.message_id:
            self.message_id = f"msg_{uuid.uuid4().hex}"
        super().save(*args, **kwargs)


class Attempt(models.Model):
    """One try at a delivery: when, how long, and what the endpoint answered."""

    delivery = models.ForeignKey(Delivery, on_delete=models.CASCADE, related_name="attempts")
    at = models.DateTimeField(_("when"), default=timezone.now)
    status_code = models.PositiveSmallIntegerField(_("response code"), null=True)
    error = models.CharField(_("error"), max_length=300, blank=True)
    milliseconds = models.PositiveIntegerField(_("time (ms)"), default=0)

    class Meta:
        ordering = ["at", "pk"]
        verbose_name = _("attempt")
        verbose_name_plural = _("attempts")

    def __str__(self):
        return f"{self.at:%Y-%m-%d %H:%M:%S} {self.status_code or self.error}"

    @property
    def succeeded(self) -> bool:
        return self.status_code is not None and 200 <= self.status_code < 300
