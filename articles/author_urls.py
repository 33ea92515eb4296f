from django.urls import path

from articles.views import author

app_name = "authors"
urlpatterns = [
    path("<slug:slug>/", author.AuthorDetailView.as_view(), name="detail"),
]
