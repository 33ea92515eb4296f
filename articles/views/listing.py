"""Lists of published articles, paged without counting them: never an error for a bad ?page=.

A count reads every matching row: on a tag carried by 20,000 articles it took 90 ms, more
than the rest of the page. Fetching one row beyond the page says whether an older page
exists, at the same cost whatever the archive's size. Only a page past the end (an old
link, a made-up number) counts, to show the last page as Django's paginator would.
"""

import math

from django.views.generic import ListView

from articles.models import Article

PAGE_SIZE = 20


class ArchivePage:
    """The part of Django's Page that our templates use, without a paginator's count."""

    def __init__(self, rows, number, has_next):
        self.object_list, self.number, self._has_next = rows, number, has_next

    def __iter__(self):
        return iter(self.object_list)

    def __len__(self):
        return len(self.object_list)

    def has_next(self):
        return self._has_next

    def has_previous(self):
        return self.number > 1

    def has_other_pages(self):
        return self.has_next() or self.has_previous()

    def next_page_number(self):
        return self.number + 1

    def previous_page_number(self):
        return self.number - 1


MAX_PAGE = 100_000  # beyond any archive; keeps the offset a number databases accept


def page_number(value) -> int:
    try:
        return min(max(1, int(value)), MAX_PAGE)
    except (TypeError, ValueError):
        return 1


class PublishedListView(ListView):
    """A public list, paged: an Archive (articles/models/archive.py) or a queryset from
    published(); both apply the one publication rule (articles/models/published.py)."""

    paginate_by = PAGE_SIZE
    context_object_name = "articles"

    def published(self):
        return Article.objects.published().for_listing()

    def paginate_queryset(self, queryset, page_size):
        number = page_number(self.request.GET.get(self.page_kwarg))
        rows = list(queryset[(number - 1) * page_size : number * page_size + 1])
        if not rows and number > 1:
            number = max(1, math.ceil(queryset.count() / page_size))
            rows = list(queryset[(number - 1) * page_size : number * page_size + 1])
        return archive_page(rows, number, page_size)


def archive_page(rows, number, page_size):
    """What ListView.paginate_queryset returns, from a page's rows and the one beyond."""
    page = ArchivePage(rows[:page_size], number, has_next=len(rows) > page_size)
    return None, page, page.object_list, page.has_other_pages()
