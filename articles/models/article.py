import math

from django.conf import settings
from django.contrib.postgres.search import SearchVectorField
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import models
from django.db.models import F, Q
from django.db.models.functions import Greatest
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django_fsm import ConcurrentTransition, ConcurrentTransitionMixin, FSMField, transition
from django_prose_editor.fields import ProseEditorField
from taggit.managers import TaggableManager

from articles import body_pictures, rules
from articles.models.body_picture import BodyPicture
from articles.models.picture import Picture
from articles.sanitize import EDITOR_EXTENSIONS, html_to_text, sanitize_html
from newsroom.dates import plausible, validate_plausible
from newsroom.links import slug_url
from newsroom.slugs import unique_slug
from newsroom.text import clean_line


class Status(models.TextChoices):
    DRAFT = "draft", _("Draft")
    REVIEW = "review", _("In review")
    PUBLISHED = "published", _("Published")
    UNPUBLISHED = "unpublished", _("Unpublished")

    @classmethod
    def label_of(cls, value):
        """A stored state's label, as editors read it; an unknown value as it is."""
        return cls(value).label if value in cls.values else value


# "Scheduled" is not stored: it is a published article whose time has not come yet, so it
# turns public at that moment on every server with no job runner.
SCHEDULED = "scheduled"
SCHEDULED_LABEL = _("Scheduled")
WORDS_PER_MINUTE = 200
SOCIAL_CARD = (1200, 630)
SOCIAL_RATIO = SOCIAL_CARD[0] / SOCIAL_CARD[1]
# A syndicated story's original: a web address with a host, never `javascript:` and the like.
ORIGINAL_ADDRESS = URLValidator(
    schemes=["http", "https"],
    message=_("Give the original's full address, starting with https:// or http://."),
)


# The state django-fsm saw when the article was read: a step is stored only from it.
FSM_STARTED = "_ConcurrentTransitionMixin__initial_states"
# What an article held when read, by marker: its saves compare against them.
STORED = {
    "_loaded_version": "version",
    "_stored_slug": "slug",
    "_stored_status": "status",
    "_stored_section_id": "section_id",
    "_stored_picture_id": "picture_id",
}


class Byline(models.Model):
    """An author's place in an article's byline."""

    article = models.ForeignKey(
        "articles.Article", on_delete=models.CASCADE, related_name="bylines"
    )
    author = models.ForeignKey(
        "authors.Author",
        on_delete=models.CASCADE,
        related_name="bylines",
        verbose_name=_("author"),
        db_index=False,  # led by the index below
    )
    position = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["position", "pk"]
        verbose_name = _("byline")
        verbose_name_plural = _("bylines")
        constraints = [
            models.UniqueConstraint(fields=["article", "author"], name="one_byline_per_author")
        ]
        indexes = [
            # Whether an author has anything published, and their bylines for the admin.
            models.Index(fields=["author", "article"], name="byline_author_article_idx"),
        ]

    def __str__(self):
        return str(self.author)


class EditConflict(ConcurrentTransition):
    """The article changed in the database after this copy of it was read."""


class ArticleQuerySet(models.QuerySet):
    def published(self):
        """The one door to public content."""
        return self.filter(status=Status.PUBLISHED, published_at__lte=timezone.now())

    def scheduled(self):
        return self.filter(status=Status.PUBLISHED, published_at__gt=timezone.now())

    def in_review(self):
        return self.filter(status=Status.REVIEW)

    def by_user(self, user):
        return self.filter(bylines__author__user=user).distinct()

    def visible_to(self, user):
        """What a member of staff may open in the admin: editors all, journalists their own."""
        if rules.is_editor(user):
            return self
        return self.by_user(user)


