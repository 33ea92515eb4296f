"""Partners' keys to the content API: a higher rate, until an administrator revokes one.

Only a key's hash is kept: the key itself is shown once, to the administrator who made it.
"""

import hashlib
import re
import secrets

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from newsroom.administrators import is_administrator

DEFAULT_RATE = "1200/min"
RATE = re.compile(r"^([1-9][0-9]{0,6})/(s|sec|m|min|h|hour|d|day)$")
PREFIX_LENGTH = 8


def validate_rate(value: str) -> None:
    if not RATE.match(value or ""):
        raise ValidationError(
            _("Write a number of requests and a period, as 1200/min (s, min, hour or day).")
        )


def hashed(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()


def check_administrator(user) -> None:
    if not is_administrator(user):
        raise PermissionDenied(_("Only an administrator manages API keys."))


class ApiKey(models.Model):
    partner = models.CharField(
        _("partner"), max_length=120, help_text=_("Who holds it: a radio, an app, a site.")
    )
    prefix = models.CharField(_("key starts with"), max_length=PREFIX_LENGTH, editable=False)
    digest = models.CharField(max_length=64, unique=True, editable=False)
    rate = models.CharField(
        _("rate"),
        max_length=20,
        default=DEFAULT_RATE,
        validators=[validate_rate],
        help_text=_("Requests it may make, as 1200/min (s, min, hour or day)."),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        editable=False,
        related_name="+",
        verbose_name=_("by"),
    )
    revoked_at = models.DateTimeField(_("revoked"), null=True, blank=True, editable=False)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("API key")
        verbose_name_plural = _("API keys")

    def __str__(self):
        return f"{self.partner} ({self.prefix}…)"

    def issue_by(self, user) -> str:
        """Make this new key on behalf of `user`; returns the key, which is kept nowhere."""
        check_administrator(user)
        key = secrets.token_urlsafe(32)
        self.prefix, self.digest, self.created_by = key[:PREFIX_LENGTH], hashed(key), user
        self.full_clean()
        self.save()
        return key

    def save_by(self, user) -> None:
        check_administrator(user)
        self.full_clean()
        self.save()

    def revoke_by(self, user) -> None:
        check_administrator(user)
        if self.revoked_at is None:
            self.revoked_at = timezone.now()
            self.save(update_fields=["revoked_at"])

    @classmethod
    def rate_of(cls, key: str) -> tuple[int, str] | None:
        """(id, rate) of this key while it is valid; None for an unknown or revoked one.
        Read each time (one indexed query): a revocation holds from the next request."""
        found = cls.objects.filter(digest=hashed(key), revoked_at__isnull=True)
        return found.values_list("pk", "rate").first()
