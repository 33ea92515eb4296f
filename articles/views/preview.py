"""An unpublished article shown through a secret link to someone without an account."""

from django.http import Http404
from django.shortcuts import render
from django.views.decorators.cache import never_cache

from articles.html.stored import render_parts
from articles.models import Article, PreviewLink


@never_cache
def preview_link(request, token):
    # Wrong, expired, revoked, or the article now published: exactly like a missing page.
    link = PreviewLink.objects.usable().filter(token=token).first()
    if link is None:
        raise Http404
    article = Article.objects.select_related("section").get(pk=link.article_id)
    head, main, _lead = render_parts(article)  # never stored: readers never see it
    context = {"article": article, "head": head, "main": main, "is_preview": True}
    response = render(request, "articles/article_detail.html", context)
    response["X-Robots-Tag"] = "noindex, nofollow"
    response["Referrer-Policy"] = "no-referrer"
    response["Cache-Control"] = "private, no-store"
    return response
