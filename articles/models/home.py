"""What editors arrange on the reader's pages: the home page's featured stories, in their
order, and the breaking-news banner shown above every page.

Only editors change them (articles/rules.py): the admin, commands and tests all go through
save_by() and delete_by(). Each has an expiry, which pages follow on every server without a
job runner (articles/freshness.py); their changes make pages fresh (articles/changes.py).
"""

from datetime import timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import models, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from articles import rules
from articles.models.article import Article, Status

FEATURED_MOST = 5
FEATURED_FEWEST = 3  # what the home page is laid out for; fewer is allowed, not advised
WEB_ADDRESS = URLValidator(schemes=["http", "https"])


def published_articles() -> Q:
    """The articles a featured story may show: those readers see now."""
    return Q(status=Status.PUBLISHED, published_at__lte=timezone.now())


def in_a_day():
    return timezone.now().replace(second=0, microsecond=0) + timedelta(days=1)


def in_three_hours():
    return timezone.now().replace(second=0, microsecond=0) + timedelta(hours=3)


def validate_link(value: str) -> None:
    """An address on this site (/…) or a full web address; never `javascript:` and the like."""
    # Browsers read "/\host" as "//host": another site's address, where "/" means ours.
    local = value.startswith("/") and value[1:2] not in ("/", "\\")
    if local and value.isprintable() and " " not in value:
        return
    try:
        WEB_ADDRESS(value)
    except ValidationError:
        raise ValidationError(
            _(
                "Give an address on this site, starting with /, or a full address, starting "
                "with https://."
            ),
            code="invalid",
        ) from None


class EditorsChoice(models.Model):
    """Set by an editor, who is remembered; changed only through save_by() and delete_by()."""

    set_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
        verbose_name=_("set by"),
    )
    set_at = models.DateTimeField(_("set at"), auto_now=True)

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)
        self._stored = {f.attname: getattr(self, f.attname) for f in self._meta.concrete_fields}

    @classmethod
    def from_db(cls, db, field_names, values):
        instance = super().from_db(db, field_names, values)
        instance._stored = dict(zip(field_names, values, strict=True))
        return instance

    def changed(self, field: str) -> bool:
        """New, or this field differs from the row as read."""
        stored = getattr(self, "_stored", None)
        if self._state.adding or stored is None or field not in stored:
            return True
        return getattr(self, field) != stored[field]

    def save_by(self, user) -> None:
        rules.check_arrange_home(user)
        with transaction.atomic():
            self.full_clean(exclude=self.unchecked_fields())
            self.set_by = user
            self.save()

    def delete_by(self, user) -> None:
        rules.check_arrange_home(user)
        self.delete()

    def unchecked_fields(self) -> list[str]:
        return []


class FeaturedStoryQuerySet(models.QuerySet):
    def current(self):
        """Those the home page shows, if their article is public: not yet expired."""
        return self.filter(until__gt=timezone.now())


class FeaturedStory(EditorsChoice):
    """A story the home page shows after its lead, in the order editors set, until a time."""

    article = models.OneToOneField(
        Article,
        on_delete=models.CASCADE,
        related_name="featured",
        verbose_name=_("article"),
        limit_choices_to=published_articles,
    )
    position = models.PositiveSmallIntegerField(
        _("order"), default=0, help_text=_("Smaller numbers come first on the home page.")
    )
    until = models.DateTimeField(
        _("featured until"),
        default=in_a_day,
        help_text=_("It leaves the home page at this time, on its own."),
    )

    objects = FeaturedStoryQuerySet.as_manager()

    class Meta:
        ordering = ["position", "pk"]
        verbose_name = _("featured story")
        verbose_name_plural = _("featured stories")
        indexes = [models.Index(fields=["until"], name="featured_until_idx")]

    def __str__(self):
        return str(self.article)

    @property
    def is_shown(self) -> bool:
        """On the home page now: not expired, its article public."""
        return self.until > timezone.now() and self.article.is_public

    def unchecked_fields(self) -> list[str]:
        # A story taken down since it was chosen may still be reordered or removed.
        return [] if self.changed("article_id") else ["article"]

    def clean(self):
        super().clean()
        errors = {}
        now = timezone.now()
        if self.changed("article_id") and self.article_id:
            if not Article.objects.filter(published_articles(), pk=self.article_id).exists():
                errors["article"] = [_("Only a published article can be featured.")]
        if self.until and self.changed("until"):
            if self.until <= now:
                errors["until"] = [_("Choose a time still to come.")]
            elif FeaturedStory.objects.current().exclude(pk=self.pk).count() >= FEATURED_MOST:
                errors["until"] = [
                    _(
                        "The home page shows at most %(most)d featured stories: remove one "
                        "or let one expire first."
                    )
                    % {"most": FEATURED_MOST}
                ]
        if errors:
            raise ValidationError(errors)


class BreakingNewsQuerySet(models.QuerySet):
    def shown(self):
        """The banner every page shows now, if any: switched on, not yet expired."""
        return self.filter(is_on=True, until__gt=timezone.now()).order_by("-set_at", "-pk")


class BreakingNews(EditorsChoice):
    """A line above every page: one at a time, switched on by an editor, gone at its time."""

    text = models.CharField(
        _("text"),
        max_length=140,
        help_text=_("One short sentence: it shows above every page."),
    )
    link = models.CharField(
        _("link"),
        max_length=500,
        blank=True,
        validators=[validate_link],
        help_text=_("Where the banner leads: /… on this site, or https://… elsewhere."),
    )
    is_on = models.BooleanField(
        _("switched on"),
        default=False,
        help_text=_("Shows it on every page at once (another banner switched on is switched off)."),
    )
    until = models.DateTimeField(
        _("shown until"),
        default=in_three_hours,
        help_text=_("It leaves every page at this time, on its own."),
    )

    objects = BreakingNewsQuerySet.as_manager()

    class Meta:
        ordering = ["-set_at", "-pk"]
        verbose_name = _("breaking-news banner")
        verbose_name_plural = _("breaking-news banners")

    def __str__(self):
        return self.text

    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)
        if self.is_on:
            # One banner at a time: switching one on switches the others off.
            BreakingNews.objects.filter(is_on=True).exclude(pk=self.pk).update(is_on=False)

    @property
    def is_shown(self) -> bool:
        return self.is_on and self.until > timezone.now()

    def clean(self):
        super().clean()
        if self.is_on and self.until and self.until <= timezone.now():
            if self.changed("until") or self.changed("is_on"):
                raise ValidationError({"until": _("Choose a time still to come.")})
