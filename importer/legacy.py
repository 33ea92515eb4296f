"""Old WordPress addresses: the keys a post leaves behind, and where a key leads now."""

import logging
import re
from dataclasses import dataclass
from urllib.parse import unquote, urlsplit

from django.db import DatabaseError
from django.db.models import F, Q
from django.urls import Resolver404, resolve, reverse
from django.utils import timezone

from articles import freshness
from articles.models import Article
from importer.addresses import ADDRESS_MAX_LENGTH, path_key, post_id_key
from importer.models import LegacyAddress

logger = logging.getLogger(__name__)

_WORDPRESS_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2}) ")
# A page's feed, by the page's URL name; "{kind}" is rss or atom.
FEEDS = {
    "articles:home": "feeds:site-{kind}",
    "articles:section": "feeds:section-{kind}",
    "articles:tag": "feeds:tag-{kind}",
    "authors:detail": "feeds:author-{kind}",
}
LISTINGS = {"articles:section", "articles:tag", "authors:detail", "articles:search"}


def addresses_for(post, base_path: str) -> set[str]:
    """Every address WordPress answered for this post: ?p=ID, the date-based forms (with
    the day and with the month only), /slug/, and the permalink in the export itself."""
    keys = {post_id_key(post.post_id)}
    slug = unquote(post.post_name).strip("/")
    if slug:
        keys.add(path_key(f"{base_path}/{slug}/"))
        # WordPress builds these from the local date, not the GMT one.
        date = _WORDPRESS_DATE.match(post.post_date or "")
        if date and date.group(1) != "0000":
            year, month, day = date.groups()
            keys.add(path_key(f"{base_path}/{year}/{month}/{day}/{slug}/"))
            keys.add(path_key(f"{base_path}/{year}/{month}/{slug}/"))
    link = urlsplit(post.link or "")
    if link.path.strip("/") and not link.query:
        keys.add(path_key(unquote(link.path)))
    return {key for key in keys if len(key) <= ADDRESS_MAX_LENGTH}


@dataclass(frozen=True)
class Destination:
    pk: int | None  # the LegacyAddress row, to count its use; None for the site's own forms
    url: str


def destinations(keys) -> dict[str, Destination]:
    """{old address: where it leads} for the keys that lead where readers may go now.

    One query on the unique key index; an article not published now leads nowhere (404).
    """
    rows = (
        LegacyAddress.objects.filter(key__in=list(keys))
        .filter(Q(article__isnull=True) | Q(article__in=Article.objects.published()))
        .values_list("pk", "key", "article__slug", "target")
    )
    return {
        key: Destination(pk, reverse("articles:detail", kwargs={"slug": slug}) if slug else target)
        for pk, key, slug, target in rows
    }


def count_use(pk: int) -> None:
    """One more use of the address: a reader's redirect never fails for its count."""
    try:
        LegacyAddress.objects.filter(pk=pk).update(uses=F("uses") + 1, last_used_at=timezone.now())
    except DatabaseError:
        logger.warning("The use of old address %s could not be counted.", pk)


def feed_of(url: str, kind: str) -> str | None:
    """The feed of the page at `url` (a section's, a tag's, an author's, the site's)."""
    match = _resolved(url)
    name = FEEDS.get(match.view_name) if match else None
    return reverse(name.format(kind=kind), kwargs=match.kwargs) if name else None


def page_of(url: str, number: int) -> str:
    """Page `number` of the listing at `url`; any other page is its own only page."""
    match = _resolved(url)
    if number <= 1 or match is None or match.view_name not in LISTINGS:
        return url
    path = urlsplit(url).path
    return f"{path}?page={number}"


def forget_cached_answers() -> None:
    """Once an editor's change commits, cached redirects and 404s are answered afresh."""
    freshness.bump_after_commit(paths=())


def _resolved(url: str):
    try:
        return resolve(urlsplit(url).path)
    except Resolver404:
        return None
