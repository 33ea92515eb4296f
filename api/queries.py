"""What the content API reads: published content only, each query starting from
articles/queries.py's published()."""

from collections import defaultdict
from datetime import datetime

from django.db.models import F, Q
from django.db.models.functions import Greatest

from articles import body_pictures
from articles import queries as site
from articles.models import Article, ArticleNote, Picture, Section
from authors.models import Author

# The list's two orders: newest published first, or oldest change first (for syncing).
NEWEST = "newest"
CHANGED = "changed"
# When readers last saw it change: its last change, or its publication (a scheduled article
# changes for them when its time comes). Indexed (articles/models/article.py).
CHANGED_AT = Greatest(F("changed_at"), F("published_at"))


def articles(
    section: str | None = None,
    tag: str | None = None,
    author: str | None = None,
    updated_since: datetime | None = None,
):
    """Published articles, filtered; newest first, or by change when `updated_since`."""
    found = site.published().select_related("section", "picture")
    found = found.defer("body_text", *site.SEARCH_FIELDS)
    if section:
        found = found.filter(section__slug=section)
    if tag:
        found = found.filter(taggings__tag__slug=tag)
    if author:
        found = found.filter(bylines__author__slug=author)
    if updated_since is not None:
        found = found.annotate(changed=CHANGED_AT).filter(changed__gt=updated_since)
        return found.order_by("changed", "pk")
    return found.order_by("-published_at", "-pk")


def after(found, order: str, moment: datetime, pk: int):
    """The articles after the one a cursor names, in the list's order."""
    if order == CHANGED:
        return found.filter(Q(changed__gt=moment) | Q(changed=moment, pk__gt=pk))
    return found.filter(Q(published_at__lt=moment) | Q(published_at=moment, pk__lt=pk))


def article(pk: int) -> Article | None:
    found = next(iter(articles().filter(pk=pk).order_by()), None)
    return with_details([found])[0] if found is not None else None


def with_details(found: list[Article]) -> list[Article]:
    """The articles with their bylines' authors, tags, corrections and updates, and the
    library pictures their text shows: four queries whatever their number."""
    site.with_credits_and_tags(found)
    notes = defaultdict(list)
    for note in ArticleNote.objects.filter(article__in=found).order_by("-created_at", "-pk"):
        notes[note.article_id].append(note)
    wanted = {a.pk: body_pictures.picture_ids(a.body) for a in found}
    every = {pk for ids in wanted.values() for pk in ids}
    pictures = Picture.objects.in_bulk(every) if every else {}
    for a in found:
        a.notes = notes[a.pk]
        a.pictures_in_body = {pk: pictures[pk] for pk in wanted[a.pk] if pk in pictures}
    return found


def sections():
    return Section.objects.all()


def authors():
    """Authors with at least one published article, by id."""
    return Author.objects.with_published_articles().order_by("pk")


def tags():
    """Tags on at least one published article, by id."""
    return site.public_tags().order_by("pk")
