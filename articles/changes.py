"""What follows a change to an article or to what its pages show, in one place.

Whoever saves (the workflow, the admin, a command), Django's signals bring the change here;
whoever creates articles in bulk (the importer) calls articles_created() and
many_articles_shown(). An article's save keeps a revision once its tags and bylines are
saved too, and refreshes its search fields. A change to its bylines, tags, section, authors
or picture bumps its generation, so its cached parts and card are rendered again
(articles/fragments.py).

A change readers can see bumps, once per transaction (articles/freshness.py), the content
version and the own numbers of the pages built from the article: its page, its section's,
its tags' and its authors', in every language. Taking an article down, and changing what
every page may show (a section, an author, a tag, the breaking-news banner), bumps
everything. The featured stories show only on the home page: kept under the content version.
"""

from django.conf import settings
from django.db import transaction
from django.db.models import F
from django.db.models.functions import Now
from django.db.models.signals import m2m_changed, post_delete, post_save, pre_delete
from django.dispatch import receiver
from django.urls import reverse
from django.utils import timezone, translation
from taggit.models import Tag

from articles import freshness, search
from articles.models import (
    Article,
    ArticleNote,
    BreakingNews,
    Byline,
    FeaturedStory,
    Picture,
    Revision,
    Section,
    Status,
    Tagging,
)
from authors.models import Author


def touch(article_ids) -> None:
    """What these articles' pages show has changed: their cached parts no longer match."""
    # changed_at too: the content API's changes since a time list what readers see change.
    found = Article.objects.filter(pk__in=article_ids)
    found.update(generation=F("generation") + 1, changed_at=Now())


def _is_or_was_public(article) -> bool:
    return Status.PUBLISHED in (article.status, getattr(article, "_stored_status", None))


def _taken_down(article) -> bool:
    """It was published and is no longer (or not yet again): no page may show it now."""
    if getattr(article, "_stored_status", None) != Status.PUBLISHED:
        return False
    if article.status != Status.PUBLISHED or article.published_at is None:
        return True
    return article.published_at > timezone.now()


def pages_of(article_id, section_ids=(), tag_ids=(), authors=()) -> list[str]:
    """The addresses, in every language, of the pages built from this article: its own, its
    section's, its tags' and its authors' (and those of the sections, tags and authors
    given, which it may have just left)."""
    article = Article.objects.filter(pk=article_id).values("slug", "section_id").first()
    if article is None:
        return []
    sections = Section.objects.filter(pk__in={article["section_id"], *section_ids})
    tags = Tag.objects.filter(pk__in=tag_ids) | Tag.objects.filter(
        articles_tagging_items__content_object_id=article_id
    )
    signers = Author.objects.filter(bylines__article_id=article_id) | Author.objects.filter(
        pk__in=[author.pk for author in authors]
    )
    slugs = {
        "articles:detail": [article["slug"]],
        "articles:section": list(sections.values_list("slug", flat=True)),
        "articles:tag": list(tags.values_list("slug", flat=True).distinct()),
        "authors:detail": list(signers.values_list("slug", flat=True).distinct()),
    }
    return in_every_language(slugs)


def in_every_language(slugs: dict[str, list[str]]) -> list[str]:
    """The addresses of these pages (by URL name, their slugs) in every language."""
    paths = []
    for language, _name in settings.LANGUAGES:
        with translation.override(language):
            for name, names in slugs.items():
                paths += [reverse(name, kwargs={"slug": slug}) for slug in names]
    return paths


def articles_created(article_ids, user=None, refresh_vectors=search.refresh_vectors) -> None:
    """What follows articles created in bulk (an import's: bulk_create sends no signal),
    once their tags and bylines are stored too: each one's revision and search vectors, in
    a few queries whatever their number (the vectors by `refresh_vectors(ids)`: an import
    has them made beside its next chunk). Their tags' and authors' search fields are given
    at their insert (search.names_fields); the pages that may show them are for
    many_articles_shown(), once for the lot."""
    ids = list(article_ids)
    Revision.record_many(ids, user=user)
    refresh_vectors(ids)
    leads = Article.objects.filter(pk__in=ids, is_lead=True).order_by("-published_at", "-pk")
    lead = leads.values_list("pk", flat=True).first()
    if lead is not None:  # one lead story at a time, as a save keeps it
        Article.objects.filter(is_lead=True).exclude(pk=lead).update(is_lead=False)


def many_articles_shown() -> None:
    """Many articles came at once (an import): any page may show one of them, so every
    cached page is made stale, once, when the transaction commits."""
    freshness.bump_after_commit()


