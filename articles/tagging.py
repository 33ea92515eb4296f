"""An article's tags set from the names typed on the desk, in queries that do not grow with
their number (taggit's own `set()` reads each name apart, then writes each tagging apart)."""

from functools import reduce
from operator import or_

from django.db import router
from django.db.models import Q
from django.db.models.signals import m2m_changed
from taggit.models import Tag

from articles.models import Tagging


def set_tags(article, names) -> None:
    """The article's tags become `names`, each matched to a tag of that name whatever its
    case (TAGGIT_CASE_INSENSITIVE) or created; its other taggings go. The same signals as
    taggit's, only when something changed."""
    wanted = list(dict.fromkeys(tag.pk for tag in tags_named(names)))
    current = set(Tagging.objects.filter(content_object=article).values_list("tag_id", flat=True))
    gone = current.difference(wanted)
    added = [pk for pk in wanted if pk not in current]
    if gone:
        _signal(article, "pre_remove", gone)
        Tagging.objects.filter(content_object=article, tag_id__in=gone).delete()
        _signal(article, "post_remove", gone)
    if added:
        _signal(article, "pre_add", set(added))
        Tagging.objects.bulk_create(Tagging(content_object=article, tag_id=pk) for pk in added)
        _signal(article, "post_add", set(added))
    if gone or added:  # `article.tags` read before would be stale
        getattr(article, "_prefetched_objects_cache", {}).pop("tags", None)


def tags_named(names) -> list[Tag]:
    """A tag for each name, in their order: the existing ones in one query, compared as
    taggit does (`iexact`), new ones created (as taggit does, safe against a race)."""
    names = [name for name in names if name]
    if not names:
        return []
    found = Tag.objects.filter(reduce(or_, (Q(name__iexact=name) for name in names)))
    by_name = {}
    for tag in found.order_by("pk"):  # the oldest of two spellings, as taggit chooses
        by_name.setdefault(tag.name.upper(), tag)
    tags = []
    for name in names:
        tag = by_name.get(name.upper())
        if tag is None:
            tag, _ = Tag.objects.get_or_create(name__iexact=name, defaults={"name": name})
            by_name[name.upper()] = tag
        tags.append(tag)
    return tags


def _signal(article, action: str, pk_set: set) -> None:
    m2m_changed.send(
        sender=Tagging,
        action=action,
        instance=article,
        reverse=False,
        model=Tag,
        pk_set=pk_set,
        using=router.db_for_write(Tagging, instance=article),
    )
