"""Keeping derived data current when related things change: search fields, stored pages
(models/rendering.py), cached pages."""

from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save, pre_delete
from django.dispatch import receiver
from taggit.models import Tag

from articles import search
from articles.models import Article, Byline, Section, Tagging
from articles.models.rendering import touch
from authors.models import Author
from newsroom import page_cache


@receiver(m2m_changed, sender=Tagging)
def tags_changed(sender, instance, action, **kwargs):
    if isinstance(instance, Article) and action in ("post_add", "post_remove", "post_clear"):
        search.reindex([instance.pk])


@receiver(post_save, sender=Byline)
@receiver(post_delete, sender=Byline)
def byline_changed(sender, instance, **kwargs):
    if Article.objects.filter(pk=instance.article_id).exists():
        search.reindex([instance.article_id])


@receiver(post_save, sender=Author)
def author_renamed(sender, instance, created, **kwargs):
    if not created:
        search.reindex(instance.bylines.values_list("article_id", flat=True))


# --- the page cache: what readers see changed --------------------------------------------
def _pages_changed():
    transaction.on_commit(page_cache.bump)


@receiver(post_save, sender=Article)
@receiver(post_delete, sender=Article)
def article_changed(sender, instance, **kwargs):
    # A draft's edits show nowhere; a published or scheduled article's show (or will).
    if instance.status == Article.Status.PUBLISHED:
        _pages_changed()


@receiver(post_save, sender=Author)
@receiver(post_delete, sender=Author)
@receiver(post_save, sender=Section)
@receiver(post_delete, sender=Section)
@receiver(post_save, sender=Tag)
@receiver(post_delete, sender=Tag)
def shown_everywhere_changed(sender, **kwargs):
    _pages_changed()


@receiver(m2m_changed, sender=Tagging)
def published_tags_changed(sender, instance, action, **kwargs):
    if isinstance(instance, Article) and instance.status == Article.Status.PUBLISHED:
        _pages_changed()


@receiver(post_save, sender=Byline)
@receiver(post_delete, sender=Byline)
def published_byline_changed(sender, instance, **kwargs):
    if Article.objects.filter(pk=instance.article_id, status=Article.Status.PUBLISHED).exists():
        _pages_changed()


# --- stored article pages: what they show changed --------------------------------------
@receiver(post_save, sender=Byline)
@receiver(post_delete, sender=Byline)
def byline_shown(sender, instance, **kwargs):
    touch([instance.article_id])


@receiver(m2m_changed, sender=Tagging)
def tags_shown(sender, instance, action, **kwargs):
    if isinstance(instance, Article) and action in ("post_add", "post_remove", "post_clear"):
        touch([instance.pk])


@receiver(post_save, sender=Tag)
@receiver(pre_delete, sender=Tag)  # before its taggings go with it
def tag_shown(sender, instance, created=False, **kwargs):
    if not created:
        touch(Tagging.objects.filter(tag=instance).values("content_object_id"))


@receiver(post_save, sender=Author)
def author_shown(sender, instance, created, **kwargs):
    if not created:
        touch(Byline.objects.filter(author=instance).values("article_id"))


@receiver(post_save, sender=Section)
def section_shown(sender, instance, created, **kwargs):
    if not created:
        touch(Article.objects.filter(section=instance).values("pk"))