@receiver(post_save, sender=Article)
def article_saved(sender, instance, **kwargs):
    if not getattr(instance, "_revision_pending", False):
        # Once per transaction, when its tags and bylines have been saved too.
        instance._revision_pending = True
        transaction.on_commit(lambda: _record_revision(instance))
    search.reindex([instance.pk])
    if instance.is_lead:
        # One lead story at a time: choosing a new one retires the previous one.
        Article.objects.filter(is_lead=True).exclude(pk=instance.pk).update(is_lead=False)
    if _taken_down(instance):
        freshness.bump_after_commit()
    elif _is_or_was_public(instance):
        left = getattr(instance, "_stored_section_id", None)
        freshness.bump_after_commit(pages_of(instance.pk, section_ids=[left] if left else []))
    instance._stored_status = instance.status
    instance._stored_section_id = instance.section_id


def _record_revision(article) -> None:
    article._revision_pending = False
    fresh = Article.objects.filter(pk=article.pk).select_related("section", "picture").first()
    if fresh is not None:
        Revision.record(fresh, user=getattr(article, "_acting_user", None))


@receiver(post_delete, sender=Article)
def article_deleted(sender, instance, **kwargs):
    if _is_or_was_public(instance):
        freshness.bump_after_commit()


@receiver(m2m_changed, sender=Tagging)
def tags_changed(sender, instance, action, pk_set=None, **kwargs):
    if not isinstance(instance, Article) or action not in ("post_add", "post_remove", "post_clear"):
        return
    if action != "post_clear" and not pk_set:  # taggit's add() tells of nothing added too
        return
    search.reindex([instance.pk])
    touch([instance.pk])
    if instance.status != Status.PUBLISHED:
        return
    if action == "post_clear":  # which tags it had is gone
        freshness.bump_after_commit()
    else:
        freshness.bump_after_commit(pages_of(instance.pk, tag_ids=pk_set))


@receiver(post_save, sender=Byline)
@receiver(post_delete, sender=Byline)
def byline_changed(sender, instance, **kwargs):
    article = Article.objects.filter(pk=instance.article_id).values("status").first()
    if article is None:  # deleted with its article
        return
    search.reindex([instance.article_id])
    touch([instance.article_id])
    if article["status"] == Status.PUBLISHED:
        freshness.bump_after_commit(pages_of(instance.article_id, authors=[instance.author]))


@receiver(post_save, sender=ArticleNote)
@receiver(post_delete, sender=ArticleNote)
def note_changed(sender, instance, created=False, **kwargs):
    """Its log is part of the article's page: the page, its parts and the log's page are
    rendered again; a new entry also dates the article's last change."""
    found = Article.objects.filter(pk=instance.article_id)
    if created:
        found.update(
            generation=F("generation") + 1, revised_at=instance.created_at, changed_at=Now()
        )
    else:
        found.update(generation=F("generation") + 1, changed_at=Now())
    if found.filter(status=Status.PUBLISHED).exists():
        freshness.bump_after_commit(pages_of(instance.article_id))


@receiver(post_save, sender=Author)
def author_saved(sender, instance, created, **kwargs):
    if not created:  # a new author shows nowhere until a published article is theirs
        signed = list(instance.bylines.values_list("article_id", flat=True))
        search.reindex(signed)
        touch(signed)
        freshness.bump_after_commit()


@receiver(post_save, sender=Picture)
def picture_saved(sender, instance, created, **kwargs):
    if created:  # a new picture shows nowhere until an article uses it
        return
    using = list(instance.articles.values_list("pk", flat=True))
    touch(using)  # a replaced file or a new focal point: their parts show other renditions
    if Article.objects.filter(pk__in=using, status=Status.PUBLISHED).exists():
        freshness.bump_after_commit()


@receiver(post_save, sender=Section)
def section_saved(sender, instance, created, **kwargs):
    if not created:
        touch(Article.objects.filter(section=instance).values("pk"))
    freshness.bump_after_commit()


@receiver(post_save, sender=Tag)
@receiver(pre_delete, sender=Tag)  # before its taggings go with it
def tag_changed(sender, instance, created=False, **kwargs):
    if not created:  # a new tag shows nowhere until a published article carries it
        touch(Tagging.objects.filter(tag=instance).values("content_object_id"))
        freshness.bump_after_commit()


@receiver(post_delete, sender=Author)
@receiver(post_delete, sender=Section)
def shown_everywhere_deleted(sender, **kwargs):
    freshness.bump_after_commit()


@receiver(post_save, sender=FeaturedStory)
@receiver(post_delete, sender=FeaturedStory)
def featured_changed(sender, **kwargs):
    freshness.bump_after_commit(paths=())  # the pages of many articles: the home page


@receiver(post_save, sender=BreakingNews)
@receiver(post_delete, sender=BreakingNews)
def banner_changed(sender, **kwargs):
    freshness.bump_after_commit()  # above every page
