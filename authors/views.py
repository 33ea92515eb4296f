from django.shortcuts import get_object_or_404

from articles import metadata
from articles.views.listing import PublishedListView
from authors.models import Author


class AuthorDetailView(PublishedListView):
    """An author's profile and articles; unknown to readers until something of theirs is out."""

    template_name = "authors/author_detail.html"

    def get_queryset(self):
        self.author = get_object_or_404(
            Author.objects.with_published_articles(), slug=self.kwargs["slug"]
        )
        return self.published().filter(authors=self.author)

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            author=self.author, json_ld=metadata.profile_page(self.author), **kwargs
        )
