from articles import metadata
from articles.models.archive import Archive
from articles.views.listing import PublishedListView
from authors.models import Author
from newsroom.sql import found_or_404


class AuthorDetailView(PublishedListView):
    """An author's profile and articles; unknown to readers until something of theirs is out."""

    template_name = "authors/author_detail.html"

    def get_queryset(self):
        self.author = found_or_404(Author.objects.public(self.kwargs["slug"], self.request))
        return Archive.by_author(self.author).cards()

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            author=self.author, json_ld=metadata.profile_page(self.author), **kwargs
        )
