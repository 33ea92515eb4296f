"""Autosave: the open form keeps what someone types on the server, at most every
AUTOSAVE_SECONDS, without saving the article; reopening it offers that text back."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.http import HttpResponse, HttpResponseBadRequest, JsonResponse
from django.shortcuts import get_object_or_404
from django.urls import path, reverse
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from articles import revisions, rules
from articles.models import Article


class AutosaveViewsMixin:
    def autosave_urls(self):
        view = self.admin_site.admin_view
        return [
            path(
                "<int:object_id>/autosave/",
                view(require_POST(self.autosave_view)),
                name="articles_article_autosave",
            ),
            path(
                "<int:object_id>/autosave/discard/",
                view(require_POST(self.discard_autosave_view)),
                name="articles_article_discard_autosave",
            ),
        ]

    def autosave_view(self, request, object_id):
        """Keep the form's text as this person's autosave: JSON with the time it was kept."""
        article = get_object_or_404(Article.objects.visible_to(request.user), pk=object_id)
        try:
            kept_at = revisions.autosave(article, request.user, request.POST)
        except ValidationError as error:
            return JsonResponse({"errors": error.message_dict}, status=400)
        if kept_at is None:
            refusal = _("Text already kept less than %(seconds)s seconds ago.")
            return JsonResponse(
                {"error": refusal % {"seconds": settings.AUTOSAVE_SECONDS}},
                status=429,
                headers={"Retry-After": str(settings.AUTOSAVE_SECONDS)},
            )
        return JsonResponse(
            {
                "saved_at": kept_at.isoformat(),
                "time": formats.time_format(timezone.localtime(kept_at)),
            }
        )

    def discard_autosave_view(self, request, object_id):
        """The offer's "Ignore": that autosave is set aside."""
        article = get_object_or_404(Article.objects.visible_to(request.user), pk=object_id)
        autosave_id = request.POST.get("autosave", "")
        if not (autosave_id.isascii() and autosave_id.isdigit() and len(autosave_id) < 19):
            return HttpResponseBadRequest()
        revisions.discard_autosave(article, request.user, int(autosave_id))
        return HttpResponse(status=204)

    def _autosave_context(self, request, article):
        """What the change form needs to keep autosaves and offer one back; None for whoever
        may not edit the article."""
        if not rules.can_edit(request.user, article):
            return None
        return {
            "url": reverse("admin:articles_article_autosave", args=[article.pk]),
            "discard_url": reverse("admin:articles_article_discard_autosave", args=[article.pk]),
            "seconds": settings.AUTOSAVE_SECONDS,
            # A form sent back with errors holds that person's text already.
            "offer": revisions.autosave_offer(article, request.user)
            if request.method == "GET"
            else None,
        }
