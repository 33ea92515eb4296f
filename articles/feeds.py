"""RSS and Atom feeds for the site, each section, each author and each tag.

Django's syndication framework writes each feed's channel, and each article's item once
after it changed: items are stored as it wrote them (articles/feed_entries.py).
"""

import copy

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from articles import feed_entries
from articles.models import Section
from articles.models.archive import Archive
from articles.tags import TagMoved, moved_tag, public_tag_or_moved
from authors.models import Author
from newsroom.absolute import absolute
from newsroom.sql import found_or_404

FEED_LENGTH = 30


class ArticleFeed(Feed):
    feed_type = feed_entries.StoredRss
    making = ()  # the articles whose items are being made (made_items)
    url_name = "feed-rss"

    def get_object(self, request, *args, **kwargs):
        return None

    def title(self, obj):
        return settings.SITE_NAME if obj is None else f"{obj} · {settings.SITE_NAME}"

    def description(self, obj):
        return _("The latest articles from %(site)s") % {"site": settings.SITE_NAME}

    def link(self, obj):
        return absolute(obj.get_absolute_url() if obj is not None else reverse("articles:home"))

    def articles(self, obj):
        return Archive()

    def items(self, obj):
        return self.making

    def get_feed(self, obj, request):
        feed = super().get_feed(obj, request)  # the channel: its items are stored
        feed.feed["feed_url"] = absolute(request.path)
        feed_entries.fill(
            feed, self.articles(obj), FEED_LENGTH, lambda made: self.made_items(made, obj, request)
        )
        return feed

    def made_items(self, articles, obj, request) -> list[dict]:
        """These articles' items, as the framework makes them from the item_ methods."""
        # A copy: one instance of the feed serves every thread.
        maker = copy.copy(self)
        maker.making = articles
        return Feed.get_feed(maker, obj, request).items

    def item_title(self, item):
        return item.headline

    def item_description(self, item):
        return item.standfirst

    def item_link(self, item):
        return absolute(item.get_absolute_url())

    def item_guid(self, item):
        return absolute(item.get_absolute_url())

    def item_pubdate(self, item):
        return item.published_at

    def item_updateddate(self, item):
        return item.last_modified

    def item_author_name(self, item):
        return ", ".join(credit.name for credit in item.credits)

    def item_categories(self, item):
        return [item.section.name, *(tag.name for tag in item.tag_list)]

    def __call__(self, request, *args, **kwargs):
        response = super().__call__(request, *args, **kwargs)
        # The feed writer leaves hundreds of small chunks, each its own socket write in
        # gunicorn (a cached feed was served 5x slower than a page): send one.
        response.content = response.content
        return response


class AtomMixin:
    feed_type = feed_entries.StoredAtom

    def subtitle(self, obj):
        return self.description(obj)


class SectionFeed(ArticleFeed):
    def get_object(self, request, slug):
        return get_object_or_404(Section, slug=slug)

    def articles(self, obj):
        return Archive.of_section(obj)


class AuthorFeed(ArticleFeed):
    def get_object(self, request, slug):
        return found_or_404(Author.objects.public(slug))

    def articles(self, obj):
        return Archive.by_author(obj)


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
        return Archive.tagged(obj)


class SiteAtomFeed(AtomMixin, ArticleFeed):
    pass


class SectionAtomFeed(AtomMixin, SectionFeed):
    pass


class AuthorAtomFeed(AtomMixin, AuthorFeed):
    pass


class TagAtomFeed(AtomMixin, TagFeed):
    pass
