from urllib.parse import urlsplit

from django.conf import settings
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.storage import default_storage
from django.http import HttpResponseRedirect, JsonResponse
from django.shortcuts import get_object_or_404
from django.template.loader import render_to_string
from django.urls import path, reverse
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from django.utils.html import format_html, format_html_join
from django.utils.timezone import get_current_timezone, is_naive, make_aware
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST

from articles import embeds, metadata, revisions, rules, workflow
from articles.admin import unpublish
from articles.admin.autosave import AutosaveViewsMixin
from articles.admin.bylines import BylineInline
from articles.admin.collaboration import CollaborationViewsMixin
from articles.admin.corrections import NoteInline, NoteLogMixin
from articles.admin.desk_list import DeskListMixin
from articles.admin.filters import AuthorFilter, PopularTagFilter, StateFilter
from articles.admin.pictures import picture_preview, picture_thumbnail
from articles.admin.revisions import RevisionViewsMixin
from articles.forms import ArticleAdminForm
from articles.models import Article, Byline, EditSession, Picture
from articles.queries import BYLINES, TAGS
from articles.views.preview import render_preview
from authors.models import Author
from newsroom.admin_titles import ModelTitlesMixin


@admin.register(Article)
class ArticleAdmin(
    ModelTitlesMixin,
    RevisionViewsMixin,
    AutosaveViewsMixin,
    CollaborationViewsMixin,
    NoteLogMixin,
    DeskListMixin,
    admin.ModelAdmin,
):
    form = ArticleAdminForm
    inlines = [BylineInline, NoteInline]
    list_display = [
        "thumbnail",
        "headline",
        "state_badge",
        "section",
        "byline",
        "published_at",
        "updated_at",
    ]
    list_display_links = ["headline"]  # a picture link would have no words to read out
    list_select_related = ["section", "picture"]
    autocomplete_fields = ["picture"]
    list_filter = [StateFilter, "section", AuthorFilter, PopularTagFilter, "published_at"]
    # PostgreSQL searches the site's index instead (DeskListMixin.get_search_results).
    search_fields = ["headline", "standfirst", "bylines__author__display_name", "tags__name"]
    list_per_page = 50
    ordering = ["-updated_at"]
    fieldsets = [
        (None, {"fields": ["headline", "slug", "standfirst", "body", "started_version"]}),
        (_("Filing"), {"fields": ["section", "tags", "language"]}),
        (
            _("Featured image"),
            {
                "fields": [
                    "picture",
                    "new_picture",
                    "image_preview",
                    "image_alt",
                    "image_caption",
                    "image_credit",
                ],
                "description": _(
                    "Alternative text, caption and credit come from the library when a "
                    "picture is chosen; change them here for this article only."
                ),
            },
        ),
        (_("When shared"), {"fields": ["social_card"]}),
        (
            _("Search and social"),
            {
                "classes": ["collapse"],
                "fields": [
                    "seo_title",
                    "meta_description",
                    "social_title",
                    "social_description",
                    "canonical_url",
                ],
                "description": _(
                    "What search engines and shared links show in place of the headline and "
                    "the standfirst. Leave a field empty to use them."
                ),
            },
        ),
        (_("Publication"), {"fields": ["published_at", "is_lead"]}),
    ]
    actions = ["publish_selected", "unpublish_selected"]

    # --- what each user sees and may do: every answer comes from articles.rules ----------
    def get_queryset(self, request):
        return super().get_queryset(request).visible_to(request.user).prefetch_related(BYLINES)

    def has_view_permission(self, request, obj=None):
        if obj is None:
            return super().has_view_permission(request)
        return rules.can_view(request.user, obj)

    def has_change_permission(self, request, obj=None):
        if obj is None:
            return super().has_change_permission(request)
        return rules.can_edit(request.user, obj)

    def has_delete_permission(self, request, obj=None):
        if obj is None:
            return super().has_delete_permission(request)
        return rules.can_delete(request.user, obj)

    def has_publish_permission(self, request):
        return rules.is_editor(request.user)

    def get_readonly_fields(self, request, obj=None):
        readonly = ["image_preview", "social_card", *rules.protected_fields(request.user)]
        if obj is not None and obj.first_published_at:
            readonly.append("slug")
        return readonly

    def get_prepopulated_fields(self, request, obj=None):
        if obj is not None and obj.first_published_at:
            return {}
        return {"slug": ["headline"]}

    # --- saving: through the model's rules ----------------------------------------------
    def save_model(self, request, obj, form, change):
        upload = form.cleaned_data.get("new_picture")
        if upload:
            obj.picture = Picture.upload_by(
                request.user,
                upload,
                title=obj.headline,
                alt_text=obj.image_alt,
                caption=obj.image_caption,
                credit=obj.image_credit,
            )
        workflow.save_by(obj, request.user)
        revisions.drop_autosave(obj, request.user)  # saved: what it kept is spent

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        article = form.instance
        # A journalist always stays on their own article's byline, or they would lose it;
        # anyone's new article with no byline gets its writer's.
        if not rules.is_editor(request.user) or not (change or article.bylines.exists()):
            own = Author.for_user(request.user)
            if not article.bylines.filter(author=own).exists():
                position = article.bylines.count()
                Byline.objects.create(article=article, author=own, position=position)

    def delete_queryset(self, request, queryset):
        for article in queryset:
            if not rules.can_delete(request.user, article):
                raise PermissionDenied
        super().delete_queryset(request, queryset)

    def delete_model(self, request, obj):
        if not rules.can_delete(request.user, obj):
            raise PermissionDenied
        super().delete_model(request, obj)

    def response_add(self, request, obj, post_url_continue=None):
        if "_transition" in request.POST:
            return self._transition_response(request, obj)
        return super().response_add(request, obj, post_url_continue)

    def response_change(self, request, obj):
        if "_transition" in request.POST:
            return self._transition_response(request, obj)
        return super().response_change(request, obj)

    # --- the workflow --------------------------------------------------------------------
    def get_urls(self):
        urls = [
            path(
                "<int:object_id>/transition/",
                self.admin_site.admin_view(require_POST(self.transition_view)),
                name="articles_article_transition",
            ),
            path(
                "<int:object_id>/unpublish/",
                self.admin_site.admin_view(self.unpublish_view),
                name="articles_article_unpublish",
            ),
            path(
                "embed/",
                self.admin_site.admin_view(self.embed_view),
                name="articles_article_embed",
            ),
            path(
                "<int:object_id>/preview/",
                self.admin_site.admin_view(self.preview_view),
                name="articles_article_preview",
            ),
        ]
        return [
            *urls,
            *self.revision_urls(),
            *self.autosave_urls(),
            *self.collaboration_urls(),
            *super().get_urls(),
        ]

    def embed_view(self, request):
        """What the body editor's embed button inserts for an address: JSON."""
        if not self.has_view_permission(request):
            raise PermissionDenied
        embed = embeds.from_address(request.GET.get("address", ""))
        if embed is None:
            error = _("This address is not a video or post the site can show. Paste its link.")
            return JsonResponse({"error": error}, status=400)
        return JsonResponse({"embed": embed.value, "site": embed.provider.label})

    def transition_view(self, request, object_id):
        article = get_object_or_404(self.get_queryset(request), pk=object_id)
        return self._transition_response(request, article)

    def unpublish_view(self, request, object_id):
        return unpublish.confirm_view(self, request, object_id)

    def _transition_response(self, request, article):
        name = request.POST.get("_transition", "")
        started_from = request.POST.get("_version", "")
        if started_from.isdigit() and int(started_from) != article.version:
            messages.error(
                request,
                _(
                    "This article changed since you opened it (%(change)s): nothing was done. "
                    "Check it, then try again."
                )
                % {"change": workflow.last_change(article)},
            )
            return HttpResponseRedirect(reverse("admin:articles_article_change", args=[article.pk]))
        when = _parse_local_datetime(request.POST.get("_publish_at", ""))
        try:
            step = workflow.apply_transition(
                article, name, request.user, request.POST.get("_comment", ""), when
            )
        except (workflow.WorkflowError, ValidationError) as error:
            for message in _error_messages(error):
                messages.error(request, message)
        else:
            messages.success(
                request,
                _("“%(headline)s”: %(action)s done.")
                % {"headline": article.headline, "action": workflow.ACTIONS[step.name].label},
            )
        return HttpResponseRedirect(reverse("admin:articles_article_change", args=[article.pk]))

    def preview_view(self, request, object_id):
        queryset = self.get_queryset(request).select_related("section").prefetch_related(TAGS)
        article = get_object_or_404(queryset, pk=object_id)
        if not rules.can_view(request.user, article):
            raise PermissionDenied
        return render_preview(request, article)

    def view_on_site(self, article):
        """The desk's "view on site": the public page once readers see it, its preview before."""
        if article.is_public:
            return article.get_absolute_url()
        return reverse("admin:articles_article_preview", args=[article.pk])

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        extra_context = extra_context or {}
        if object_id:
            article = self.get_object(request, object_id)
            if article is not None:
                extra_context.update(self._workflow_context(request, article))
        return super().changeform_view(request, object_id, form_url, extra_context)

    def _preview_links(self, article):
        usable = set(article.preview_links.usable().values_list("pk", flat=True))
        links = list(article.preview_links.select_related("created_by"))
        for link in links:
            link.opens = link.pk in usable
        return links

    def _workflow_context(self, request, article):
        other_editor = None
        if request.method == "GET" and rules.can_edit(request.user, article):
            other_editor = EditSession.open(article, request.user)
        return {
            "other_editor": other_editor,
            "can_take_over": other_editor is not None and rules.is_editor(request.user),
            "can_see_revisions": rules.can_see_revisions(request.user, article),
            "preview_links": self._preview_links(article)
            if rules.can_revoke_preview(request.user)
            else None,
            "can_share_preview": rules.can_share_preview(request.user, article),
            "article_version": article.version,
            "autosave": self._autosave_context(request, article),
            "workflow_actions": workflow.available_actions(article, request.user),
            "workflow_history": article.transitions.select_related("user"),
            "workflow_inside_form": rules.can_edit(request.user, article),
            "article_state": article.state_label,
            "TIME_ZONE_NAME": timezone.get_current_timezone_name(),
            "preview_url": reverse("admin:articles_article_preview", args=[article.pk]),
            "transition_url": reverse("admin:articles_article_transition", args=[article.pk]),
        }

    @admin.action(description=_("Publish the selected articles now"), permissions=["publish"])
    def publish_selected(self, request, queryset):
        self._bulk_transition(request, queryset, "publish")

    @admin.action(description=_("Unpublish the selected articles"), permissions=["publish"])
    def unpublish_selected(self, request, queryset):
        # "post" marks the confirmation page's answer, as in Django's delete_selected.
        form = unpublish.ReasonForm(request.POST if "post" in request.POST else None)
        if not form.is_valid():
            return unpublish.bulk_confirmation(self, request, queryset, form)
        self._bulk_transition(request, queryset, "unpublish", form.cleaned_data["reason"])

    def _bulk_transition(self, request, queryset, name, comment=""):
        done = 0
        for article in queryset:
            try:
                workflow.apply_transition(article, name, request.user, comment)
                done += 1
            except (workflow.WorkflowError, ValidationError) as error:
                messages.warning(request, f"{article.headline}: {' '.join(_error_messages(error))}")
        if done:
            messages.success(request, _("%(count)d article(s) updated.") % {"count": done})

    # --- pictures ------------------------------------------------------------------------
    class Media:
        js = ["newsroom/editing.js", "newsroom/counters.js", "newsroom/names.js"]

    @admin.display(description=_("picture"))
    def thumbnail(self, article):
        return picture_thumbnail(article.picture) if article.picture_id else ""

    @admin.display(description=_("preview"))
    def image_preview(self, article):
        if not article.picture_id:
            return _("No image yet.")
        return picture_preview(article.picture, alt=article.image_alt, focal_editable=False)

    @admin.display(description=_("shared link preview"))
    def social_card(self, article):
        card = (article.images or {}).get("crops", {}).get("og")
        return render_to_string(
            "admin/articles/article/social_card.html",
            {
                "title": metadata.shared_title(article),
                "description": metadata.shared_description(article),
                "image_url": default_storage.url(card[3]) if card else "",
                "warnings": article.social_card_warnings(),
                "site_name": settings.SITE_NAME,
                "domain": urlsplit(settings.SITE_URL).netloc,
            },
        )

    # --- the list ------------------------------------------------------------------------
    @admin.display(description=_("state"), ordering="status")
    def state_badge(self, article):
        return format_html(
            '<span class="state state-{}">{}</span>', article.state, article.state_label
        )

    @admin.display(description=_("authors"))
    def byline(self, article):
        return format_html_join(
            ", ", "{}", ((b.author.display_name,) for b in article.bylines.all())
        )


def _error_messages(error) -> list[str]:
    return [str(m) for m in getattr(error, "messages", [error])]


def _parse_local_datetime(value):
    """A `datetime-local` input, read in the site's time zone."""
    try:
        parsed = parse_datetime(value.strip())
    except ValueError:
        return None
    if parsed is not None and is_naive(parsed):
        parsed = make_aware(parsed, get_current_timezone())
    return parsed
