"""The desk's revision history: list, side-by-side comparison, and restoring one."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from articles import revisions, rules, tagging, workflow
from articles.models import Article, Byline, Picture, Revision, Section


class RevisionViewsMixin:
    def revision_urls(self):
        view = self.admin_site.admin_view
        return [
            path(
                "<int:object_id>/revisions/",
                view(self.revisions_view),
                name="articles_article_revisions",
            ),
            path(
                "<int:object_id>/revisions/compare/",
                view(self.compare_view),
                name="articles_article_compare",
            ),
            path(
                "<int:object_id>/revisions/<int:number>/restore/",
                view(require_POST(self.restore_view)),
                name="articles_article_restore",
            ),
        ]

    def _article_for_history(self, request, object_id):
        article = get_object_or_404(self.get_queryset(request), pk=object_id)
        if not rules.can_see_revisions(request.user, article):
            raise PermissionDenied
        return article

    def revisions_view(self, request, object_id):
        article = self._article_for_history(request, object_id)
        history = list(article.revisions.select_related("user", "approved_by"))
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "original": article,
            "title": _("Revisions of “%(headline)s”") % {"headline": article.headline},
            "revisions": history,
            "can_restore": rules.can_edit(request.user, article),
        }
        return TemplateResponse(request, "admin/articles/article/revisions.html", context)

    def compare_view(self, request, object_id):
        article = self._article_for_history(request, object_id)
        numbers = [request.GET.get("a", ""), request.GET.get("b", "")]
        if not all(n.isdigit() for n in numbers):
            raise Http404
        found = {
            r.number: r for r in article.revisions.filter(number__in=numbers).select_related("user")
        }
        if len(found) != len(set(numbers)):
            raise Http404
        old, new = sorted((found[int(numbers[0])], found[int(numbers[1])]), key=lambda r: r.number)
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "original": article,
            "title": _("Revision %(a)s compared with revision %(b)s")
            % {"a": old.number, "b": new.number},
            "old": old,
            "new": new,
            "rows": revisions.compare(old.data, new.data),
            "media_rows": revisions.media_rows(old.data, new.data),
        }
        return TemplateResponse(request, "admin/articles/article/compare.html", context)

    def restore_view(self, request, object_id, number):
        article = self._article_for_history(request, object_id)
        revision = get_object_or_404(Revision, article=article, number=number)
        if not rules.can_edit(request.user, article):
            raise PermissionDenied
        try:
            dropped = restore(article, revision, request.user)
        except ValidationError as error:
            for message in error.messages:
                messages.error(request, message)
        else:
            messages.success(
                request, _("Revision %(n)s restored as a new revision.") % {"n": number}
            )
            if dropped:
                left_out = ngettext(
                    "%(count)s picture in the restored text had been deleted from the library: "
                    "it was left out.",
                    "%(count)s pictures in the restored text had been deleted from the library: "
                    "they were left out.",
                    dropped,
                )
                messages.warning(request, left_out % {"count": dropped})
        return HttpResponseRedirect(reverse("admin:articles_article_change", args=[article.pk]))


@transaction.atomic
def restore(article: Article, revision: Revision, user) -> int:
    """Put a revision's content back, through the same rules as any save (a new revision);
    returns how many pictures of its text were left out, deleted from the library since."""
    data = revision.data
    for field in (
        "headline",
        "standfirst",
        "body",
        "language",
        "image_alt",
        "image_caption",
        "image_credit",
        "seo_title",
        "meta_description",
        "social_title",
        "social_description",
        "canonical_url",
    ):
        setattr(article, field, data.get(field, getattr(article, field)))
    # The save links the text's pictures (article.body_pictures) to what it now shows.
    article.body, dropped = revisions.without_deleted_pictures(article.body)
    if not article.first_published_at:
        article.slug = data.get("slug") or article.slug
    if Section.objects.filter(pk=data.get("section_id")).exists():
        article.section_id = data["section_id"]
    kept = data.get("picture_id", article.picture_id)  # a picture since deleted stays as is
    if kept is None or Picture.objects.filter(pk=kept).exists():
        article.picture_id = kept
    workflow.save_by(article, user)
    author_ids = [pk for pk in data.get("author_ids", []) if pk]
    if author_ids:
        article.bylines.exclude(author_id__in=author_ids).delete()
        for position, author_id in enumerate(author_ids):
            Byline.objects.update_or_create(
                article=article, author_id=author_id, defaults={"position": position}
            )
    tagging.set_tags(article, data.get("tags", []))
    return dropped
