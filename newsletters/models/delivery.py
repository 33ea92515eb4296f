"""One edition to one subscriber: the record that keeps it from ever being sent twice.

A delivery is claimed (sending) before the email leaves and marked sent once the mail
server took it. A worker that dies in between leaves it claimed: it is never sent again,
and the desk counts it as interrupted. A missed digest is better than two.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class Delivery(models.Model):
    class State(models.TextChoices):
        # As the edition's progress counts them: "Envoyés : 120".
        PENDING = "pending", pgettext_lazy("deliveries", "Waiting")
        SENDING = "sending", pgettext_lazy("deliveries", "Being sent")  # or left by a dead worker
        SENT = "sent", pgettext_lazy("deliveries", "Sent")
        FAILED = "failed", pgettext_lazy("deliveries", "Failed")
        SKIPPED = "skipped", pgettext_lazy("deliveries", "Not sent: left the list")

    edition = models.ForeignKey(
        "newsletters.Edition", on_delete=models.CASCADE, related_name="deliveries"
    )
    subscriber = models.ForeignKey(
        "newsletters.Subscriber", on_delete=models.CASCADE, related_name="deliveries"
    )
    state = models.CharField(max_length=8, choices=State.choices, default=State.PENDING)
    sent_at = models.DateTimeField(null=True)
    error = models.CharField(max_length=300, blank=True)

    class Meta:
        verbose_name = _("delivery")
        verbose_name_plural = _("deliveries")
        constraints = [
            models.UniqueConstraint(fields=["edition", "subscriber"], name="delivery_once")
        ]
        indexes = [models.Index(fields=["edition", "state"], name="delivery_progress")]

    def __str__(self):
        return f"{self.edition_id} → {self.subscriber_id}"
