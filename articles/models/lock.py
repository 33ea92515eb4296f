from datetime import timedelta

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

# An editing session counts as live while its page keeps checking in (every 30 seconds; a
# background tab may be slowed to once a minute), so a closed or crashed page is soon forgotten.
LIVE_FOR = timedelta(seconds=90)


class EditSession(models.Model):
    """Who has an article open for editing, and since when."""

    article = models.OneToOneField(
        "articles.Article", on_delete=models.CASCADE, related_name="edit_session"
    )
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    since = models.DateTimeField(default=timezone.now)
    seen_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("editing session")
        verbose_name_plural = _("editing sessions")

    def __str__(self):
        return f"{self.user} → {self.article_id}"

    @property
    def is_live(self) -> bool:
        return timezone.now() - self.seen_at < LIVE_FOR

    @classmethod
    def open(cls, article, user) -> "EditSession | None":
        """Claim or refresh the article for `user`; returns someone else's live session if any."""
        now = timezone.now()
        session, created = cls.objects.select_related("user").get_or_create(
            article=article, defaults={"user": user}
        )
        if created or session.user_id == user.pk:
            cls.objects.filter(pk=session.pk).update(seen_at=now)
            return None
        if not session.is_live:
            cls.objects.filter(pk=session.pk).update(user=user, since=now, seen_at=now)
            return None
        return session

    @classmethod
    def open_or_report(cls, article, user) -> "EditSession | None":
        """A check-in from an open form: refresh it if still ours, else report the holder."""
        session = cls.objects.filter(article=article).select_related("user").first()
        if session is None or session.user_id == user.pk or not session.is_live:
            return cls.open(article, user)
        return session

    @classmethod
    def end(cls, article, user) -> None:
        """`user` is done with the article (saved it, moved it on, or left its page)."""
        cls.objects.filter(article=article, user=user).delete()

    @classmethod
    def take_over(cls, article, user) -> None:
        now = timezone.now()
        cls.objects.update_or_create(
            article=article, defaults={"user": user, "since": now, "seen_at": now}
        )
