"""RSS and Atom feeds for the site, each section, each author and each tag, and for the
corrections and updates log.

Django's syndication framework writes each feed's channel; each article's item is written
once per change and kept in the cache with the article's other parts (articles/fragments.py).
An item carries the text in full (as WordPress's feeds do), the featured picture and the
article's log: its latest entry after the standfirst, every entry after the text. A new entry
bumps the article's generation (articles/changes.py), so its items are written again at once.
"""

import copy
from collections import defaultdict
from io import StringIO

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed, Enclosure, Rss201rev2Feed
from django.utils.html import escape, format_html_join
from django.utils.safestring import mark_safe
from django.utils.timezone import localtime
from django.utils.translation import gettext_lazy as _
from django.utils.xmlutils import SimplerXMLGenerator

from articles import feed_content, fragments, queries
from articles.models import ArticleNote, Section
from articles.tags import TagMoved, moved_tag, public_tag_or_moved
from newsroom.absolute import absolute

FEED_LENGTH = 30
MEDIA_RSS = "http://search.yahoo.com/mrss/"
CONTENT = "http://purl.org/rss/1.0/modules/content/"


class KeptItems:
    """A feed writer given its items as the XML this writer wrote when they were kept."""

    kept: list[str] = ()
    latest = None

    def write_items(self, handler):
        for xml in self.kept:
            handler.ignorableWhitespace(xml)  # written as it is: XML this writer escaped

    def latest_post_date(self):
        return self.latest or super().latest_post_date()

    def add_media(self, handler, item):
        """The featured picture in Media RSS, which feed readers show as the item's picture."""
        picture = item["picture"]
        if picture is None:
            return
        attributes = {
            "medium": "image",
            **{k: str(picture[k]) for k in ("url", "width", "height", "type")},
        }
        handler.startElement("media:content", attributes)
        handler.addQuickElement("media:description", picture["alt"])
        if picture["credit"]:
            handler.addQuickElement("media:credit", picture["credit"])
        handler.endElement("media:content")


class KeptRss(KeptItems, Rss201rev2Feed):
    item_tag = "item"

    def rss_attributes(self):
        return {**super().rss_attributes(), "xmlns:content": CONTENT, "xmlns:media": MEDIA_RSS}

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, item)
        handler.addQuickElement("content:encoded", item["full_text"])
        self.add_media(handler, item)


class KeptAtom(KeptItems, Atom1Feed):
    item_tag = "entry"

    def root_attributes(self):
        return {**super().root_attributes(), "xmlns:media": MEDIA_RSS}

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, item)
        handler.addQuickElement("content", item["full_text"], {"type": "html"})
        self.add_media(handler, item)


class ArticleFeed(Feed):
    feed_type = KeptRss
    building = ()  # the articles whose items this copy of the feed writes (items_xml)
    body_pictures = {}  # the library pictures their texts show, by id
    featured = {}  # their featured pictures, by article id

    def get_object(self, request, *args, **kwargs):
        return None

    def title(self, obj):
        return settings.SITE_NAME if obj is None else f"{obj} · {settings.SITE_NAME}"

    def description(self, obj):
        return _("The latest articles from %(site)s") % {"site": settings.SITE_NAME}

    def link(self, obj):
        return absolute(obj.get_absolute_url() if obj is not None else reverse("articles:home"))

    def articles(self, obj):
        return queries.cards()

    def items(self, obj):
        return self.building

    def get_feed(self, obj, request):
        feed = super().get_feed(obj, request)  # the channel
        feed.feed["feed_url"] = absolute(request.path)
        articles = list(self.articles(obj)[:FEED_LENGTH])
        feed.kept = fragments.feed_items(
            articles, feed.item_tag, lambda missing: self.items_xml(missing, obj, request, feed)
        )
        feed.latest = max((a.last_modified for a in articles), default=None)
        return feed

    def items_xml(self, articles, obj, request, feed) -> list[str]:
        """These articles' items, as the framework writes them from the item_ methods."""
        maker = copy.copy(self)  # one instance of the feed serves every thread
        maker.building = _with_logs(queries.with_credits_and_tags(queries.in_full(articles)))
        maker.body_pictures = queries.pictures_in(" ".join(a.body for a in maker.building))
        maker.featured = {a.pk: feed_content.featured_picture(a) for a in maker.building}
        items = Feed.get_feed(maker, obj, request).items
        return [_written(feed, item) for item in items]

    def __call__(self, request, *args, **kwargs):
        response = super().__call__(request, *args, **kwargs)
        # The feed writer leaves hundreds of small chunks, each a socket write: send one.
        response.content = response.content
        return response

    def item_title(self, item):
        return item.headline

    def item_description(self, item):
        # RSS descriptions and Atom's html summary are HTML to readers: the standfirst and
        # the log's latest entry are text.
        lines = [item.standfirst, *map(feed_content.note_line, item.notes[:1])]
        return format_html_join(mark_safe("<br>\n"), "{}", ((line,) for line in lines if line))

    def item_link(self, item):
        return absolute(item.get_absolute_url())

    def item_guid(self, item):
        return absolute(item.get_absolute_url())

    def item_pubdate(self, item):
        return item.published_at

    def item_updateddate(self, item):
        return max([item.last_modified, *(note.created_at for note in item.notes[:1])])

    def item_author_name(self, item):
        return ", ".join(author.display_name for author in item.byline_authors)

    def item_categories(self, item):
        return [item.section.name, *(tag.name for tag in item.tag_list)]

    def item_extra_kwargs(self, item):
        return {
            "full_text": feed_content.full_text(item.body, self.body_pictures)
            + feed_content.log(item.notes),
            "picture": self.featured[item.pk],
        }

    def item_enclosures(self, item):
        picture = self.featured[item.pk]
        return [Enclosure(picture["url"], picture["length"], picture["type"])] if picture else []


