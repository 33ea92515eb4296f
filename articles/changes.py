"""What follows a change to an article or to what its pages show, in one place.

Whoever saves (the workflow, the admin, the importer, a command), Django's signals bring the
change here. An article's save keeps a revision once its tags and bylines are saved too, and
refreshes its search fields. A change to its bylines, tags, section or authors bumps its
generation, so its cached parts and card are rendered again (articles/fragments.py). A change
readers can see bumps the content version once per transaction (articles/freshness.py).
"""

from django.db import transaction
from django.db.models import F
from django.db.models.signals import m2m_changed, post_delete, post_save, pre_delete
from django.dispatch import receiver
from taggit.models import Tag

from articles import freshness, search
from articles.models import Article, Byline, Revision, Section, Status, Tagging
from authors.models import Author


def touch(article_ids) -> None:
    """What these articles' pages show has changed: their cached parts no longer match."""
    Article.objects.filter(pk__in=article_ids).update(generation=F("generation") + 1)


def _is_or_was_public(article) -> bool:
    return Status.PUBLISHED in (article.status, getattr(article, "_stored_status", None))


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
    if instance.featured_image and not instance.renditions_current():
        transaction.on_commit(instance.refresh_renditions)
    if _is_or_was_public(instance):
        freshness.bump_after_commit()
    instance._stored_status = instance.status


def _record_revision(article) -> None:
    article._revision_pending = False
    fresh = Article.objects.filter(pk=article.pk).select_related("section").first()
    if fresh is not None:
        Revision.record(fresh, user=getattr(article, "_acting_user", None))


@receiver(post_delete, sender=Article)
def article_deleted(sender, instance, **kwargs):
    if _is_or_was_public(instance):
        freshness.bump_after_commit()


@receiver(m2m_changed, sender=Tagging)
def tags_changed(sender, instance, action, **kwargs):
    if isinstance(instance, Article) and action in ("post_add", "post_remove", "post_clear"):
        search.reindex([instance.pk])
        touch([instance.pk])
        if instance.status == Status.PUBLISHED:
            freshness.bump_after_commit()


@receiver(post_save, sender=Byline)
@receiver(post_delete, sender=Byline)
def byline_changed(sender, instance, **kwargs):
    article = Article.objects.filter(pk=instance.article_id).values("status").first()
    if article is None:  # deleted with its article
        return
    search.reindex([instance.article_id])
    touch([instance.article_id])
    if article["status"] == Status.PUBLISHED:
        freshness.bump_after_commit()


@receiver(post_save, sender=Author)
def author_saved(sender, instance, created, **kwargs):
    if not created:  # a new author shows nowhere until a published article is theirs
        signed = list(instance.bylines.values_list("article_id", flat=True))
        search.reindex(signed)
        touch(signed)
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
