from django.db import models
from django.utils.translation import gettext_lazy as _


class Tip(models.Model):
    """A reader's message to the newsroom. No address or IP is kept: tipsters may be sources."""

    name = models.CharField(_("name"), max_length=120, blank=True)
    contact = models.CharField(
        _("how to reach you"),
        max_length=200,
        blank=True,
        help_text=_("Email, phone or any other way; leave empty to stay anonymous."),
    )
    message = models.TextField(_("message"), max_length=5000)
    created_at = models.DateTimeField(_("received"), auto_now_add=True, db_index=True)
    handled = models.BooleanField(_("handled"), default=False)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("reader's tip")
        verbose_name_plural = _("readers' tips")

    def __str__(self):
        return self.message[:60]
