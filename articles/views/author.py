from django.http import Http404

from articles import metadata, queries
from articles.views.listing import KeptByAddress, PublishedListView


class AuthorDetailView(KeptByAddress, PublishedListView):
    """An author's profile and articles; unknown to readers until something of theirs is out."""

    template_name = "authors/author_detail.html"
    eager_cards = 0  # the profile fills the first screen

    def get_queryset(self):
        self.author = queries.public_author(self.kwargs["slug"])
        if self.author is None:
            raise Http404
        return queries.by_author(self.author)

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            author=self.author, json_ld=metadata.profile_page(self.author), **kwargs
        )
