from articles import search
from articles.views.listing import PublishedListView


class SearchView(PublishedListView):
    """Any query gives a normal page: empty, hostile or too long, it is only ever data."""

    template_name = "articles/search.html"

    def get_queryset(self):
        self.query = self.request.GET.get("q", "")
        return self.published().search(self.query)

    def get_context_data(self, **kwargs):
        total, more = search.count(self.published(), self.query)
        context = super().get_context_data(query=self.query, total=total, more=more, **kwargs)
        search.excerpts(context["articles"], self.query)
        return context
