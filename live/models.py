"""A live story's coverage and its entries. Every change goes through a method that asks
live/rules.py first and tells the rest of the project (signals.live_changed) once made."""

import uuid

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, models, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_prose_editor.fields import ProseEditorField

from articles import body_pictures
from articles.models import Picture
from articles.sanitize import EDITOR_EXTENSIONS, html_to_text, sanitize_html
from live import rules
from live import signals as said
from newsroom.text import clean_line

SHARED_TEXT_LENGTH = 200  # what a shared entry's message quotes of its text


class LiveCoverage(models.Model):
    """An article followed live: started, then ended, by an editor."""

    article = models.OneToOneField(
        "articles.Article",
        on_delete=models.CASCADE,
        related_name="live_coverage",
        verbose_name=_("article"),
    )
    started_at = models.DateTimeField(_("started"), null=True, blank=True, editable=False)
    started_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        editable=False,
        related_name="+",
        verbose_name=_("started by"),
    )
    ended_at = models.DateTimeField(_("ended"), null=True, blank=True, editable=False)
    ended_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        editable=False,
        related_name="+",
        verbose_name=_("ended by"),
    )
    closing_summary = models.TextField(
        _("closing summary"),
        max_length=2000,
        blank=True,
        help_text=_("What readers see above the entries once the coverage has ended."),
    )
    # One more at each change to its entries: an open page asks for what changed since its own.
    revision = models.PositiveBigIntegerField(default=0, editable=False)

    class Meta:
        ordering = ["-started_at", "-pk"]
        verbose_name = _("live story")
        verbose_name_plural = _("live stories")

    def __str__(self):
        return str(self.article)

    @property
    def is_running(self) -> bool:
        return self.started_at is not None and self.ended_at is None

    @classmethod
    def start_by(cls, user, article) -> "LiveCoverage":
        """Start following `article` live; refused to anyone but an editor, and twice."""
        rules.check_run_coverage(user)
        with transaction.atomic():
            coverage, _created = cls.objects.select_for_update().get_or_create(article=article)
            if coverage.ended_at is not None:
                raise ValidationError(_("This live coverage has ended."))
            if coverage.started_at is not None:
                raise ValidationError(_("This live coverage has already started."))
            coverage.started_at, coverage.started_by = timezone.now(), user
            coverage.save()
            said.live_changed.send(sender=cls, action=said.STARTED, obj=coverage, user=user)
        return coverage

    @classmethod
    def next_revision(cls, pk: int) -> "LiveCoverage":
        """The coverage, locked until the transaction ends, at its next revision: posts,
        changes and the end wait for one another."""
        coverage = cls.objects.select_for_update().get(pk=pk)
        coverage.revision += 1
        cls.objects.filter(pk=pk).update(revision=coverage.revision)
        return coverage

    def end_by(self, user, closing_summary: str = "") -> None:
        """End the coverage for good, with what readers see above the entries from then on."""
        rules.check_run_coverage(user)
        with transaction.atomic():
            stored = type(self).objects.select_for_update().get(pk=self.pk)
            rules.check_open(stored)
            stored.ended_at, stored.ended_by = timezone.now(), user
            stored.closing_summary = closing_summary.strip()
            stored.full_clean(exclude=["article"])
            stored.save()
            said.live_changed.send(sender=type(self), action=said.ENDED, obj=stored, user=user)
        self.ended_at, self.ended_by, self.closing_summary = (
            stored.ended_at,
            stored.ended_by,
            stored.closing_summary,
        )


