from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils.http import http_date
from django.views.generic import TemplateView

from articles import fragments, freshness, queries, templating
from articles.models import Section
from articles.tags import TagMoved, moved_tag, public_tag_or_moved
from articles.views.listing import KeptByAddress, PublishedListView
from audience import queries as audience
from live import page as live_page

LATEST_COUNT = 12
PER_SECTION = 3


class HomeView(TemplateView):
    template_name = "articles/home.html"

    def get_context_data(self, **kwargs):
        lead, featured, latest = queries.home(LATEST_COUNT)
        sections = queries.section_blocks(PER_SECTION)
        # Every card of the page in one read of the cache (and one query for those missing).
        in_blocks = (a for _s, block in sections for a in block)
        cards = iter(fragments.cards([*featured, *latest, *in_blocks]))
        versions = freshness.for_request(self.request)
        return super().get_context_data(
            most_read=audience.most_read(shared=versions and versions.shared),
            lead=lead,
            lead_block=lead and fragments.lead(lead),
            featured_cards=[next(cards) for _article in featured],
            latest=latest,
            latest_cards=[next(cards) for _article in latest],
            sections=sections,
            section_cards=[(s, [next(cards) for _a in block]) for s, block in sections],
            **kwargs,
        )

    def render_to_response(self, context, **kwargs):
        response = super().render_to_response(context, **kwargs)
        response.cache_seconds = audience.LIST_SECONDS  # its most read list, once a minute
        return response


class ArticleDetailView(KeptByAddress, TemplateView):
    template_name = "articles/article_detail.html"

    def get(self, request, *args, **kwargs):
        page = fragments.article_page(self.kwargs["slug"])
        if page is None:
            raise Http404
        self.article = page[0]
        self.live = live_page.for_page(self.article)  # None for most: no query then
        response = self.render_to_response(self.get_context_data(parts=page[1:]))
        # With the ETag, lets browsers and CDNs revalidate with a 304: a live story's
        # page changes with each entry.
        modified, hosts = self.article.last_modified, templating.embed_hosts(page[2])
        if self.live is not None:
            modified = max(modified, self.live.shown.updated_at)
            hosts = sorted({*hosts, *self.live.shown.embed_hosts})
        response["Last-Modified"] = http_date(modified.timestamp())
        if hosts:  # the players its reader may load
            response._csp_update = {"frame-src": hosts}
        # Kept with the page in the page cache, so that its cached copies count as reads too.
        response.counted_article = (self.article.pk, self.article.section_id)
        return response

    def get_context_data(self, parts, **kwargs):
        head, main, related = parts
        return super().get_context_data(
            article=self.article,
            head=head,
            main=fragments.around_live(main),
            related=related,
            live=self.live,
            **kwargs,
        )


class SectionView(KeptByAddress, PublishedListView):
    template_name = "articles/section.html"
    heading_level = 2

    def get_queryset(self):
        self.section = get_object_or_404(Section, slug=self.kwargs["slug"])
        return queries.in_section(self.section)

    def get_context_data(self, **kwargs):
        versions = freshness.for_request(self.request)
        most_read = audience.most_read(self.section, versions and versions.shared)
        return super().get_context_data(section=self.section, most_read=most_read, **kwargs)

    def render_to_response(self, context, **kwargs):
        response = super().render_to_response(context, **kwargs)
        response.cache_seconds = audience.LIST_SECONDS  # its most read list, about once a minute
        return response


class TagView(KeptByAddress, PublishedListView):
    """A tag exists for readers only once a published article carries it."""

    template_name = "articles/tag.html"
    heading_level = 2

    def get(self, request, *args, **kwargs):
        try:
            return super().get(request, *args, **kwargs)
        except TagMoved as moved:
            return moved_tag(request, "articles:tag", moved)

    def get_queryset(self):
        self.tag = public_tag_or_moved(self.kwargs["slug"])
        return queries.tagged(self.tag)

    def get_context_data(self, **kwargs):
        return super().get_context_data(tag=self.tag, **kwargs)
