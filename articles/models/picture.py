from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.core.validators import MaxValueValidator
from django.db import models, transaction
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

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
        if not self.renditions_current():
            transaction.on_commit(self.refresh_renditions)  # a new file or focal point

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
        """The renditions, made now if they are missing; None means: show a placeholder."""
        return renditions.ensure(self, "file", "renditions", self.focal, renditions.ARTICLE_PLAN)

    def renditions_current(self) -> bool:
        return bool(self.file) and renditions.is_current(self.renditions, self._key())

    def refresh_renditions(self):
        """Make what is missing now: the article sizes, and an author's square crops."""
        self.__dict__.pop("images", None)  # forget an answer cached before the change
        if self.is_portrait():
            self.refresh_portraits()
        return self.images

    def refresh_portraits(self):
        self.__dict__.pop("portraits", None)
        return self.portraits

    def is_portrait(self) -> bool:
        return self.pk is not None and self.portrait_of.exists()

    @cached_property
    def portraits(self) -> dict | None:
        """Square crops around the focal point, for an author's photo."""
        return renditions.ensure(
            self, "file", "portrait_renditions", self.focal, renditions.PORTRAIT_PLAN
        )

    def in_use(self) -> bool:
        return (
            self.articles.exists()
            or self.in_bodies.exists()
            or self.in_live_entries.exists()  # live/models.py
            or self.portrait_of.exists()
        )
