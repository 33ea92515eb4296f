from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.contrib.sitemaps import views as sitemap_views
from django.urls import include, path
from django.utils.translation import gettext_lazy as _
from django.views.i18n import JavaScriptCatalog

from articles.sitemaps import SITEMAPS, news_sitemap
from articles.views.robots import robots_txt
from articles.views.short_link import short_link
from newsroom import bench_views, health

admin.site.site_header = _("Newsroom administration")
admin.site.site_title = settings.SITE_NAME
admin.site.index_title = _("Desk")

handler500 = "newsroom.errors.server_error"

# Language-neutral addresses: machines read these.
urlpatterns = [
    path("healthz", health.healthz, name="healthz"),
    path("readyz", health.readyz, name="readyz"),
    path("robots.txt", robots_txt, name="robots"),
    path("a/<int:pk>", short_link, name="short-link"),
    path("sitemap.xml", sitemap_views.index, {"sitemaps": SITEMAPS}, name="sitemap-index"),
    path("sitemap-news.xml", news_sitemap, name="sitemap-news"),
    path(
        "sitemap-<section>.xml",
        sitemap_views.sitemap,
        {"sitemaps": SITEMAPS},
        name="django.contrib.sitemaps.views.sitemap",
    ),
    path("flux/", include("articles.feed_urls")),
    path("api/", include("api.urls")),
    # A live story's new entries (answered early by live.middleware.LivePollMiddleware).
    path("direct/", include("live.urls")),
]

# People's pages: French at the root, English under /en/ (or the other way round with
# LANGUAGE_CODE=en), so every page can be cached whole and linked in either language.
urlpatterns += i18n_patterns(
    # The admin's catalogue, with the body editor's dialogs (links, tables) in French too.
    path(
        "admin/jsi18n/",
        JavaScriptCatalog.as_view(packages=["django.contrib.admin", "django_prose_editor"]),
    ),
    # The sign-in steps after the password; before the admin's own, which would catch them.
    path("admin/two-factor/", include("newsroom.two_factor.urls")),
    path("admin/", admin.site.urls),
    path("auteurs/", include("articles.author_urls")),
    path("lettre/", include("newsletters.urls")),
    path("", include("articles.urls")),
    prefix_default_language=False,
)

if settings.BENCH_ENDPOINTS:
    # Only for `make bench`: the bare-template ceiling the pages are measured against.
    urlpatterns.insert(0, path("bench/ceiling/", bench_views.ceiling))
