import math

from articles import fragments, queries, search
from articles.views.listing import PublishedListView, archive_page, page_number


class SearchView(PublishedListView):
    """Any query gives a normal page: empty, hostile or too long, it is only ever data."""

    template_name = "articles/search.html"
    paginate_by = search.RESULTS_A_PAGE
    heading_level = 2

    def get_queryset(self):
        self.query = search.shown_query(self.request.GET.get("q", ""))
        return None  # a page of ranked results: paginate_queryset()

    def paginate_queryset(self, queryset, page_size):
        number = page_number(self.request.GET.get(self.page_kwarg))
        found = self._found(number, page_size)
        shown = min(found.total, search.SHOWN_MATCHES)
        last = max(1, math.ceil(shown / page_size))
        if number > last:  # an old link past the results: their last page
            number = last
            found = self._found(number, page_size)
        self.total, self.more = found.total, found.more
        return archive_page(found.results, number, page_size)

    def _found(self, number, page_size):
        with_text = queries.cards().only(*queries.CARD_FIELDS, "body_text")
        offset = (number - 1) * page_size
        return search.found(queries.published(), with_text, self.query, offset, page_size)

    def cards(self, results):
        queries.with_credits(result.article for result in results)
        return [
            fragments.card(r.article, self.heading_level, r.excerpt, eager=i < self.eager_cards)
            for i, r in enumerate(results)
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(query=self.query, **kwargs)
        context.update(total=self.total, more=self.more)
        return context
