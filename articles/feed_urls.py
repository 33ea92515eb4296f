from django.urls import path

from articles import feeds

app_name = "feeds"
urlpatterns = [
    path("rss/", feeds.ArticleFeed(), name="site-rss"),
    path("atom/", feeds.SiteAtomFeed(), name="site-atom"),
    path("rectificatifs/rss/", feeds.CorrectionsFeed(), name="corrections-rss"),
    path("rectificatifs/atom/", feeds.CorrectionsAtomFeed(), name="corrections-atom"),
    path("rubrique/<slug:slug>/rss/", feeds.SectionFeed(), name="section-rss"),
    path("rubrique/<slug:slug>/atom/", feeds.SectionAtomFeed(), name="section-atom"),
    path("auteur/<slug:slug>/rss/", feeds.AuthorFeed(), name="author-rss"),
    path("auteur/<slug:slug>/atom/", feeds.AuthorAtomFeed(), name="author-atom"),
    path("mot-cle/<slug:slug>/rss/", feeds.TagFeed(), name="tag-rss"),
    path("mot-cle/<slug:slug>/atom/", feeds.TagAtomFeed(), name="tag-atom"),
]
