"""Short, language-neutral article addresses for messages where every character counts
(WhatsApp): /a/<id> leads to the article's page while it is public."""

from django.http import HttpResponsePermanentRedirect
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.views.decorators.http import require_safe

from articles.models import Article
from newsroom.absolute import absolute


def short_url(article) -> str:
    return absolute(reverse("short-link", args=[article.pk]))


@require_safe
def short_link(request, pk: int):
    # Only what the address needs: the body and search vector stay in the database.
    article = get_object_or_404(Article.objects.published().only("slug", "status"), pk=pk)
    return HttpResponsePermanentRedirect(absolute(article.get_absolute_url()))
