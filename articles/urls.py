from django.urls import path

from articles.views import contact, corrections, pages, preview, search

app_name = "articles"
urlpatterns = [
    path("", pages.HomeView.as_view(), name="home"),
    path("article/<slug:slug>/", pages.ArticleDetailView.as_view(), name="detail"),
    path("rubrique/<slug:slug>/", pages.SectionView.as_view(), name="section"),
    path("mot-cle/<slug:slug>/", pages.TagView.as_view(), name="tag"),
    path("recherche/", search.SearchView.as_view(), name="search"),
    path("rectificatifs/", corrections.CorrectionsView.as_view(), name="corrections"),
    path("contact/", contact.contact, name="contact"),
    path("contact/merci/", contact.contact_thanks, name="contact_thanks"),
    path("apercu/<str:token>/", preview.preview_link, name="preview_link"),
]
