from django.db import models
from django.utils.translation import gettext_lazy as _


class HourlyReads(models.Model):
    """An article's reads in one hour, kept where Redis is not (audience/counting.py)."""

    # A log, not a link: an article's deletion leaves its rows to be pruned with the others.
    article = models.ForeignKey(
        "articles.Article",
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        related_name="+",
        verbose_name=_("article"),
    )
    hour = models.DateTimeField(_("hour"))
    count = models.PositiveIntegerField(_("reads"), default=1)

    class Meta:
        ordering = ["-hour", "-count"]
        verbose_name = _("hourly reads")
        verbose_name_plural = _("hourly reads")
        constraints = [
            models.UniqueConstraint(fields=["article", "hour"], name="hourly_reads_unique"),
        ]
        indexes = [
            # The window's sums and the pruning read by hour.
            models.Index(fields=["hour"], name="hourly_reads_hour_idx"),
        ]

    def __str__(self):
        return f"{self.article_id} @ {self.hour:%Y-%m-%d %H:00}: {self.count}"
