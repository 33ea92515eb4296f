from django.conf import settings
from django.db import models, transaction
from django.db.models.deletion import ProtectedError
from django.utils.translation import gettext_lazy as _

from articles.models import Article, Byline
from authors import rules
from newsroom.images import renditions
from newsroom.links import slug_url
from newsroom.slugs import unique_slug


class AuthorQuerySet(models.QuerySet):
    def with_published_articles(self):
        """Authors readers may discover: those with at least one published article."""
        published = Byline.objects.filter(
            author=models.OuterRef("pk"), article__in=Article.objects.published()
        )
        return self.filter(models.Exists(published))

    def delete(self):
        # Checked before the deletion starts, so the refusal leaves every transaction usable.
        for author in self:
            author.refuse_deletion_if_published()
        return super().delete()


class Author(models.Model):
    """A public byline: the person readers see, optionally tied to a login account."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="author_profile",
        verbose_name=_("login account"),
        help_text=_("The account this author uses to sign in, if any."),
    )
    display_name = models.CharField(_("display name"), max_length=120)
    slug = models.SlugField(
        _("slug"),
        max_length=80,
        unique=True,
        blank=True,
        help_text=_("Used in the author page's address. Made from the name when left empty."),
    )
    job_title = models.CharField(_("job title"), max_length=120, blank=True)
    photo = models.ForeignKey(
        "articles.Picture",
        on_delete=models.PROTECT,  # a picture in use is not deleted from the library
        null=True,
        blank=True,
        related_name="portrait_of",
        verbose_name=_("photo"),
        help_text=_("Search the library, or upload a new photo below."),
    )
    bio = models.TextField(
        _("short bio"),
        max_length=1000,
        blank=True,
        help_text=_("A few sentences shown under the author's articles."),
    )
    website = models.URLField(_("website"), blank=True)
    x_url = models.URLField(_("X profile"), blank=True)
    facebook_url = models.URLField(_("Facebook profile"), blank=True)
    linkedin_url = models.URLField(_("LinkedIn profile"), blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = AuthorQuerySet.as_manager()

    class Meta:
        ordering = ["display_name"]
        verbose_name = _("author")
        verbose_name_plural = _("authors")

    def __str__(self):
        return self.display_name

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = unique_slug(self.display_name, Author, max_length=80, exclude_pk=self.pk)
        super().save(*args, **kwargs)
        if self.photo_id:
            transaction.on_commit(self.ask_for_portraits)

    def get_absolute_url(self):
        return slug_url("authors:detail", self.slug)

    def ask_for_portraits(self) -> None:
        """The photo's square crops, made by the task worker (at once in development)."""
        if self.photo_id:
            self.photo.ask_for_renditions(renditions.PORTRAIT_PLAN)

    def refresh_renditions(self):
        return self.photo.refresh_portraits() if self.photo_id else None

    @property
    def photos(self) -> dict | None:
        """Square crops of the photo, made now if missing; None means: no photo to show."""
        return self.photo.portraits if self.photo_id else None

    def delete(self, *args, **kwargs):
        self.refuse_deletion_if_published()
        return super().delete(*args, **kwargs)

    def save_by(self, user):
        """Save on behalf of `user`, refusing what they may not change."""
        original = Author.objects.get(pk=self.pk) if self.pk else None
        rules.check_save(user, original, self)
        self.save()

    @classmethod
    def for_user(cls, user) -> "Author":
        """The user's profile, created from their name the first time they write."""
        author = cls.objects.filter(user=user).first()
        if author is None:
            author = cls.objects.create(
                user=user, display_name=user.get_full_name() or user.get_username()
            )
        return author

    def has_public_articles(self) -> bool:
        """Published or scheduled work: deleting the author would orphan it."""
        return Article.objects.filter(authors=self, status=Article.Status.PUBLISHED).exists()

    def refuse_deletion_if_published(self) -> None:
        """Called before every delete, single or bulk."""
        if self.pk and self.has_public_articles():
            raise ProtectedError(
                _("%(author)s has published articles and cannot be deleted.") % {"author": self},
                {self},
            )
