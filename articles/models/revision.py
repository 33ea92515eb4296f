from collections import defaultdict
from datetime import datetime

from django.conf import settings
from django.db import IntegrityError, models, transaction
from django.db.models import OuterRef, Subquery
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from articles.models.article import Article, Byline, Status
from articles.models.tagging import Tagging
from newsroom import bulk_copy

# What a revision keeps of an article, in the order the comparison shows it.
SNAPSHOT_FIELDS = [
    ("headline", _("headline")),
    ("slug", _("slug")),
    ("standfirst", _("standfirst")),
    ("body", _("body")),
    ("section", _("section")),
    ("authors", _("authors")),
    ("tags", _("tags")),
    ("language", _("language")),
    ("picture", _("featured picture")),
    ("image_alt", _("alternative text")),
    ("image_caption", _("caption")),
    ("image_credit", _("credit")),
    ("status", _("state")),
    ("published_at", _("publication time")),
    ("is_lead", _("lead story")),
    ("seo_title", _("search engine title")),
    ("meta_description", _("search engine description")),
    ("social_title", _("social media title")),
    ("social_description", _("social media description")),
    ("canonical_url", _("original address")),
]


# What an autosave keeps: the text being typed.
AUTOSAVE_FIELDS = ("headline", "standfirst", "body")


class NumberedRevisions(models.Manager):
    """The article's history, one numbered revision per save: nobody's autosave."""

    def get_queryset(self):
        return super().get_queryset().filter(is_autosave=False)


class Autosaves(models.Manager):
    """Text kept while someone typed, one per person and article, never part of the history."""

    def get_queryset(self):
        return super().get_queryset().filter(is_autosave=True)


