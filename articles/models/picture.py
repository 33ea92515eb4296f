from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import PermissionDenied
from django.core.validators import MaxValueValidator
from django.db import models, transaction
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django_tasks import task

from articles import rules
from newsroom.images import renditions
from newsroom.images.fields import SafeImageField
from newsroom.uploads import RandomUploadPath

# Where a portrait's focal point starts, down the picture (%): a face sits in its upper part.
PORTRAIT_FOCAL_Y = 35


class PictureQuerySet(models.QuerySet):
    def unused(self):
        return self.filter(
            articles__isnull=True,
            portrait_of__isnull=True,
            in_bodies__isnull=True,
            in_live_entries__isnull=True,  # live/models.py
        )


class Picture(models.Model):
    """A picture in the media library: its file, made safe on upload (formats recognised by
    content, size and pixel limits, metadata stripped, a server-made name), what is known
    about it, and its renditions around a focal point. Articles and authors use it;
    deleting one in use is refused."""

    file = SafeImageField(
        _("file"),
        upload_to=RandomUploadPath("pictures"),
        width_field="width",
        height_field="height",
        help_text=_("JPEG, PNG, WebP or GIF; at least 1200 × 630 pixels for sharing."),
    )
    width = models.PositiveIntegerField(null=True, blank=True, editable=False)
    height = models.PositiveIntegerField(null=True, blank=True, editable=False)
    focal_x = models.PositiveSmallIntegerField(
        _("focal point, across (%)"),
        default=50,
        validators=[MaxValueValidator(100)],
        help_text=_("Where the subject is, from the left edge: every crop keeps it in view."),
    )
    focal_y = models.PositiveSmallIntegerField(
        _("focal point, down (%)"),
        default=50,
        validators=[MaxValueValidator(100)],
        help_text=_("Where the subject is, from the top edge."),
    )
    renditions = models.JSONField(default=dict, blank=True, editable=False)
    # Square crops, made for a picture that is an author's photo.
    portrait_renditions = models.JSONField(default=dict, blank=True, editable=False)
    title = models.CharField(_("title"), max_length=200)
    alt_text = models.CharField(
        _("alternative text"),
        max_length=250,
        help_text=_("What the picture shows, for readers who cannot see it."),
    )
    caption = models.CharField(_("caption"), max_length=300, blank=True)
    credit = models.CharField(_("credit"), max_length=150, blank=True)
    photographer = models.CharField(_("photographer"), max_length=150, blank=True)
    taken_on = models.DateField(_("date taken"), null=True, blank=True)
    rights = models.CharField(
        _("rights"),
        max_length=300,
        blank=True,
        help_text=_("Who may use it and how: agency terms, one use only, expiry…"),
    )
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("uploaded by"),
        editable=False,
    )
    created_at = models.DateTimeField(_("added"), auto_now_add=True, db_index=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = PictureQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("picture")
        verbose_name_plural = _("pictures")

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)
        if not self.renditions_current():  # a new file or focal point
            transaction.on_commit(self.ask_for_renditions)

    @classmethod
    def upload_by(cls, user, file, **details) -> "Picture":
        """A new picture in the library, from someone allowed to add one."""
        if not rules.can_add_picture(user):
            raise PermissionDenied
        picture = cls(file=file, uploaded_by=user, **details)
        picture.full_clean(exclude=["file"])  # the file was checked as it was uploaded
        picture.save()
        return picture

    def save_by(self, user) -> None:
        """Add or change on behalf of `user`, refusing what they may not do."""
        if self.pk is None:
            if not rules.can_add_picture(user):
                raise PermissionDenied
            self.uploaded_by = user
        elif not rules.can_change_picture(user, self):
            raise PermissionDenied
        self.save()

    def delete_by(self, user) -> None:
        if not rules.can_delete_picture(user, self):
            raise PermissionDenied
        self.delete()

    @property
    def focal(self) -> tuple[float, float]:
        return self.focal_x / 100, self.focal_y / 100

    def _key(self):
        return renditions.plan_key(self.file.name, self.focal, renditions.ARTICLE_PLAN)

    @cached_property
    def images(self) -> dict | None:
        """The renditions; None means: not made yet. Missing, they are asked of the
        task worker, or made now where there is none (development)."""
        return self._renditions(make_here=not settings.TASK_WORKER)

    def _renditions(self, make_here: bool) -> dict | None:
        ask = None if make_here else self.ask_for_renditions
        plan = renditions.ARTICLE_PLAN
        return renditions.ensure(self, "file", "renditions", self.focal, plan, ask=ask)

    def ask_for_renditions(self, plan=None) -> None:
        """Once a while per file, focal point and plan, however many readers meanwhile."""
        key = renditions.plan_key(self.file.name, self.focal, plan or renditions.ARTICLE_PLAN)
        if cache.add(f"renditions-asked:{key}", True, renditions.LOCK_SECONDS) is False:
            return
        make_renditions.enqueue(self.pk)
        if not settings.TASK_WORKER:  # made already, on another copy: this one shows them too
            self.refresh_from_db(fields=["renditions", "portrait_renditions"])
            self.__dict__.pop("images", None)
            self.__dict__.pop("portraits", None)

    def renditions_current(self) -> bool:
        return bool(self.file) and renditions.is_current(self.renditions, self._key())

    def refresh_renditions(self):
        """Make what is missing now: the article sizes, and an author's square crops."""
        self.__dict__["images"] = self._renditions(make_here=True)
        if self.is_portrait():
            self.refresh_portraits()
        return self.images

    def refresh_portraits(self):
        self.__dict__["portraits"] = self._portraits(make_here=True)
        return self.portraits

    def is_portrait(self) -> bool:
        return self.pk is not None and self.portrait_of.exists()

    @cached_property
    def portraits(self) -> dict | None:
        """Square crops around the focal point, for an author's photo: as `images`."""
        return self._portraits(make_here=not settings.TASK_WORKER)

    def _portraits(self, make_here: bool) -> dict | None:
        plan = renditions.PORTRAIT_PLAN
        ask = None if make_here else lambda: self.ask_for_renditions(plan)
        return renditions.ensure(self, "file", "portrait_renditions", self.focal, plan, ask=ask)

    def in_use(self) -> bool:
        return (
            self.articles.exists()
            or self.in_bodies.exists()
            or self.in_live_entries.exists()  # live/models.py
            or self.portrait_of.exists()
        )


@task()
def make_renditions(picture_id: int) -> None:
    """A picture's renditions (and an author's crops of it), made by the task worker."""
    picture = Picture.objects.filter(pk=picture_id).first()
    if picture is not None:  # deleted since: nothing to make
        picture.refresh_renditions()
