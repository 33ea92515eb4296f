"""Lists of published articles: never an error for a bad ?page= value."""

from django.views.generic import ListView

from articles.models import Article

PAGE_SIZE = 20


class PublishedListView(ListView):
    """Every public list starts from Article.objects.published(), the one door."""

    paginate_by = PAGE_SIZE
    context_object_name = "articles"

    def published(self):
        return Article.objects.published().for_listing()

    def paginate_queryset(self, queryset, page_size):
        paginator = self.get_paginator(queryset, page_size)
        # get_page turns "abc", "-1" and "99999" into the nearest real page.
        page = paginator.get_page(self.request.GET.get(self.page_kwarg))
        return paginator, page, page.object_list, page.has_other_pages()