class Article(ConcurrentTransitionMixin, models.Model):
    Status = Status
    # A change to one of these after publication shows readers "Mis à jour".
    READER_VISIBLE_FIELDS = (
        "headline",
        "standfirst",
        "body",
        "picture_id",
        "image_caption",
        "image_credit",
    )

    headline = models.CharField(_("headline"), max_length=200)
    slug = models.SlugField(
        _("slug"),
        max_length=100,
        unique=True,
        blank=True,
        help_text=_(
            "The article's address. Made from the headline when left empty; "
            "it cannot change once the article has been published."
        ),
    )
    standfirst = models.TextField(
        _("standfirst"),
        max_length=600,
        blank=True,
        help_text=_("One or two sentences under the headline; also the summary when shared."),
    )
    body = ProseEditorField(
        _("body"), config={"extensions": EDITOR_EXTENSIONS}, sanitize=sanitize_html, blank=True
    )
    section = models.ForeignKey(
        "articles.Section",
        on_delete=models.PROTECT,
        related_name="articles",
        verbose_name=_("section"),
    )
    authors = models.ManyToManyField(
        "authors.Author",
        through="articles.Byline",
        related_name="articles",
        verbose_name=_("authors"),
    )
    tags = TaggableManager(
        _("tags"),
        through="articles.Tagging",
        blank=True,
        help_text=_("Separate tags with commas."),
    )
    picture = models.ForeignKey(
        "articles.Picture",
        on_delete=models.PROTECT,  # a picture in use is not deleted from the library
        null=True,
        blank=True,
        related_name="articles",
        verbose_name=_("featured picture"),
        help_text=_("Search the library, or upload a new picture below."),
    )
    image_alt = models.CharField(
        _("alternative text"),
        max_length=250,
        blank=True,
        help_text=_(
            "What the picture shows, for readers who cannot see it. Required with an image."
        ),
    )
    image_caption = models.CharField(_("caption"), max_length=300, blank=True)
    image_credit = models.CharField(_("credit"), max_length=150, blank=True)
    language = models.CharField(
        _("language"), max_length=8, choices=settings.LANGUAGES, default=settings.LANGUAGE_CODE
    )
    status = FSMField(
        _("state"), default=Status.DRAFT, choices=Status.choices, protected=True, db_index=True
    )
    published_at = models.DateTimeField(
        _("publication time"),
        null=True,
        blank=True,
        validators=[validate_plausible],
        help_text=_("Set by publishing or scheduling; editors may correct it."),
    )
    first_published_at = models.DateTimeField(_("first published"), null=True, editable=False)
    revised_at = models.DateTimeField(
        _("updated after publication"),
        null=True,
        editable=False,
        help_text=_("When the text last changed while the article was public."),
    )
    is_lead = models.BooleanField(
        _("lead story"),
        default=False,
        help_text=_("Show at the top of the home page (the most recent lead story wins)."),
    )
    # Search and social: each empty one falls back to the headline or the standfirst
    # (articles/metadata.py).
    seo_title = models.CharField(
        _("search engine title"),
        max_length=70,  # search results cut a title after about 60–70 characters
        blank=True,
        help_text=_("The title search engines show. Leave empty to use the headline."),
    )
    meta_description = models.CharField(
        _("search engine description"),
        max_length=160,  # search results show about 155–160 characters of a description
        blank=True,
        help_text=_(
            "The summary under the title in search results. Leave empty to use the standfirst."
        ),
    )
    social_title = models.CharField(
        _("social media title"),
        max_length=95,  # Facebook and LinkedIn cut a shared card's title after about 90–95
        blank=True,
        help_text=_("The title of the card a shared link shows. Leave empty to use the headline."),
    )
    social_description = models.CharField(
        _("social media description"),
        max_length=200,  # X takes at most 200 characters; other cards show less
        blank=True,
        help_text=_("The text of the card a shared link shows. Leave empty to use the standfirst."),
    )
    canonical_url = models.URLField(
        _("original address"),
        max_length=500,  # a syndicated story's address can carry a long path and query
        blank=True,
        validators=[ORIGINAL_ADDRESS],
        help_text=_(
            "Only for a story first published elsewhere: the original's address. Search "
            "engines and shared links then point there."
        ),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("last change"), auto_now=True)
    # What readers last saw change: a save, or its bylines, tags or log (articles/changes.py
    # sets it then); the content API's changes since a time read it (api/queries.py).
    changed_at = models.DateTimeField(auto_now=True)
    # Optimistic locking: every save checks that nobody saved since this copy was read.
    version = models.PositiveIntegerField(default=1, editable=False)
    # Bumped when its bylines, tags, authors or section change: its cached parts are then
    # out of date (articles/fragments.py).
    generation = models.PositiveIntegerField(default=0, editable=False)
    # Search: the body as plain text, tags and authors as text, and (PostgreSQL) the vector.
    body_text = models.TextField(blank=True, editable=False)
    search_tags = models.TextField(blank=True, editable=False)
    search_authors = models.TextField(blank=True, editable=False)
    search_vector = SearchVectorField(null=True, editable=False)
    # Ranking's vector: the head's words without the body's, small enough to stay in the row.
    rank_vector = SearchVectorField(null=True, editable=False)

    objects = ArticleQuerySet.as_manager()

    class Meta:
        ordering = ["-published_at", "-created_at"]
        verbose_name = _("article")
        verbose_name_plural = _("articles")
        permissions = [("publish_article", _("Can review, publish, schedule and unpublish"))]
        constraints = [
            models.CheckConstraint(condition=plausible(field), name=f"article_{field}_plausible")
            for field in ("published_at", "first_published_at", "revised_at")
        ]
        indexes = [
            models.Index(fields=["status", "-published_at"], name="article_public_idx"),
            # The desk's list, last changed first, and its filter by publication date.
            models.Index(fields=["-updated_at", "-id"], name="article_desk_idx"),
            models.Index(fields=["published_at"], name="article_published_at_idx"),
            # Section pages and the home page's section blocks read a section's newest.
            models.Index(fields=["section", "status", "-published_at"], name="article_section_idx"),
            # The editor's chosen lead story, found without scanning the archive.
            models.Index(
                fields=["-published_at"], condition=Q(is_lead=True), name="article_lead_idx"
            ),
            # Articles an import stopped before their search vectors (importer/indexing.py).
            models.Index(
                fields=["id"], condition=Q(search_vector__isnull=True), name="article_unindexed_idx"
            ),
            # The content API's changes since a time, oldest first (api/queries.py).
            models.Index(
                F("status"),
                Greatest(F("changed_at"), F("published_at")),
                F("id"),
                name="article_changed_idx",
            ),
        ]

    def __str__(self):
        return self.headline

    def save(self, *args, **kwargs):
        deferred = self.get_deferred_fields()
        if deferred and self.pk:  # saved whole; a version not read is checked as it is now
            self.refresh_from_db(fields=list(deferred))
        shown = self.prepare()
        if getattr(self, "_loaded_version", None) is not None:
            self.version = self._loaded_version + 1
        super().save(*args, **kwargs)  # what follows a save: articles/changes.py
        self._keep_body_pictures(shown)
        self._loaded_version = self.version
        self._stored_slug = self.slug
        self._stored_picture_id = self.picture_id

    def get_absolute_url(self):
        return slug_url("articles:detail", self.slug)

    def prepare(self, pictures: dict | None = None) -> dict:
        """Made ready to be stored, as every save does: the headline cleaned, the body
        sanitised with its library pictures completed, its text, the picture's text, the
        slug. Returns the library pictures the body shows, by id.

        `pictures` (by id), when given, must hold those the body names: whoever prepares
        many articles at once (the importer) reads them in one query for all.
        """
        self.headline = clean_line(self.headline)
        self.body = sanitize_html(self.body)
        if body_pictures.largest_gallery(self.body) > body_pictures.GALLERY_MOST:
            raise ValidationError({"body": self._too_large_gallery()})
        named = body_pictures.picture_ids(self.body)
        if pictures is None:
            shown = Picture.objects.in_bulk(named)
        else:
            shown = {pk: pictures[pk] for pk in named if pk in pictures}
        self.body = body_pictures.complete(self.body, shown)
        self.body_text = html_to_text(self.body)
        self._take_picture_text()
        if self._slug_locked() and self.slug != self._stored_slug:
            raise ValidationError({"slug": _("A published article's address cannot change.")})
        if not self.slug:
            self.slug = unique_slug(
                self.headline, Article, max_length=100, exclude_pk=self.pk, fallback="article"
            )
        return shown

    def _keep_body_pictures(self, shown: dict) -> None:
        kept = set(self.body_pictures.values_list("picture_id", flat=True))
        self.body_pictures.filter(picture_id__in=kept - shown.keys()).delete()
        BodyPicture.objects.bulk_create(
            [BodyPicture(article=self, picture_id=pk) for pk in shown.keys() - kept]
        )

    @property
    def state_fields(self):
        # django-fsm scans every field for each instance it builds; ours is known.
        return (self._meta.get_field("status"),)

    @classmethod
    def from_db(cls, db, field_names, values):
        article = super().from_db(db, field_names, values)
        for marker, field in STORED.items():
            setattr(article, marker, article.__dict__.get(field))
        return article

    def refresh_from_db(self, using=None, fields=None, from_queryset=None):
        state, started_from = self.__dict__.get("status"), getattr(self, FSM_STARTED, None)
        super().refresh_from_db(using, fields, from_queryset)
        read = None if fields is None else set(fields)
        if read is not None and "status" not in read and state is not None:
            # A deferred field read: django-fsm reads the state with it, and Django would
            # copy that over a step not yet saved; the state it started from stays too.
            self.__dict__["status"] = state
            if started_from is not None:
                setattr(self, FSM_STARTED, started_from)
        for marker, field in STORED.items():
            if read is None or field in read:
                setattr(self, marker, self.__dict__.get(field))

    def _do_update(
        self, base_qs, using, pk_val, values, update_fields, forced_update, *args, **kwargs
    ):
        loaded = getattr(self, "_loaded_version", None)
        checked = base_qs.filter(version=loaded) if loaded is not None else base_qs
        updated = super()._do_update(
            checked, using, pk_val, values, update_fields, forced_update, *args, **kwargs
        )
        if not updated and loaded is not None and base_qs.filter(pk=pk_val).exists():
            raise EditConflict("Someone else saved this article since it was read.")
        return updated

    # --- state as people see it -------------------------------------------------------
    @property
    def is_scheduled(self) -> bool:
        return (
            self.status == Status.PUBLISHED
            and self.published_at is not None
            and self.published_at > timezone.now()
        )

    @property
    def is_public(self) -> bool:
        return self.status == Status.PUBLISHED and not self.is_scheduled

    @property
    def state(self) -> str:
        return SCHEDULED if self.is_scheduled else self.status

    # --- the featured picture, from the library -------------------------------------------
    @property
    def images(self) -> dict | None:
        """Its renditions; None means: not made yet (the original stands in)."""
        return self.picture.images if self.picture_id else None

    @property
    def image_width(self) -> int | None:
        return self.picture.width if self.picture_id else None

    @property
    def image_height(self) -> int | None:
        return self.picture.height if self.picture_id else None

    def _take_picture_text(self):
        """A newly chosen picture brings its library text; this article may change it."""
        if not self.picture_id or self.picture_id == getattr(self, "_stored_picture_id", None):
            return
        for mine, theirs in (
            ("image_alt", "alt_text"),
            ("image_caption", "caption"),
            ("image_credit", "credit"),
        ):
            if not getattr(self, mine).strip():
                setattr(self, mine, getattr(self.picture, theirs))

    def social_card_warnings(self) -> list[str]:
        """What would make this article look poor when shared, for the editor to see first."""
        warnings = []
        if not self.picture_id:
            warnings.append(_("No image: shared links will show no picture."))
        else:
            width, height = self.image_width or 0, self.image_height or 1
            if width < SOCIAL_CARD[0] or height < SOCIAL_CARD[1]:
                warnings.append(
                    _("The image is %(w)d × %(h)d pixels; shared cards want at least 1200 × 630.")
                    % {"w": width, "h": height}
                )
            if abs(width / height - SOCIAL_RATIO) / SOCIAL_RATIO > 0.2:
                warnings.append(
                    _("The image is far from the 1.91:1 shape of shared cards: check the crop.")
                )
            if not self.image_alt.strip():
                warnings.append(_("The image has no alternative text."))
        if len(self.headline) > 70:
            warnings.append(
                _("The headline has %(n)d characters; shared cards cut it after about 70.")
                % {"n": len(self.headline)}
            )
        if len(self.standfirst) > 200:
            warnings.append(
                _("The standfirst has %(n)d characters; shared cards show about 200.")
                % {"n": len(self.standfirst)}
            )
        return warnings

    @cached_property
    def byline_authors(self) -> list:
        """The authors in byline order (pages fill it for many articles: queries.with_credits)."""
        return [byline.author for byline in self.bylines.all()]

    @cached_property
    def tag_list(self) -> list:
        """Its tags in the order given (pages fill it: queries.with_credits_and_tags)."""
        return [tagging.tag for tagging in self.taggings.all()]

    @property
    def reading_minutes(self) -> int:
        return max(1, math.ceil(len(self.body_text.split()) / WORDS_PER_MINUTE))

    @property
    def last_modified(self):
        return self.revised_at or self.published_at

    @property
    def state_label(self):
        return SCHEDULED_LABEL if self.is_scheduled else self.get_status_display()

    # --- validation and saving ----------------------------------------------------------
    def clean_fields(self, exclude=None):
        # The state is protected and only moves through transitions: never "clean" it.
        super().clean_fields(exclude={*(exclude or ()), "status"})

    def clean(self):
        errors = {}
        self._take_picture_text()
        if self.picture_id and not self.image_alt.strip():
            errors["image_alt"] = _("Describe the picture: alternative text is required.")
        if self._slug_locked() and self.slug != self._stored_slug:
            errors["slug"] = _("A published article's address cannot change.")
        if body_pictures.largest_gallery(sanitize_html(self.body)) > body_pictures.GALLERY_MOST:
            errors["body"] = self._too_large_gallery()
        if errors:
            raise ValidationError(errors)

    def _too_large_gallery(self) -> str:
        return _("A gallery holds at most %(most)s pictures: split it in two.") % {
            "most": body_pictures.GALLERY_MOST
        }

    def _slug_locked(self) -> bool:
        return bool(self.first_published_at and getattr(self, "_stored_slug", None))

    def content_differs(self, other) -> bool:
        return any(getattr(self, f) != getattr(other, f) for f in self.READER_VISIBLE_FIELDS)

    def missing_for_review(self) -> list[str]:
        """What must be filled in before an article goes to an editor or to readers."""
        missing = []
        if not self.standfirst.strip():
            missing.append(_("a standfirst"))
        if not self.body.strip():
            missing.append(_("a body"))
        if not self.bylines.exists():
            missing.append(_("at least one author"))
        if self.picture_id and not self.image_alt.strip():
            missing.append(_("alternative text for the image"))
        return missing

    # --- the workflow: see articles/workflow.py for how these are called ----------------
    @transition(
        field=status,
        source=Status.DRAFT,
        target=Status.REVIEW,
        permission=lambda article, user: rules.can_edit(user, article),
    )
    def submit(self, when=None):
        pass

    @transition(
        field=status,
        source=Status.REVIEW,
        target=Status.DRAFT,
        permission=lambda article, user: rules.is_author(user, article),
    )
    def withdraw(self, when=None):
        pass

    @transition(
        field=status,
        source=Status.REVIEW,
        target=Status.DRAFT,
        permission=lambda article, user: rules.is_editor(user),
    )
    def send_back(self, when=None):
        pass

    @transition(
        field=status,
        source=[Status.DRAFT, Status.REVIEW, Status.UNPUBLISHED],
        target=Status.PUBLISHED,
        permission=lambda article, user: rules.is_editor(user),
    )
    def publish(self, when=None):
        now = timezone.now()
        # A story coming back after being unpublished keeps its original date.
        if not (self.first_published_at and self.published_at and self.published_at <= now):
            self.published_at = now
        self.first_published_at = self.first_published_at or self.published_at

    @transition(
        field=status,
        source=[Status.DRAFT, Status.REVIEW, Status.UNPUBLISHED],
        target=Status.PUBLISHED,
        permission=lambda article, user: rules.is_editor(user),
    )
    def schedule(self, when=None):
        self.published_at = when
        self.first_published_at = self.first_published_at or when

    @transition(
        field=status,
        source=Status.PUBLISHED,
        target=Status.REVIEW,
        conditions=[lambda article: article.is_scheduled],
    )
    def recall(self, when=None):
        # Not approved any more: no time, and nothing will go live until an editor says so.
        self.published_at = None
        if self.first_published_at and self.first_published_at > timezone.now():
            self.first_published_at = None

    @transition(
        field=status,
        source=Status.PUBLISHED,
        target=Status.UNPUBLISHED,
        permission=lambda article, user: rules.is_editor(user),
    )
    def unpublish(self, when=None):
        pass

    @transition(
        field=status,
        source=Status.UNPUBLISHED,
        target=Status.DRAFT,
        permission=lambda article, user: rules.is_editor(user),
    )
    def reopen(self, when=None):
        pass
