from django.db.models import Exists, OuterRef
from django.http import Http404, HttpResponsePermanentRedirect
from django.urls import reverse
from taggit.models import Tag

from articles.html.parts import looked_up
from articles.models import Article, Tagging, TagRedirect
from articles.models.published import published, published_params


def public_tags():
    """Tags carried by at least one published article: the only ones readers may discover.

    An EXISTS stops at the first published article; a join with DISTINCT read all 20,000
    articles of a popular tag (60 ms) to answer the same question.
    """
    published = Tagging.objects.filter(
        tag=OuterRef("pk"), content_object__in=Article.objects.published().values("pk")
    )
    return Tag.objects.filter(Exists(published))


PUBLIC_TAG = f"""
SELECT t.id, t.name, t.slug FROM taggit_tag t
WHERE t.slug = %s AND EXISTS (
  SELECT 1 FROM articles_tagging g JOIN articles_article a ON a.id = g.content_object_id
  WHERE g.tag_id = t.id AND {published("a")})
"""


def public_tag(slug: str, request=None):
    """public_tags().filter(slug=slug).first() as one fixed statement: the tag page and feed
    ask it on every request, and through the ORM it cost 1 ms of CPU against 0.2 ms
    (newsroom/sql.py). With a page's request, it is read with the menu (parts.sections_with).
    """
    found = looked_up(request, PUBLIC_TAG, [slug, *published_params()])
    return Tag(pk=found[0], name=found[1], slug=found[2]) if found else None


class TagMoved(Exception):
    """The address is a merged tag's: its pages are at `slug`'s."""

    def __init__(self, slug: str):
        super().__init__(slug)
        self.slug = slug


def public_tag_or_moved(slug: str, request=None):
    """public_tag(), or TagMoved for a merged tag's address (looked up only then), or Http404."""
    tag = public_tag(slug, request)
    if tag is not None:
        return tag
    moved = TagRedirect.objects.filter(old_slug=slug).values_list("tag__slug", flat=True)
    for into in moved:
        raise TagMoved(into)
    raise Http404


def moved_tag(request, url_name: str, moved: TagMoved) -> HttpResponsePermanentRedirect:
    """The same page of the tag it was merged into, with the same query (its page number)."""
    url = reverse(url_name, kwargs={"slug": moved.slug})
    query = request.GET.urlencode()
    return HttpResponsePermanentRedirect(f"{url}?{query}" if query else url)
