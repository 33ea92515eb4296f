from django.views.generic import ListView

from articles import queries
from articles.views.listing import UncountedPages


class CorrectionsView(UncountedPages, ListView):
    """The latest corrections and updates of published articles, newest first."""

    template_name = "articles/corrections.html"
    context_object_name = "notes"

    def get_queryset(self):
        return queries.latest_notes()
