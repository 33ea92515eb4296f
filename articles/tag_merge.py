"""Merging tags: the duplicates a newsroom's tagging makes ("Côte d'Ivoire", "Cote-d-Ivoire")
become one, the most used, on every article that carried any of them."""

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Count
from taggit.models import Tag

from articles import search
from articles.changes import touch
from articles.models import Tagging, TagRedirect
from articles.signals import tags_merged

PERMISSIONS = ("taggit.change_tag", "taggit.delete_tag")


def merge_tags(tags, user):
    """Merge `tags` (a queryset of at least two) into the one most used, which is returned;
    the others are deleted, and their addresses redirect to it. Their articles' search
    fields and cached parts follow."""
    if not user.has_perms(PERMISSIONS):
        raise PermissionDenied("merging tags needs the rights to change and delete them")
    with transaction.atomic():
        chosen = list(tags.values_list("pk", flat=True))
        # No article tagged with them meanwhile.
        locked = list(Tag.objects.filter(pk__in=chosen).select_for_update())
        uses = dict(
            Tagging.objects.filter(tag__in=locked)
            .values("tag")
            .annotate(uses=Count("pk"))
            .values_list("tag", "uses")
        )
        ranked = sorted(locked, key=lambda tag: (-uses.get(tag.pk, 0), tag.pk))
        if len(ranked) < 2:
            raise ValueError("merging needs at least two tags")
        kept, merged = ranked[0], ranked[1:]
        merged_taggings = Tagging.objects.filter(tag__in=merged)
        articles = set(merged_taggings.values_list("content_object_id", flat=True))
        already = set(
            Tagging.objects.filter(tag=kept, content_object_id__in=articles).values_list(
                "content_object_id", flat=True
            )
        )
        merged_taggings.delete()
        Tagging.objects.bulk_create(
            Tagging(tag=kept, content_object_id=pk) for pk in sorted(articles - already)
        )
        # Their addresses, and those of tags merged into them before, lead to the kept one;
        # never its own address, which would lead to itself.
        TagRedirect.objects.filter(tag__in=merged).update(tag=kept)
        for tag in merged:
            TagRedirect.objects.update_or_create(old_slug=tag.slug, defaults={"tag": kept})
        TagRedirect.objects.filter(old_slug=kept.slug).delete()
        # Their deletion empties the page cache (articles/signals.py).
        for tag in merged:
            tag.delete()
        search.reindex(articles)
        touch(articles)
        tags_merged.send(merge_tags, kept=kept, merged=[tag.name for tag in merged], user=user)
    return kept
