"""Keeping derived data current when related things change: the search fields."""

from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import receiver
from taggit.models import TaggedItem

from articles import search
from articles.models import Article, Byline
from authors.models import Author


@receiver(m2m_changed, sender=TaggedItem)
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
