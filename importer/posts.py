"""A WordPress post → an article, with its byline, tags, history and old addresses.

States: publish → published (scheduled if its time is still to come), future → scheduled,
draft → draft, pending → in review. Private, trashed and password-protected posts were not
for every reader: they become unpublished (never public) and are reported; a trashed post
that had been published keeps its date, so republishing it does not make it new.
"""

import html
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from urllib.parse import unquote

from django.conf import settings
from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.text import Truncator
from django.utils.translation import gettext as _

from articles.models import Article, Status
from importer import bulk, legacy, report, seo
from importer.body import convert
from importer.models import ImportedPost
from importer.slugs import SLUG_MAX
from importer.taxonomy import TagCatalogue
from newsroom import dates
from newsroom.slugs import readable_slug
from newsroom.text import clean_line

STATES = {
    "publish": Status.PUBLISHED,
    "future": Status.PUBLISHED,
    "draft": Status.DRAFT,
    "pending": Status.REVIEW,
    "private": Status.UNPUBLISHED,
    "trash": Status.UNPUBLISHED,
}
# WordPress's own placeholders and revisions: never content.
IGNORED_STATES = {"auto-draft", "inherit"}
WAS_PUBLIC = {"publish", "future"}
HEADLINE_MAX, STANDFIRST_MAX = 200, 600
WORDPRESS_TIME = "%Y-%m-%d %H:%M:%S"


def wordpress_time(gmt: str, local: str) -> datetime | None:
    """post_date_gmt when WordPress filled it in, else post_date in the site's time zone."""
    for value, zone in ((gmt, UTC), (local, timezone.get_default_timezone())):
        if value and not value.startswith("0000"):
            try:
                when = datetime.strptime(value.strip(), WORDPRESS_TIME).replace(tzinfo=zone)
            except ValueError:
                continue
            if dates.is_plausible(when):
                return when
    return None


def plain_text(fragment: str) -> str:
    return clean_line(html.unescape(strip_tags(fragment or "")))


