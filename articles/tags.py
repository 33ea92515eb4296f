from django.http import Http404, HttpResponsePermanentRedirect
from django.urls import reverse

from articles import queries
from articles.models import TagRedirect


class TagMoved(Exception):
    """The address is a merged tag's: its pages are at `slug`'s."""

    def __init__(self, slug: str):
        super().__init__(slug)
        self.slug = slug


def public_tag_or_moved(slug: str):
    """The public tag at this address, or TagMoved for a merged tag's address, or Http404."""
    tag = queries.public_tag(slug)
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
