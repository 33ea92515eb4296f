"""An unpublished article shown through a secret link to someone without an account."""

from django.http import Http404
from django.shortcuts import render
from django.views.decorators.cache import never_cache

from articles.models import Article, PreviewLink
from articles.models.page import load_authors_and_tags


@never_cache
def preview_link(request, token):
    # Wrong, expired, revoked, or the article now published: exactly like a missing page.
    link = PreviewLink.objects.usable().filter(token=token).first()
    if link is None:
        raise Http404
    article = Article.objects.select_related("section").get(pk=link.article_id)
    load_authors_and_tags(article)
    response = render(
        request, "articles/article_detail.html", {"article": article, "is_preview": True}
    )
    response["X-Robots-Tag"] = "noindex, nofollow"
    response["Referrer-Policy"] = "no-referrer"
    response["Cache-Control"] = "private, no-store"
    return response
