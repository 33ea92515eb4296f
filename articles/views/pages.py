from django.db.models import F, Window, prefetch_related_objects
from django.db.models.functions import RowNumber
from django.shortcuts import get_object_or_404
from django.utils.http import http_date
from django.views.generic import DetailView, TemplateView

from articles import metadata
from articles.models import Article, Section
from articles.models.article import BYLINES
from articles.tags import public_tags
from articles.views.listing import PublishedListView

LATEST_COUNT = 12
PER_SECTION = 3


class HomeView(TemplateView):
    template_name = "articles/home.html"

    def get_context_data(self, **kwargs):
        published = (
            Article.objects.published().select_related("section").defer("body", "correction")
        )
        lead = published.order_by("-is_lead", "-published_at").first()
        latest = list(published.exclude(pk=getattr(lead, "pk", None))[:LATEST_COUNT])
        ranked = published.annotate(
            rank=Window(
                RowNumber(), partition_by=F("section_id"), order_by=F("published_at").desc()
            )
        ).filter(rank__lte=PER_SECTION)
        by_section = {}
        for article in ranked:
            by_section.setdefault(article.section_id, []).append(article)
        sections = [
            (section, by_section[section.pk])
            for section in Section.objects.all()
            if section.pk in by_section
        ]
        every = [lead, *latest, *[a for _, items in sections for a in items]]
        prefetch_related_objects([a for a in every if a], BYLINES)
        return super().get_context_data(lead=lead, latest=latest, sections=sections, **kwargs)


class ArticleDetailView(DetailView):
    template_name = "articles/article_detail.html"
    context_object_name = "article"

    def get_queryset(self):
        return Article.objects.published().with_bylines().prefetch_related("tags")

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            related=self.object.related(), json_ld=metadata.news_article(self.object), **kwargs
        )

    def render_to_response(self, context, **kwargs):
        response = super().render_to_response(context, **kwargs)
        # With the ETag, lets browsers and CDNs revalidate with a 304.
        response["Last-Modified"] = http_date(self.object.last_modified.timestamp())
        return response


class SectionView(PublishedListView):
    template_name = "articles/section.html"

    def get_queryset(self):
        self.section = get_object_or_404(Section, slug=self.kwargs["slug"])
        return self.published().filter(section=self.section)

    def get_context_data(self, **kwargs):
        return super().get_context_data(section=self.section, **kwargs)


class TagView(PublishedListView):
    """A tag exists for readers only once a published article carries it."""

    template_name = "articles/tag.html"

    def get_queryset(self):
        self.tag = get_object_or_404(public_tags(), slug=self.kwargs["slug"])
        return self.published().filter(tags=self.tag)

    def get_context_data(self, **kwargs):
        return super().get_context_data(tag=self.tag, **kwargs)