class LiveEntry(models.Model):
    """One moment of a live story, posted at once by a Live journalist or an editor."""

    coverage = models.ForeignKey(
        LiveCoverage, on_delete=models.CASCADE, related_name="entries", verbose_name=_("coverage")
    )
    posted_at = models.DateTimeField(_("posted"), default=timezone.now, editable=False)
    title = models.CharField(_("title"), max_length=200, blank=True)
    body = ProseEditorField(
        _("text"), config={"extensions": EDITOR_EXTENSIONS}, sanitize=sanitize_html
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        editable=False,
        related_name="live_entries",
        verbose_name=_("author"),
    )
    is_key_event = models.BooleanField(
        _("key event"), default=False, help_text=_("Listed in the summary above the entries.")
    )
    is_pinned = models.BooleanField(
        _("pinned"), default=False, help_text=_("Shown first, above the newest entries.")
    )
    corrected_at = models.DateTimeField(_("corrected"), null=True, editable=False)
    earlier_title = models.CharField(_("title before correction"), max_length=200, blank=True)
    earlier_body = models.TextField(_("text before correction"), blank=True, editable=False)
    # Sent with the entry form: the same form posted twice (a double click) makes one entry.
    token = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    updated_at = models.DateTimeField(_("last change"), auto_now=True)
    revision = models.PositiveBigIntegerField(default=0, editable=False)  # its coverage's, then

    class Meta:
        ordering = ["-posted_at", "-pk"]
        verbose_name = _("live entry")
        verbose_name_plural = _("live entries")
        indexes = [
            models.Index(fields=["coverage", "-posted_at"], name="live_entry_coverage_idx"),
        ]

    def __str__(self):
        return self.title or self.text[:80]

    def save(self, *args, **kwargs):
        shown = self.prepare()
        super().save(*args, **kwargs)
        self._keep_pictures(shown)

    @property
    def text(self) -> str:
        return html_to_text(self.body)

    @property
    def shared_text(self) -> str:
        """What a shared link's message says of the entry: its title, else its text."""
        text = self.title or self.text
        if len(text) <= SHARED_TEXT_LENGTH:
            return text
        return text[: SHARED_TEXT_LENGTH - 1].rstrip() + "…"

    def prepare(self) -> dict:
        """The title cleaned; the text sanitised as an article's body is, its library
        pictures completed with their alternative text. Returns those pictures, by id."""
        self.title = clean_line(self.title)
        self.body = sanitize_html(self.body)
        if body_pictures.largest_gallery(self.body) > body_pictures.GALLERY_MOST:
            raise ValidationError(
                {
                    "body": _("A gallery holds at most %(most)s pictures: split it in two.")
                    % {"most": body_pictures.GALLERY_MOST}
                }
            )
        named = body_pictures.picture_ids(self.body)
        shown = Picture.objects.in_bulk(named) if named else {}
        self.body = body_pictures.complete(self.body, shown)
        return shown

    def _keep_pictures(self, shown: dict) -> None:
        """The library knows which pictures the entry shows, and keeps them meanwhile."""
        kept = set(self.pictures.values_list("picture_id", flat=True))
        self.pictures.filter(picture_id__in=kept - shown.keys()).delete()
        EntryPicture.objects.bulk_create(
            [EntryPicture(entry=self, picture_id=pk) for pk in shown.keys() - kept]
        )

    def _checked(self) -> None:
        self.prepare()
        self.full_clean(exclude=["coverage", "author", "token"])

    def _snapshot(self) -> dict:
        return {
            "title": self.title,
            "body": self.body,
            "is_key_event": self.is_key_event,
            "is_pinned": self.is_pinned,
        }

    @classmethod
    def post_by(
        cls, user, coverage, *, body, title="", is_key_event=False, is_pinned=False, token=None
    ) -> "LiveEntry":
        """Post an entry now. The same `token` posted again (a double click) gives back the
        entry it made rather than a second one."""
        with transaction.atomic():
            # Ending the coverage waits for a post under way, and the other way round.
            locked = LiveCoverage.next_revision(coverage.pk)
            rules.check_post(user, locked)
            if token is not None:
                earlier = cls.objects.filter(token=token, coverage=locked).first()
                if earlier is not None:
                    return earlier
            entry = cls(
                coverage=locked,
                author=user,
                title=title,
                body=body,
                is_key_event=is_key_event,
                is_pinned=is_pinned,
                token=token or uuid.uuid4(),
                revision=locked.revision,
            )
            entry._checked()
            try:
                with transaction.atomic():
                    entry.save()
            except IntegrityError:
                earlier = cls.objects.filter(token=entry.token, coverage=locked).first()
                if earlier is None:
                    raise
                return earlier  # the same form, posted at the same instant
            said.live_changed.send(sender=cls, action=said.POSTED, obj=entry, user=user)
        return entry

    def edit_by(self, user, *, title, body, is_key_event, is_pinned) -> None:
        """An editor's change that readers are not told of (a typo, a flag): it is recorded
        in the history all the same."""
        self._change_by(
            user,
            said.EDITED,
            title=title,
            body=body,
            is_key_event=is_key_event,
            is_pinned=is_pinned,
        )

    def correct_by(self, user, *, body, title=None, is_key_event=None, is_pinned=None) -> None:
        """A correction readers are told of: the entry is marked corrected, its earlier text
        kept on the entry and in the history. What is not given stays as it is."""
        values = {
            "title": title,
            "body": body,
            "is_key_event": is_key_event,
            "is_pinned": is_pinned,
        }
        self._change_by(user, said.CORRECTED, **{k: v for k, v in values.items() if v is not None})

    def _change_by(self, user, action, **values) -> None:
        rules.check_change_entries(user)
        before = self._snapshot()
        if action == said.CORRECTED:
            self.earlier_title, self.earlier_body = self.title, self.body
            self.corrected_at = timezone.now()
        for field, value in values.items():
            setattr(self, field, value)
        with transaction.atomic():
            self._checked()
            self.revision = LiveCoverage.next_revision(self.coverage_id).revision
            self.save()
            said.live_changed.send(
                sender=type(self),
                action=action,
                obj=self,
                user=user,
                before=before,
                after=self._snapshot(),
            )

    def delete_by(self, user) -> None:
        rules.check_change_entries(user)
        with transaction.atomic():
            LiveCoverage.next_revision(self.coverage_id)  # open pages drop it
            said.live_changed.send(
                sender=type(self), action=said.DELETED, obj=self, user=user, before=self._snapshot()
            )
            self.delete()


class EntryPicture(models.Model):
    """A library picture shown in a live entry: the library lists where it is used, and
    refuses to delete it meanwhile."""

    entry = models.ForeignKey(LiveEntry, on_delete=models.CASCADE, related_name="pictures")
    picture = models.ForeignKey(
        "articles.Picture", on_delete=models.PROTECT, related_name="in_live_entries"
    )

    class Meta:
        verbose_name = _("picture in a live entry")
        verbose_name_plural = _("pictures in live entries")
        constraints = [
            models.UniqueConstraint(fields=["entry", "picture"], name="entry_picture_once")
        ]

    def __str__(self):
        return f"{self.picture_id} in {self.entry_id}"