class Revision(models.Model):
    """Every field of an article as it was after one save, tags and bylines included; or,
    marked as an autosave and unnumbered, the text someone was typing before they saved."""

    article = models.ForeignKey(
        "articles.Article", on_delete=models.CASCADE, related_name="revisions"
    )
    number = models.PositiveIntegerField(_("revision"), null=True, blank=True)
    is_autosave = models.BooleanField(
        _("autosave"),
        default=False,
        help_text=_("Text kept while someone typed, before they saved: not in the history."),
    )
    version = models.PositiveIntegerField(_("article version"), default=0)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("by"),
    )
    created_at = models.DateTimeField(_("when"), default=timezone.now)
    data = models.JSONField(_("content"))
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("approved by"),
    )
    approved_at = models.DateTimeField(_("approved"), null=True, blank=True)

    # The default manager, and so `article.revisions`, is the numbered history alone.
    objects = NumberedRevisions()
    autosaves = Autosaves()

    class Meta:
        ordering = ["-number"]
        verbose_name = _("revision")
        verbose_name_plural = _("revisions")
        constraints = [
            models.UniqueConstraint(fields=["article", "number"], name="one_revision_number"),
            models.CheckConstraint(
                condition=models.Q(is_autosave=True, number__isnull=True)
                | models.Q(is_autosave=False, number__isnull=False),
                name="autosave_has_no_number",
            ),
            models.UniqueConstraint(
                fields=["article", "user"],
                condition=models.Q(is_autosave=True),
                name="one_autosave_per_person",
            ),
        ]

    def __str__(self):
        if self.is_autosave:
            return f"{self.article_id} autosave"
        return f"{self.article_id} #{self.number}"

    @property
    def state_label(self):
        """The article's state when this revision was saved, as editors read it."""
        return Status.label_of(self.data.get("status"))

    @classmethod
    def snapshot(cls, article) -> dict:
        """The article's current content as plain values, read fresh from the database."""
        return cls._content(
            article,
            authors=[b.author.display_name for b in article.bylines.select_related("author")],
            author_ids=list(article.bylines.values_list("author_id", flat=True)),
            tags=list(article.tags.names()),
        )

    @staticmethod
    def _content(article, authors, author_ids, tags) -> dict:
        """What a revision keeps of the article, given its byline and tags as read."""
        return {
            "headline": article.headline,
            "slug": article.slug,
            "standfirst": article.standfirst,
            "body": article.body,
            "section": article.section.name if article.section_id else "",
            "section_id": article.section_id,
            "authors": authors,
            "author_ids": author_ids,
            "tags": sorted(tags, key=str.casefold),
            "language": article.language,
            "picture": article.picture.title if article.picture_id else "",
            "picture_id": article.picture_id,
            "image_alt": article.image_alt,
            "image_caption": article.image_caption,
            "image_credit": article.image_credit,
            "status": article.status,
            "published_at": article.published_at.isoformat() if article.published_at else None,
            "is_lead": article.is_lead,
            "seo_title": article.seo_title,
            "meta_description": article.meta_description,
            "social_title": article.social_title,
            "social_description": article.social_description,
            "canonical_url": article.canonical_url,
        }

    @classmethod
    def record(cls, article, user=None, approved=False) -> "Revision | None":
        """A new revision when the content differs from the last one (or when approving)."""
        data = cls.snapshot(article)
        last = cls.objects.filter(article=article).order_by("-number").first()
        if last is not None and last.data == data and not approved:
            return None
        revision = cls.objects.create(
            article=article,
            number=(last.number + 1) if last else 1,
            version=article.version,
            user=user,
            data=data,
            approved_by=user if approved else None,
            approved_at=timezone.now() if approved else None,
        )
        return revision

    @classmethod
    def record_many(cls, article_ids, user=None) -> list["Revision"]:
        """record() for many articles (an import's), in five queries whatever their number:
        each gets a new revision when its content differs from its last one."""
        ids = list(article_ids)
        # All a snapshot reads, without the large fields it does not.
        articles = (
            Article.objects.filter(pk__in=ids)
            .select_related("section", "picture")
            .defer("body_text", "search_tags", "search_authors", "search_vector", "rank_vector")
        )
        bylines = defaultdict(list)
        signed = Byline.objects.filter(article_id__in=ids).order_by("position", "pk")
        for article_id, author_id, name in signed.values_list(
            "article_id", "author_id", "author__display_name"
        ):
            bylines[article_id].append((author_id, name))
        tags = defaultdict(list)
        tagged = Tagging.objects.filter(content_object_id__in=ids)
        for article_id, name in tagged.values_list("content_object_id", "tag__name"):
            tags[article_id].append(name)
        newest = cls.objects.filter(article=OuterRef("article")).order_by("-number")
        last = {
            revision.article_id: revision
            for revision in cls.objects.filter(
                article_id__in=ids, number=Subquery(newest.values("number")[:1])
            )
        }
        made = []
        for article in articles.order_by("pk"):
            signers = bylines[article.pk]
            data = cls._content(
                article,
                authors=[name for _id, name in signers],
                author_ids=[author_id for author_id, _name in signers],
                tags=tags[article.pk],
            )
            previous = last.get(article.pk)
            if previous is not None and previous.data == data:
                continue
            made.append(
                cls(
                    article=article,
                    number=(previous.number + 1) if previous else 1,
                    version=article.version,
                    user=user,
                    data=data,
                )
            )
        return bulk_copy.create(cls, made)  # each a whole copy of its article's text

    @classmethod
    def keep_autosave(cls, article, user, text: dict, unless_after) -> "datetime | None":
        """Keep `text` as this person's autosave of the article, in place of their previous
        one; when they kept one after `unless_after`, nothing changes and None is returned."""
        now = timezone.now()
        fields = {"data": text, "version": article.version, "created_at": now}
        kept = cls.autosaves.filter(article=article, user=user, created_at__lte=unless_after)
        if kept.update(**fields):
            return now
        try:
            with transaction.atomic():  # their recent one, if any, makes this one a duplicate
                cls.autosaves.create(article=article, user=user, is_autosave=True, **fields)
        except IntegrityError:
            return None
        return now
