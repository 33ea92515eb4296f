"""sitemap.xml (an index of articles, sections, authors and tags) and the Google News sitemap."""

from datetime import timedelta
from types import SimpleNamespace
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone

from articles.models import Article, Section
from articles.queries import public_tags
from authors.models import Author

NEWS_WINDOW = timedelta(days=2)
NEWS_LIMIT = 1000


class SiteUrlSitemap(Sitemap):
    """Locations on SITE_URL, whatever host the request came in on."""

    limit = 5000

    def get_urls(self, page=1, site=None, protocol=None):
        base = urlsplit(settings.SITE_URL)
        site = SimpleNamespace(domain=base.netloc + base.path, name=settings.SITE_NAME)
        return super().get_urls(page=page, site=site, protocol=base.scheme)


class ArticleSitemap(SiteUrlSitemap):
    changefreq = "daily"

    def items(self):
        return (
            Article.objects.published()
            .only("slug", "status", "published_at", "revised_at")
            .order_by("-published_at")
        )

    def lastmod(self, article):
        return article.last_modified


class SectionSitemap(SiteUrlSitemap):
    changefreq = "hourly"

    def items(self):
        return Section.objects.all()


class AuthorSitemap(SiteUrlSitemap):
    def items(self):
        return Author.objects.with_published_articles().only("slug").order_by("slug")


class TagSitemap(SiteUrlSitemap):
    def items(self):
        return public_tags().order_by("slug")

    def location(self, tag):
        return reverse("articles:tag", kwargs={"slug": tag.slug})


SITEMAPS = {
    "articles": ArticleSitemap,
    "sections": SectionSitemap,
    "authors": AuthorSitemap,
    "tags": TagSitemap,
}


def news_sitemap(request):
    """Google News: published articles of the last two days, at most 1,000."""
    since = timezone.now() - NEWS_WINDOW
    articles = (
        Article.objects.published()
        .filter(published_at__gte=since)
        .only("slug", "status", "headline", "language", "published_at")
        .order_by("-published_at")[:NEWS_LIMIT]
    )
    return render(
        request,
        "sitemaps/news.xml",
        {"articles": articles, "SITE_URL": settings.SITE_URL, "SITE_NAME": settings.SITE_NAME},
        content_type="application/xml; charset=utf-8",
    )