def _with_logs(articles: list) -> list:
    """The articles with their logs (article.notes, newest first), one query for all."""
    notes = defaultdict(list)
    found = ArticleNote.objects.filter(article__in=articles)  # newest first (Meta.ordering)
    for note in found.only("article_id", "kind", "text", "created_at"):
        notes[note.article_id].append(note)
    for article in articles:
        article.notes = notes[article.pk]
    return articles


def _written(feed, item: dict) -> str:
    out = StringIO()
    handler = SimplerXMLGenerator(out, "utf-8", short_empty_elements=True)
    handler.startElement(feed.item_tag, feed.item_attributes(item))
    feed.add_item_elements(handler, item)
    handler.endElement(feed.item_tag)
    return out.getvalue()


class AtomMixin:
    feed_type = KeptAtom

    def subtitle(self, obj):
        return self.description(obj)


class SectionFeed(ArticleFeed):
    def get_object(self, request, slug):
        return get_object_or_404(Section, slug=slug)

    def articles(self, obj):
        return queries.in_section(obj)


class AuthorFeed(ArticleFeed):
    def get_object(self, request, slug):
        author = queries.public_author(slug)
        if author is None:
            raise Http404
        return author

    def articles(self, obj):
        return queries.by_author(obj)


class TagFeed(ArticleFeed):
    def __call__(self, request, *args, **kwargs):
        try:
            return super().__call__(request, *args, **kwargs)
        except TagMoved as moved:
            return moved_tag(request, request.resolver_match.view_name, moved)

    def get_object(self, request, slug):
        return public_tag_or_moved(slug)

    def title(self, obj):
        return f"{obj.name} · {settings.SITE_NAME}"

    def link(self, obj):
        return absolute(reverse("articles:tag", kwargs={"slug": obj.slug}))

    def articles(self, obj):
        return queries.tagged(obj)


class SiteAtomFeed(AtomMixin, ArticleFeed):
    pass


class SectionAtomFeed(AtomMixin, SectionFeed):
    pass


class AuthorAtomFeed(AtomMixin, AuthorFeed):
    pass


class TagAtomFeed(AtomMixin, TagFeed):
    pass


NOTE_TITLES = {
    ArticleNote.Kind.CORRECTION: _("Correction: %(headline)s"),
    ArticleNote.Kind.UPDATE: _("Update: %(headline)s"),
}


class CorrectionsFeed(Feed):
    """The latest corrections and updates, one item each, linking to its article's log."""

    url_name = "feeds:corrections-rss"

    def title(self):
        return f"{_('Corrections and updates')} · {settings.SITE_NAME}"

    def description(self):
        return _("What %(site)s corrected or updated in its published articles") % {
            "site": settings.SITE_NAME
        }

    def link(self):
        return absolute(reverse("articles:corrections"))

    def feed_url(self):
        return absolute(reverse(self.url_name))

    def items(self):
        return queries.latest_notes()[:FEED_LENGTH]

    def item_title(self, item):
        return NOTE_TITLES[item.kind] % {"headline": item.article.headline}

    def item_description(self, item):
        return escape(item.text)  # text to readers, HTML to feed readers

    def item_link(self, item):
        return absolute(f"{item.article.get_absolute_url()}#note-{item.pk}")

    item_guid = item_link

    item_guid_is_permalink = False

    def item_pubdate(self, item):
        return localtime(item.created_at)

    def item_updateddate(self, item):
        return localtime(item.created_at)  # an entry is never rewritten


class CorrectionsAtomFeed(CorrectionsFeed):
    feed_type = Atom1Feed
    url_name = "feeds:corrections-atom"

    def subtitle(self):
        return self.description()

    def author_name(self):
        return settings.SITE_NAME  # Atom wants an author: the newsroom logs the entries
