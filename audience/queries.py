"""The most read articles of the last 24 hours, site-wide and per section."""

from django.conf import settings
from django.core.cache import cache

from articles.models import Article
from audience import counting

LENGTH = 5
LIST_SECONDS = 60  # the list is worked out at most once a minute
# Beyond the list's length: some of the most read may have been taken down since.
CANDIDATES = 20
# What the list shows: the headline, its link, its language and its section.
FIELDS = (
    "slug",
    "headline",
    "language",
    "status",
    "published_at",
    "section__name",
    "section__slug",
)


def most_read(section=None, shared=None) -> list[Article]:
    """The most read published articles, site-wide or in `section`, most read first. Kept a
    minute under the shared version (articles/freshness.py), which a takedown bumps: an
    article taken down leaves the list at once."""
    key = f"most-read:{settings.RELEASE}:{section.pk if section else 'all'}:{shared}"
    found = cache.get(key)
    if found is None:
        found = _most_read(section)
        cache.set(key, found, LIST_SECONDS)
    return found


def _most_read(section) -> list[Article]:
    reads = counting.counts(section and section.pk, CANDIDATES)
    if not reads:
        return []
    articles = Article.objects.published().filter(pk__in=list(reads))
    if section is not None:
        articles = articles.filter(section=section)  # it may have moved since its reads
    articles = articles.select_related("section").only(*FIELDS)
    ranked = sorted(articles, key=lambda a: (-reads[a.pk], -a.published_at.timestamp()))
    return ranked[:LENGTH]
