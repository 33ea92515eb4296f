from django.db import models


class UnsentBump(models.Model):
    """Pages a committed change made stale that the cache could not be told about (it was
    unreachable): kept here until a server manages to bump them (articles/freshness.py)."""

    everything = models.BooleanField(default=False)
    paths = models.JSONField(default=list)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["pk"]

    def __str__(self):
        return "everything" if self.everything else f"{len(self.paths)} addresses"
