import math

from articles import search
from articles.html.parts import search_query
from articles.models.article import credit_authors
from articles.ranked_search import ranked_rows
from articles.views.listing import PublishedListView, archive_page, page_number


class SearchView(PublishedListView):
    """Any query gives a normal page: empty, hostile or too long, it is only ever data."""

    template_name = "articles/search.html"
    paginate_by = search.RESULTS_A_PAGE

    since = None  # the search window's start, when only the window was searched

    def get_queryset(self):
        self.query = search_query(self.request)  # as shown: bounded, control characters out
        self.archives = self.request.GET.get("archives") == "1"
        if search.uses_postgres():
            return None  # one statement a page: paginate_queryset()
        return self.published().search(self.query)

    def paginate_queryset(self, queryset, page_size):
        if queryset is None:
            return self._ranked(page_size)
        self.total, self.more = search.count(self.published(), self.query)
        _paginator, page, articles, _other_pages = super().paginate_queryset(queryset, page_size)
        credit_authors(articles)  # the page's rows, in one query
        page.object_list = search.portable_results(articles, self.query)
        return None, page, page.object_list, page.has_other_pages()

    def _ranked(self, page_size):
        number = page_number(self.request.GET.get(self.page_kwarg))
        found = self._ranked_page(number, page_size)
        # Only the newest matches can be shown: a page beyond them shows the last one.
        last = max(1, math.ceil(min(found.counted, search.SHOWN_MATCHES) / page_size))
        if number > last:
            number = last
            found = self._ranked_page(number, page_size)
        self.total, self.more = search.bounded(found.counted)
        self.since = found.since
        return archive_page(found.results, number, page_size)

    def _ranked_page(self, number, page_size):
        offset = (number - 1) * page_size
        return ranked_rows(self.query, offset, page_size, self.request, self.archives)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(query=self.query, **kwargs)  # pages: total, more
        context.update(total=self.total, more=self.more, since=self.since)
        context.update(archives=self.archives)
        return context
