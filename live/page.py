"""What the article page and the poll show of a live story, rendered once per change.

The coverage and its entries are read in one query (a second only for coverage without
entries yet, a third for the library pictures the entries show) and rendered by the same
templates for the page and for the poll. The result is kept under the story's live version
(live/versions.py): every later reader, and every poller, gets it from the cache.
"""

from dataclasses import dataclass
from datetime import datetime
from typing import NamedTuple

from django.conf import settings
from django.core.cache import cache
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from articles import body_pictures
from articles.models import Picture
from articles.share import share_links
from articles.templating import embed_hosts, jsonld
from live import versions
from live.models import LiveCoverage, LiveEntry
from newsroom import data_saving
from newsroom.absolute import absolute
from newsroom.dates import machine_time

TIMEOUT = 24 * 3600  # seconds; a change is found under a new version at once
KEY_EVENT_LENGTH = 110  # a key event's line in the summary, and its JSON-LD headline
JSON_LD_UPDATES = 50  # the newest entries search engines are given


class ShownEntry(NamedTuple):
    id: int
    html: str
    revision: int  # its coverage's revision when it last changed


@dataclass(frozen=True)
class Shown:
    """A live story as readers see it at one version."""

    started_at: datetime
    ended_at: datetime | None
    closing_summary: str
    updated_at: datetime
    revision: int  # the coverage's
    key_events: str  # the summary's list of key events, rendered
    pinned: list[ShownEntry]  # newest first
    entries: list[ShownEntry]  # the others, newest first
    latest_id: int
    json_ld: str
    embed_hosts: list  # the sites whose players the entries' embed cards may frame

    @property
    def ended(self) -> bool:
        return self.ended_at is not None


@dataclass(frozen=True)
class Live:
    """What the article page needs: the story as shown, and where and how to poll."""

    shown: Shown
    version: int
    poll_url: str
    poll_seconds: int


def poll_url(article_id: int) -> str:
    return reverse("live:new-entries", args=[article_id]) + f"?langue={get_language()}"


def for_page(article) -> Live | None:
    """The live story of this published article, or None: nothing more is read for an
    article whose query found no coverage (articles.queries.LIVE)."""
    if getattr(article, "live_since", None) is None:
        return None
    version = versions.current(article.pk)
    if version is None:
        return None
    shown = shown_at(article, version)
    if shown is None:
        return None
    return Live(shown, version, poll_url(article.pk), settings.LIVE_POLL_SECONDS)


def shown_at(article, version: int) -> Shown | None:
    """The story at this version, kept or rendered now; None if it has no coverage."""
    lite = "lite" if data_saving.active() else "full"
    key = f"live:shown:{settings.RELEASE}:{get_language()}:{lite}:{article.pk}:{version}"
    shown = cache.get(key)
    if shown is None:
        shown, complete = render(article)
        if complete:  # not while a picture's renditions are still being made
            cache.set(key, shown, TIMEOUT)
    return shown


def read(article_id: int) -> tuple[LiveCoverage | None, list[LiveEntry]]:
    """The coverage and its entries, newest first, each with its author's byline."""
    entries = list(
        LiveEntry.objects.filter(coverage__article_id=article_id)
        .select_related("coverage", "author__author_profile")
        .order_by("-posted_at", "-pk")
    )
    if entries:
        return entries[0].coverage, entries
    return LiveCoverage.objects.filter(article_id=article_id).first(), []


def signed(entry) -> str:
    """The entry's author as readers know them: their byline's name."""
    user = entry.author
    if user is None:
        return ""
    profile = getattr(user, "author_profile", None)
    return profile.display_name if profile is not None else user.get_full_name()


def render(article) -> tuple[Shown | None, bool]:
    """The story as shown, and whether it is complete enough to keep."""
    coverage, entries = read(article.pk)
    if coverage is None or coverage.started_at is None:
        return None, True
    named = {pk for entry in entries for pk in body_pictures.picture_ids(entry.body)}
    pictures = Picture.objects.in_bulk(named) if named else {}
    url = absolute(article.get_absolute_url())
    started_on = timezone.localdate(coverage.started_at)
    rendered = {
        entry.pk: ShownEntry(
            entry.pk, render_entry(entry, pictures, url, started_on), entry.revision
        )
        for entry in entries
    }
    shown = Shown(
        started_at=coverage.started_at,
        ended_at=coverage.ended_at,
        closing_summary=coverage.closing_summary,
        updated_at=max(
            [coverage.ended_at or coverage.started_at, *(e.updated_at for e in entries)]
        ),
        revision=coverage.revision,
        key_events=render_key_events(entries),
        pinned=[rendered[e.pk] for e in entries if e.is_pinned],
        entries=[rendered[e.pk] for e in entries if not e.is_pinned],
        latest_id=max((e.pk for e in entries), default=0),
        json_ld=jsonld(live_blog(article, coverage, entries, url)),
        embed_hosts=embed_hosts("".join(shown.html for shown in rendered.values())),
    )
    return shown, all(picture.images for picture in pictures.values())


def line_of(entry) -> str:
    text = entry.title or entry.text
    if len(text) <= KEY_EVENT_LENGTH:
        return text
    return text[: KEY_EVENT_LENGTH - 1].rstrip() + "…"


def render_key_events(entries) -> str:
    """The summary's list: each key event's time and line, a link to it, newest first."""
    events = [(e.pk, line_of(e), e.posted_at) for e in entries if e.is_key_event]
    html = render_to_string("live/key_events.html", {"events": events}, using="jinja2")
    return mark_safe(html)


def render_entry(entry, pictures: dict, article_url: str, started_on) -> str:
    """One entry, as the page and the poll show it."""
    address = f"{article_url}#entry-{entry.pk}"
    same_day = timezone.localdate(entry.posted_at) == started_on
    context = {
        "entry": entry,
        "pictures": pictures,
        "byline": signed(entry),
        "address": address,
        "time_format": "TIME_FORMAT" if same_day else "DATETIME_FORMAT",
        "share": share_links(entry.shared_text, address),
    }
    return mark_safe(render_to_string("live/entry.html", context, using="jinja2"))


def live_blog(article, coverage, entries, url) -> dict:
    """schema.org's LiveBlogPosting: when coverage started (and ended), its newest entries."""
    data = {
        "@context": "https://schema.org",
        "@type": "LiveBlogPosting",
        "headline": article.headline,
        "url": url,
        "coverageStartTime": machine_time(coverage.started_at),
        "liveBlogUpdate": [
            {
                "@type": "BlogPosting",
                "headline": line_of(entry),
                "datePublished": machine_time(entry.posted_at),
                "dateModified": machine_time(entry.updated_at),
                "url": f"{url}#entry-{entry.pk}",
                "articleBody": entry.text,
            }
            for entry in entries[:JSON_LD_UPDATES]
        ],
    }
    if coverage.ended_at is not None:
        data["coverageEndTime"] = machine_time(coverage.ended_at)
    return data
