"""An unpublished article shown through a secret link to someone without an account."""

from django.http import Http404
from django.shortcuts import render
from django.views.decorators.cache import never_cache

from articles import fragments, templating
from articles.models import Article, PreviewLink
from articles.queries import BYLINES, TAGS


def render_preview(request, article):
    """The article's page as readers would see it, never cached: it is not public."""
    head, main = fragments.render_parts(article)
    parts = {"head": head, "main": fragments.around_live(main)}
    context = {"article": article, **parts, "is_preview": True}
    response = render(request, "articles/article_detail.html", context)
    response["X-Robots-Tag"] = "noindex, nofollow"
    response["Cache-Control"] = "private, no-store"
    if hosts := templating.embed_hosts(main):
        response._csp_update = {"frame-src": hosts}
    return response


@never_cache
def preview_link(request, token):
    # Wrong, expired, revoked, or the article now published: exactly like a missing page.
    link = PreviewLink.objects.usable().filter(token=token).first()
    if link is None:
        raise Http404
    articles = Article.objects.select_related("section", "picture").prefetch_related(BYLINES, TAGS)
    response = render_preview(request, articles.get(pk=link.article_id))
    response["Referrer-Policy"] = "no-referrer"
    return response
