"""The editors' article list at archive size: searched through the site's full-text index,
paged without counting the whole table, reading only the columns it shows."""

from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.contrib.admin.views.main import PAGE_VAR, ChangeList
from django.core.paginator import InvalidPage, Paginator
from django.db import connection
from django.db.models import Case, Count, IntegerField, Q, Value, When, Window
from django.utils.functional import cached_property
from django.utils.html import format_html
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from articles import search
from articles.admin.filters import AuthorPicker
from articles.queries import SEARCH_FIELDS

UNSHOWN = ("body", "body_text", *SEARCH_FIELDS)  # the text and its search fields
EXACT_FIRST = "desk_exact_first"  # an annotation: the id or the very headline searched for
TOTAL = "desk_total"  # an annotation: how many articles a search found
ESTIMATED_FROM = 10_000  # rows; below, a count is quick and exact


class EstimatedPaginator(Paginator):
    """The whole table's size from PostgreSQL's statistics (ANALYZE keeps them); a search's
    from the query that reads its page; an exact count for anything else filtered or small."""

    estimated = False
    searched_page = None  # the page a search asks for, read with the matches' total
    _searched_ids = None

    def validate_number(self, number):
        if not self.count or not self.estimated:  # counted (or empty): Django's checks
            return super().validate_number(number)
        return self._whole(number)

    def page(self, number):
        """As Paginator's, but an estimate never cuts a page short: it may fall short."""
        if self._searched_ids is not None and number == self.searched_page:
            found = self.object_list.order_by().filter(pk__in=self._searched_ids).in_bulk()
            rows = [found[pk] for pk in self._searched_ids if pk in found]
            return self._get_page(rows, self.validate_number(number), self)
        if not self.estimated:
            return super().page(number)
        number = self.validate_number(number)
        bottom = (number - 1) * self.per_page
        return self._get_page(self.object_list[bottom : bottom + self.per_page], number, self)

    @staticmethod
    def _whole(number) -> int:
        if not str(number).isdecimal() or int(number) < 1:
            raise InvalidPage(_("That page number is not a whole number from 1."))
        return int(number)

    @cached_property
    def count(self):
        query = getattr(self.object_list, "query", None)
        if query is not None and not query.where and connection.vendor == "postgresql":
            table = self.object_list.model._meta.db_table
            with connection.cursor() as cursor:
                cursor.execute("SELECT reltuples FROM pg_class WHERE oid = %s::regclass", [table])
                row = cursor.fetchone()
            if row and row[0] >= ESTIMATED_FROM:
                self.estimated = True
                return int(row[0])
        if self.searched_page is not None:
            total = self._read_searched_page()
            if total is not None:
                return total
        return super().count

    def _read_searched_page(self) -> int | None:
        """The asked page's ids with the matches' total, in one pass over the matches: their
        ids alone go through the sort, then the page's 50 rows are read."""
        bottom = (self.searched_page - 1) * self.per_page
        read = self.object_list.prefetch_related(None).annotate(**{TOTAL: Window(Count("pk"))})
        rows = list(read.values_list("pk", TOTAL)[bottom : bottom + self.per_page])
        if not rows:  # past the last page: counted apart
            return None
        self._searched_ids = [pk for pk, _ in rows]
        return rows[0][1]


class DeskChangeList(ChangeList):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Django carries the search and filters into each row's link by resolving that link
        # again, 50 times; a change form's link carries them as they are.
        self.row_filters, self.preserved_filters = self.preserved_filters, ""

    def url_for_result(self, result):
        url = super().url_for_result(result)
        return f"{url}?{self.row_filters}" if self.row_filters else url

    def get_results(self, request):
        # The rows shown only: actions read the articles in full (cl.get_queryset).
        self.queryset = self.queryset.defer(*UNSHOWN)
        super().get_results(request)


class DeskListMixin:
    """For ArticleAdmin: the list, its search and its pages."""

    paginator = EstimatedPaginator
    show_full_result_count = False  # "50 results (100,000 in all)" would count them all

    def get_changelist(self, request, **kwargs):
        return DeskChangeList

    def changelist_view(self, request, extra_context=None):
        response = super().changelist_view(request, extra_context)
        context = getattr(response, "context_data", None) or {}
        if "cl" in context:  # the list, not a redirect or an action's own page
            context["media"] += AuthorPicker().media  # its names as typed
        return response

    def get_paginator(self, request, queryset, *args, **kwargs):
        paginator = super().get_paginator(request, queryset, *args, **kwargs)
        # Searched (below): its order leads with an expression, so PostgreSQL reads the matches
        # through the index and sorts them; led by the last change, it would walk them all.
        # Made distinct (a join's duplicates), its rows would be counted before DISTINCT.
        searched = EXACT_FIRST in queryset.query.annotations and not queryset.query.distinct
        asked = request.GET.get(PAGE_VAR, "1")
        if searched and (not asked.isdecimal() or int(asked) >= 1):  # ChangeList reads 1
            paginator.searched_page = int(asked) if asked.isdecimal() else 1
        return paginator

    def action_checkbox(self, obj):
        # As Django's, without rendering a widget's template for each of the 50 rows.
        label = format_html(gettext("Select this object for an action - {}"), str(obj))
        return format_html(
            '<input type="checkbox" name="{}" value="{}" class="action-select" aria-label="{}">',
            ACTION_CHECKBOX_NAME,
            obj.pk,
            label,
        )

    def get_search_results(self, request, queryset, search_term):
        """Its id or its exact headline first, then the articles with every word: through
        the site's index on PostgreSQL (French, accent-blind, headline and standfirst,
        authors and tags weighted above the text); elsewhere, Django's simple search. The
        pickers that complete a few typed letters keep Django's search (whole words only
        here)."""
        term = search.shown_query(search_term)
        picking = getattr(request.resolver_match, "url_name", "") == "autocomplete"
        if not term or picking:
            return super().get_search_results(request, queryset, term)
        by_id = Q(pk=int(term)) if term.isascii() and term.isdigit() and len(term) < 10 else None
        if search.uses_postgres():
            terms = search.words(term)
            found, duplicates = (
                search.matching(queryset, terms) if terms else queryset.none(),
                False,
            )
        else:
            found, duplicates = super().get_search_results(request, queryset, term)
        exact = Q(headline__iexact=term)  # read only on the rows found
        if by_id is not None:
            found = found | queryset.filter(by_id)  # the index, or the primary key: no scan
            exact |= by_id
        first = Case(When(exact, then=Value(1)), default=Value(0), output_field=IntegerField())
        # The list's order is set before its search (ChangeList.get_queryset): put these first.
        ordering = (f"-{EXACT_FIRST}", *queryset.query.order_by)
        return found.annotate(**{EXACT_FIRST: first}).order_by(*ordering), duplicates
