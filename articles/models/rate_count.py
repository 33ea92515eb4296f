from datetime import timedelta

from django.db import models, transaction
from django.db.models import F
from django.utils import timezone


class RateCount(models.Model):
    """How often one client (a keyed hash, never an address) did one thing in one window.
    In the database, so a limit holds whether or not the cache is up; rows last two windows."""

    key = models.CharField(max_length=100)
    window_start = models.DateTimeField(db_index=True)
    count = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["key", "window_start"], name="one_count_a_window")
        ]

    def __str__(self):
        return f"{self.key} {self.window_start:%Y-%m-%d %H:%M}: {self.count}"

    @classmethod
    def add_one(cls, key: str, window: timedelta) -> int:
        """Count one more for `key` ("kind:…", each kind one window) in the current window;
        returns the window's count."""
        now = timezone.now()
        start = now - timedelta(seconds=now.timestamp() % window.total_seconds())
        with transaction.atomic():
            counter, _ = cls.objects.get_or_create(key=key, window_start=start)
            cls.objects.filter(pk=counter.pk).update(count=F("count") + 1)
            counter.refresh_from_db(fields=["count"])
        # Only counts of its kind ("tips:", "signup:"…): other kinds keep longer windows.
        kind = key.split(":", 1)[0] + ":"
        cls.objects.filter(key__startswith=kind, window_start__lt=start - window).delete()
        return counter.count
