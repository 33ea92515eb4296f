"""A chunk of prepared posts written at once: its articles, then what hangs off them
(bylines, tags, workflow step, import record, old addresses, body pictures), each kind in
one insert, then the revisions and search fields of articles/changes.py. The number of
queries does not grow with the chunk's size (SQLite alone splits an insert of more than
999 values)."""

from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from articles import body_pictures, changes, search
from articles.models import Article, BodyPicture, Byline, Picture, Status, Tagging, Transition
from importer.models import ImportedPost, LegacyAddress
from importer.slugs import chunk_slugs
from newsroom import bulk_copy

GUID_MAX = 500


@dataclass
class Prepared:
    """A post made into an unsaved article, and what its rows need."""

    post_id: int
    title: str  # for the notes
    article: Article
    wanted_slug: str  # WordPress's, made readable; "" to make one of the headline
    author: object | None
    tags: list
    transition_comment: str
    guid: str
    addresses: set[str] = field(default_factory=set)
    notes_end: int = 0  # where the run's notes stood after this post's own


def write(chunk: list[Prepared], site: str, note, refresh_vectors) -> list[int]:
    """Store the chunk; returns the new articles' ids. `note(prepared, text)` reports a post's
    problem (an old address that already leads elsewhere); `refresh_vectors(ids)` has their
    search vectors made (importer/indexing.py)."""
    if not chunk:
        return []
    articles = [prepared.article for prepared in chunk]
    slugs = chunk_slugs([(prepared.wanted_slug, prepared.article.headline) for prepared in chunk])
    pictures = Picture.objects.in_bulk(_pictures_named(articles))
    shown = []
    for prepared, slug in zip(chunk, slugs, strict=True):
        article = prepared.article
        article.slug = slug
        authors = [prepared.author.display_name] if prepared.author else []
        for name, value in search.names_fields([t.name for t in prepared.tags], authors).items():
            setattr(article, name, value)
        if article.picture_id in pictures:  # read with the others, not one query each
            article.picture = pictures[article.picture_id]
        shown.append(article.prepare(pictures))
    bulk_copy.create(Article, articles)  # their text is most of the import's bytes
    Byline.objects.bulk_create(
        Byline(article=p.article, author=p.author, position=0) for p in chunk if p.author
    )
    Tagging.objects.bulk_create(
        Tagging(tag=tag, content_object=p.article) for p in chunk for tag in p.tags
    )
    Transition.objects.bulk_create(_transition(p) for p in chunk)
    ImportedPost.objects.bulk_create(
        ImportedPost(site=site, wordpress_id=p.post_id, guid=p.guid[:GUID_MAX], article=p.article)
        for p in chunk
    )
    LegacyAddress.objects.bulk_create(_addresses(chunk, note))
    BodyPicture.objects.bulk_create(
        BodyPicture(article=article, picture_id=pk)
        for article, found in zip(articles, shown, strict=True)
        for pk in found
    )
    ids = [article.pk for article in articles]
    changes.articles_created(ids, refresh_vectors=refresh_vectors)
    return ids


def _pictures_named(articles) -> set[int]:
    """Every library picture the chunk's articles show: featured, or named in a body."""
    named = {article.picture_id for article in articles if article.picture_id is not None}
    for article in articles:
        named.update(body_pictures.picture_ids(article.body))
    return named


def _transition(prepared) -> Transition:
    article = prepared.article
    return Transition(
        article=article,
        user=None,
        name="import",
        source="import",
        target=article.status,
        comment=prepared.transition_comment,
        publish_at=article.published_at if article.status == Status.PUBLISHED else None,
    )


def _addresses(chunk, note) -> list[LegacyAddress]:
    """The old addresses of the chunk's posts, each kept by the first post that claims it."""
    wanted = {key for prepared in chunk for key in prepared.addresses}
    taken = set(LegacyAddress.objects.filter(key__in=wanted).values_list("key", flat=True))
    rows = []
    for prepared in chunk:
        for key in sorted(prepared.addresses):
            if key in taken:
                note(prepared, _("old address %(key)s already leads elsewhere") % {"key": key})
            else:
                taken.add(key)
                rows.append(LegacyAddress(key=key, article=prepared.article))
    return rows
