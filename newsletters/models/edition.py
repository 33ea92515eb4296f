"""One email the newsroom sends to its subscribers: a day's digest or a breaking alert.

An edition is a draft while editors choose and order its stories, scheduled once an editor
sets its time, sending while the worker goes through its deliveries, then sent. Who may do
each step is checked here, whatever the desk shows.
"""

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.validators import RegexValidator
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext, pgettext_lazy
from django.utils.translation import gettext_lazy as _

from articles import rules

CONTENT_FIELDS = ["kind", "subject", "introduction", "day"]  # what editors write
ONE_LINE = RegexValidator(r"[\r\n]", inverse_match=True, message=_("One line, please."))


class Edition(models.Model):
    class Kind(models.TextChoices):
        DIGEST = "digest", _("L’essentiel (daily digest)")
        ALERT = "alert", _("Breaking news alert")

    class State(models.TextChoices):
        DRAFT = "draft", pgettext_lazy("edition", "Draft")
        SCHEDULED = "scheduled", pgettext_lazy("edition", "Scheduled")
        SENDING = "sending", pgettext_lazy("edition", "Sending")
        SENT = "sent", pgettext_lazy("edition", "Sent")

    kind = models.CharField(_("kind"), max_length=8, choices=Kind.choices, default=Kind.DIGEST)
    subject = models.CharField(
        _("subject"),
        max_length=150,
        validators=[ONE_LINE],  # an email header
        help_text=_("The line readers see in their inbox."),
    )
    introduction = models.TextField(
        _("introduction"),
        blank=True,
        help_text=_("A few words from the newsroom, above the stories. Plain text."),
    )
    day = models.DateField(_("day"), default=timezone.localdate)
    state = models.CharField(
        _("state"), max_length=10, choices=State.choices, default=State.DRAFT, editable=False
    )
    send_at = models.DateTimeField(_("send at"), null=True, blank=True, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        editable=False,
        related_name="+",
        verbose_name=_("created by"),
    )
    scheduled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        editable=False,
        related_name="+",
        verbose_name=_("scheduled by"),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    started_at = models.DateTimeField(_("sending began"), null=True, editable=False)
    finished_at = models.DateTimeField(_("sending ended"), null=True, editable=False)
    # Set once the deliveries are listed: who gets it is fixed when sending begins.
    recipients = models.PositiveIntegerField(_("recipients"), null=True, editable=False)

    class Meta:
        ordering = ["-day", "-created_at"]
        verbose_name = _("edition")
        verbose_name_plural = _("editions")

    def __str__(self):
        return self.subject

    def save(self, *args, **kwargs):
        """What readers already received is not rewritten, whatever a form posts. A form
        writes the content only: its copy of the state may be older than the worker's."""
        if self.pk and not self._state.adding:
            refuse_unless_editable(self.pk)
            kwargs.setdefault("update_fields", CONTENT_FIELDS)
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        """Only a draft goes: a scheduled or sent edition keeps its record of who got it."""
        stored = Edition.objects.filter(pk=self.pk).values_list("state", flat=True).first()
        if stored not in (None, self.State.DRAFT):
            raise ValidationError(gettext("Only a draft edition can be deleted."))
        return super().delete(*args, **kwargs)

    @property
    def is_editable(self) -> bool:
        return self.state in self._editable_states()

    def articles(self) -> list:
        """Its stories, in the editors' order, with what an email shows of each."""
        stories = self.stories.select_related("article__picture", "article__section")
        stories = stories.order_by("position", "pk")
        return [story.article for story in stories]

    # --- the workflow, checked here whatever the desk shows --------------------------------
    @staticmethod
    def check_editor(user) -> None:
        if not rules.is_editor(user):
            raise PermissionDenied(gettext("Only editors send newsletters."))

    def schedule(self, user, when=None) -> None:
        """To be sent at `when` (now when None) by the task worker, once."""
        self.check_editor(user)
        when = when or timezone.now()
        if not self.is_editable:
            raise ValidationError(gettext("This edition is already being sent or was sent."))
        if not self.stories.exists():
            raise ValidationError(gettext("Add at least one story before sending."))
        if when < timezone.now() - timezone.timedelta(minutes=1):
            raise ValidationError(gettext("The sending time is in the past."))
        with transaction.atomic():
            claimed = Edition.objects.filter(pk=self.pk, state__in=self._editable_states())
            if not claimed.update(state=self.State.SCHEDULED, send_at=when, scheduled_by=user):
                raise ValidationError(gettext("This edition is already being sent or was sent."))
            self.state, self.send_at, self.scheduled_by = self.State.SCHEDULED, when, user
            from newsletters.sending import ask_worker

            transaction.on_commit(lambda: ask_worker(self))

    def unschedule(self, user) -> None:
        """Back to a draft, as long as sending has not begun."""
        self.check_editor(user)
        updated = Edition.objects.filter(pk=self.pk, state=self.State.SCHEDULED).update(
            state=self.State.DRAFT, send_at=None, scheduled_by=None
        )
        if not updated:
            raise ValidationError(gettext("Sending has already begun: it cannot be stopped."))
        self.state, self.send_at, self.scheduled_by = self.State.DRAFT, None, None

    @classmethod
    def _editable_states(cls):
        return [cls.State.DRAFT, cls.State.SCHEDULED]


def refuse_unless_editable(edition_id) -> None:
    stored = Edition.objects.filter(pk=edition_id).values_list("state", flat=True).first()
    if stored not in (None, *Edition._editable_states()):
        raise ValidationError(gettext("This edition is already being sent or was sent."))


class EditionStory(models.Model):
    edition = models.ForeignKey(Edition, on_delete=models.CASCADE, related_name="stories")
    article = models.ForeignKey(
        "articles.Article",
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("article"),
        limit_choices_to={"status": "published"},
    )
    position = models.PositiveSmallIntegerField(
        _("position"), null=True, blank=True, help_text=_("Empty: after the others.")
    )

    class Meta:
        ordering = ["position", "pk"]
        verbose_name = _("story")
        verbose_name_plural = _("stories")
        constraints = [
            models.UniqueConstraint(fields=["edition", "article"], name="edition_story_once")
        ]

    def __str__(self):
        return str(self.article)

    def save(self, *args, **kwargs):
        refuse_unless_editable(self.edition_id)
        if self.position is None:
            last = self.edition.stories.aggregate(last=models.Max("position"))["last"]
            self.position = (last or 0) + 1
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        refuse_unless_editable(self.edition_id)
        return super().delete(*args, **kwargs)

    def clean(self):
        if self.article_id and not self.article.is_public:
            raise ValidationError({"article": gettext("Only a published article can be sent.")})
