"""Lists of published articles, paged without counting them: never an error for a bad ?page=.

A count reads every matching row (a tag on 20,000 articles); one row beyond the page says
whether an older page exists. Only a page past the end counts, to show the last page.
"""

import math

from django.views.generic import ListView

from articles import fragments, freshness

PAGE_SIZE = 20
MAX_PAGE = 100_000  # beyond any archive; keeps the offset a number databases accept


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


def page_number(value) -> int:
    try:
        return min(max(1, int(value)), MAX_PAGE)
    except (TypeError, ValueError):
        return 1


class KeptByAddress:
    """Its pages show one article, or the articles of one section, tag or author: their
    changes bump the page's own number (articles/changes.py), others leave it cached."""

    def render_to_response(self, context, **kwargs):
        return freshness.kept_by_address(super().render_to_response(context, **kwargs))


class UncountedPages:
    """A ListView's pages read without counting the rows."""

    paginate_by = PAGE_SIZE

    def paginate_queryset(self, queryset, page_size):
        number = page_number(self.request.GET.get(self.page_kwarg))
        rows = list(queryset[(number - 1) * page_size : number * page_size + 1])
        if not rows and number > 1:
            number = max(1, math.ceil(queryset.count() / page_size))
            rows = list(queryset[(number - 1) * page_size : number * page_size + 1])
        return archive_page(rows, number, page_size)


class PublishedListView(UncountedPages, ListView):
    """A public list of cards, paged; its queryset comes from articles/queries.py."""

    context_object_name = "articles"
    heading_level = 3  # the cards' headings: one below the page's own
    eager_cards = 2  # the cards whose pictures are on the first screen, at once

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.setdefault("cards", self.cards(context["object_list"]))
        return context

    def cards(self, articles) -> list[str]:
        return fragments.cards(articles, self.heading_level, self.eager_cards)


def archive_page(rows, number, page_size):
    """What ListView.paginate_queryset returns, from a page's rows and the one beyond."""
    page = ArchivePage(rows[:page_size], number, has_next=len(rows) > page_size)
    return None, page, page.object_list, page.has_other_pages()
