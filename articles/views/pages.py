from django.utils.http import http_date
from django.utils.translation import get_language
from django.views.generic import DetailView, TemplateView

from articles.html import parts, stored
from articles.models.archive import Archive
from articles.models.home import front_page
from articles.models.page import article_page
from articles.tags import TagMoved, moved_tag, public_tag_or_moved
from articles.views.listing import PublishedListView
from newsroom.sql import found_or_404

LATEST_COUNT = 12
PER_SECTION = 3


class HomeView(TemplateView):
    template_name = "articles/home.html"

    def get_context_data(self, **kwargs):
        front = front_page(self.request, LATEST_COUNT, PER_SECTION)
        return super().get_context_data(**front._asdict(), **kwargs)


class ArticleDetailView(DetailView):
    template_name = "articles/article_detail.html"
    context_object_name = "article"

    def get_object(self, queryset=None):
        slug, language = self.kwargs["slug"], get_language()
        page = article_page(slug, language, stored.code_version(), self.request)
        return stored.with_parts(found_or_404(page))

    def get_context_data(self, **kwargs):
        page = self.object
        return super().get_context_data(
            head=page.head,
            main=page.main,
            related=page.related,
            **kwargs,
        )

    def render_to_response(self, context, **kwargs):
        response = super().render_to_response(context, **kwargs)
        # With the ETag, lets browsers and CDNs revalidate with a 304.
        response["Last-Modified"] = http_date(self.object.last_modified.timestamp())
        return response


class SectionView(PublishedListView):
    template_name = "articles/section.html"

    def get_queryset(self):
        slug = self.kwargs["slug"]
        found = (s for s in parts.sections(self.request) if s.slug == slug)
        self.section = found_or_404(next(found, None))
        return Archive.of_section(self.section).cards()

    def get_context_data(self, **kwargs):
        return super().get_context_data(section=self.section, **kwargs)


class TagView(PublishedListView):
    """A tag exists for readers only once a published article carries it."""

    template_name = "articles/tag.html"

    def get(self, request, *args, **kwargs):
        try:
            return super().get(request, *args, **kwargs)
        except TagMoved as moved:
            return moved_tag(request, "articles:tag", moved)

    def get_queryset(self):
        self.tag = public_tag_or_moved(self.kwargs["slug"], self.request)
        return Archive.tagged(self.tag).cards()

    def get_context_data(self, **kwargs):
        return super().get_context_data(tag=self.tag, **kwargs)