class PostImporter:
    """Posts read one by one into unsaved articles, written a chunk at a time by write()."""

    def __init__(self, channel, summary, authors, sections, media, refresh_vectors):
        self.channel = channel
        self.refresh_vectors = refresh_vectors  # given the ids of each chunk written
        self.summary = summary
        self.authors = authors
        self.sections = sections
        self.tags = TagCatalogue(summary)
        self.media = media
        self.pending: list[bulk.Prepared] = []
        self.done = set(
            ImportedPost.objects.filter(site=channel.site).values_list("wordpress_id", flat=True)
        )
        language = channel.language.split("-")[0].lower()
        codes = [code for code, _name in settings.LANGUAGES]
        self.language = language if language in codes else settings.LANGUAGE_CODE

    def import_post(self, post) -> None:
        if post.post_id is None:
            self._refuse(post, _("it has no valid wp:post_id"))
            return
        if post.post_id in self.done:
            self.summary.already_imported += 1
            return
        if post.status in IGNORED_STATES:
            self.summary.other_items[f"post ({post.status})"] += 1
            return
        status = STATES.get(post.status)
        if status is None:
            self._refuse(post, _("unknown status “%(status)s”") % {"status": post.status[:40]})
            return
        if post.password and status == Status.PUBLISHED:
            status = Status.UNPUBLISHED  # was behind a password: not for every reader
        prepared = self._prepared(post, status)
        prepared.notes_end = len(self.summary.notes)
        self.pending.append(prepared)
        self.done.add(post.post_id)

    def write(self) -> list[int]:
        """Store the posts read since the last write, in bulk; returns their articles' ids."""
        later = []  # notes found while writing, each to go after its post's other notes

        def note(prepared, text):
            later.append(
                (prepared.notes_end, self._post_note(prepared.post_id, prepared.title, text))
            )

        ids = bulk.write(self.pending, self.channel.site, note, self.refresh_vectors)
        for position, text in reversed(later):
            self.summary.notes.insert(position, text)
        for prepared in self.pending:
            self.summary.posts[self._state_counted(prepared.article)] += 1
        self.pending = []
        return ids

    # --- the article itself --------------------------------------------------------------
    def _prepared(self, post, status) -> bulk.Prepared:
        article, other_categories = self._article(post, status)
        author = self.authors.for_login(post.creator)
        if author is None:
            self._note(post, _("no author"))
        return bulk.Prepared(
            post_id=post.post_id,
            title=plain_text(post.title)[:60],
            article=article,
            wanted_slug=readable_slug(unquote(post.post_name), SLUG_MAX, ""),
            author=author,
            tags=self.tags.for_post(post, other_categories),
            transition_comment=_("Imported from WordPress (post ID %(id)d, status “%(status)s”).")
            % {"id": post.post_id, "status": post.status},
            guid=post.guid,
            addresses=legacy.addresses_for(post, self.channel.base_path),
        )

    def _article(self, post, status) -> tuple[Article, list[str]]:
        headline = self._headline(post)
        published_at = self._publication_time(post, status)
        body = convert(post.content, self.media.for_post(post, headline))
        self.summary.shortcodes_removed.update(body.shortcodes)
        for problem in body.problems:
            self._note(post, problem)
        section, other_categories = self.sections.for_post(post)
        standfirst = Truncator(plain_text(post.excerpt)).chars(STANDFIRST_MAX)
        article = Article(
            status=status,  # the state may be given at creation, never assigned later
            headline=headline,
            standfirst=standfirst,
            body=body.html,
            section=section,
            language=self.language,
            published_at=published_at,
            first_published_at=published_at,
            **seo.fields(post.meta, headline, standfirst),
        )
        self.media.attach_featured(article, post)
        return article, other_categories

    def _headline(self, post) -> str:
        headline = plain_text(post.title)
        if not headline:
            self._note(post, _("no title; one was made up"))
            return _("Untitled WordPress post %(id)d") % {"id": post.post_id}
        if len(headline) > HEADLINE_MAX:
            self._note(post, _("title shortened to %(max)d characters") % {"max": HEADLINE_MAX})
        return Truncator(headline).chars(HEADLINE_MAX)

    def _publication_time(self, post, status):
        when = wordpress_time(post.post_date_gmt, post.post_date)
        if status == Status.PUBLISHED:
            if when is None:
                when = _rss_time(post.pub_date) or timezone.now()
                self._note(post, _("no date in the export; dated %(when)s") % {"when": when})
            if post.status == "future" and when <= timezone.now():
                self._note(post, _("its scheduled time has passed: it is public now"))
            return when
        if status == Status.UNPUBLISHED:
            wordpress_state = post.meta.get("_wp_trash_meta_status", "")
            reason = _("behind a password") if post.password else post.status
            self._note(post, _("%(reason)s in WordPress → unpublished") % {"reason": reason})
            if post.status == "trash" and wordpress_state in WAS_PUBLIC:
                return when
        return None

    # --- reporting ------------------------------------------------------------------------
    @staticmethod
    def _state_counted(article) -> str:
        if article.status == Status.PUBLISHED:
            return report.SCHEDULED if article.is_scheduled else report.PUBLISHED
        return {
            Status.DRAFT: report.DRAFT,
            Status.REVIEW: report.REVIEW,
        }.get(article.status, report.NOT_PUBLIC)

    def _note(self, post, text) -> None:
        self.summary.note(self._post_note(post.post_id, plain_text(post.title)[:60], text))

    @staticmethod
    def _post_note(post_id, title, text) -> str:
        return _("Post %(id)d “%(title)s”: %(text)s.") % {
            "id": post_id,
            "title": title,
            "text": text,
        }

    def _refuse(self, post, reason) -> None:
        self.summary.items_refused += 1
        self.summary.note(
            _("Item “%(title)s” refused: %(reason)s.")
            % {"title": plain_text(post.title)[:60], "reason": reason}
        )


def _rss_time(value: str):
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    when = when if when.tzinfo else when.replace(tzinfo=UTC)
    return when if dates.is_plausible(when) else None
