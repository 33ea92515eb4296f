"""Working together on one article: who is editing it, taking over, and preview links."""

from datetime import timedelta

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse, HttpResponseRedirect, JsonResponse
from django.shortcuts import get_object_or_404
from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from articles import rules
from articles.models import EditSession, PreviewLink
from newsroom.admin_titles import ModelTitlesMixin

MAX_PREVIEW_HOURS = 24 * 14


class CollaborationViewsMixin:
    def collaboration_urls(self):
        view = self.admin_site.admin_view
        return [
            path(
                "<int:object_id>/editing/",
                view(require_POST(self.editing_view)),
                name="articles_article_editing",
            ),
            path(
                "<int:object_id>/editing/leave/",
                view(require_POST(self.leave_view)),
                name="articles_article_editing_leave",
            ),
            path(
                "<int:object_id>/take-over/",
                view(require_POST(self.take_over_view)),
                name="articles_article_take_over",
            ),
            path(
                "<int:object_id>/preview-links/new/",
                view(require_POST(self.new_preview_link_view)),
                name="articles_article_new_preview_link",
            ),
            path(
                "preview-links/<int:link_id>/revoke/",
                view(require_POST(self.revoke_preview_link_view)),
                name="articles_article_revoke_preview_link",
            ),
        ]

    def _editable(self, request, object_id):
        article = get_object_or_404(self.get_queryset(request), pk=object_id)
        if not rules.can_edit(request.user, article):
            raise PermissionDenied
        return article

    def editing_view(self, request, object_id):
        """The open form checks in: still yours, or did someone take over?"""
        article = self._editable(request, object_id)
        other = EditSession.open_or_report(article, request.user)
        return JsonResponse(
            {
                "mine": other is None,
                "holder": _holder(other) if other else "",
                "since": _since(other),
            }
        )

    def leave_view(self, request, object_id):
        """The page was closed or left: the others stop seeing this person as editing."""
        article = get_object_or_404(self.get_queryset(request), pk=object_id)
        EditSession.end(article, request.user)
        return HttpResponse(status=204)

    def take_over_view(self, request, object_id):
        article = self._editable(request, object_id)
        if not rules.is_editor(request.user):
            raise PermissionDenied
        EditSession.take_over(article, request.user)
        messages.success(request, _("You now have this article; the other person has been told."))
        return HttpResponseRedirect(reverse("admin:articles_article_change", args=[article.pk]))

    def new_preview_link_view(self, request, object_id):
        article = get_object_or_404(self.get_queryset(request), pk=object_id)
        if not rules.can_share_preview(request.user, article):
            raise PermissionDenied
        try:
            hours = min(max(int(request.POST.get("hours", "48")), 1), MAX_PREVIEW_HOURS)
        except ValueError:
            hours = 48
        link = PreviewLink.objects.create(
            article=article,
            note=request.POST.get("note", "")[:200],
            created_by=request.user,
            expires_at=timezone.now() + timedelta(hours=hours),
        )
        messages.success(
            request,
            _("Preview link created: %(url)s")
            % {"url": request.build_absolute_uri(link.get_absolute_url())},
        )
        return HttpResponseRedirect(reverse("admin:articles_article_change", args=[article.pk]))

    def revoke_preview_link_view(self, request, link_id):
        link = get_object_or_404(PreviewLink, pk=link_id)
        link.revoke_by(request.user)
        messages.success(request, _("The preview link is revoked."))
        return HttpResponseRedirect(
            reverse("admin:articles_article_change", args=[link.article_id])
        )


def _holder(session):
    return session.user.get_full_name() or session.user.get_username()


def _since(session):
    return timezone.localtime(session.since).strftime("%H:%M") if session else ""


@admin.register(PreviewLink)
class PreviewLinkAdmin(ModelTitlesMixin, admin.ModelAdmin):
    list_display = ["article", "note", "created_by", "created_at", "expires_at", "revoked_at"]
    list_select_related = ["article", "created_by"]
    list_filter = ["revoked_at"]
    readonly_fields = ["article", "token", "created_by", "created_at", "revoked_at"]  # final
    fields = ["article", "note", "token", "created_by", "created_at", "expires_at", "revoked_at"]
    actions = ["revoke"]

    def has_add_permission(self, request):
        return False  # links are made from the article's page

    def has_module_permission(self, request):
        return rules.is_editor(request.user)

    def has_view_permission(self, request, obj=None):
        return rules.is_editor(request.user)

    def has_change_permission(self, request, obj=None):
        return rules.is_editor(request.user)

    def has_delete_permission(self, request, obj=None):
        return rules.is_editor(request.user)

    def get_readonly_fields(self, request, obj=None):
        if obj is not None and not obj.is_usable:  # a spent link stays spent: no new expiry
            return [*self.readonly_fields, "expires_at"]
        return self.readonly_fields

    @admin.action(description=_("Revoke the selected links"))
    def revoke(self, request, queryset):
        for link in queryset.filter(revoked_at__isnull=True):
            link.revoke_by(request.user)
