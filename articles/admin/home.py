"""The home page's featured stories and the breaking-news banner, on the desk: editors only
(articles/rules.py), every save and removal through the models' save_by and delete_by.

Featured stories are reordered in their list: each row's order and expiry are editable
there, and saved together, like the sections' menu order.
"""

from django.contrib import admin, messages
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from articles import rules
from articles.models import Article, BreakingNews, FeaturedStory
from articles.models.home import FEATURED_FEWEST
from newsroom.admin_titles import ModelTitlesMixin


class EditorsOnlyAdmin(ModelTitlesMixin, admin.ModelAdmin):
    """Editors see and change these; anyone else gets 403, whatever they post."""

    readonly_fields = ["set_by", "set_at"]

    def has_view_permission(self, request, obj=None):
        return rules.can_arrange_home(request.user)

    has_add_permission = has_change_permission = has_delete_permission = has_view_permission

    def save_model(self, request, obj, form, change):
        obj.save_by(request.user)

    def delete_model(self, request, obj):
        obj.delete_by(request.user)

    def delete_queryset(self, request, queryset):
        for obj in queryset:
            obj.delete_by(request.user)


@admin.register(FeaturedStory)
class FeaturedStoryAdmin(EditorsOnlyAdmin):
    list_display = ["article", "position", "until", "on_home_page", "set_by"]
    list_display_links = ["article"]
    list_editable = ["position", "until"]
    list_select_related = ["article", "set_by"]
    autocomplete_fields = ["article"]
    fields = ["article", "position", "until", "set_by", "set_at"]

    @admin.display(boolean=True, description=_("on the home page"))
    def on_home_page(self, featured):
        return featured.is_shown

    def changelist_view(self, request, extra_context=None):
        if request.method == "GET" and self.has_view_permission(request):
            self.warn_if_few(request)
        return super().changelist_view(request, extra_context)

    def warn_if_few(self, request):
        public = Article.objects.published()
        shown = FeaturedStory.objects.current().filter(article__in=public).count()
        if shown < FEATURED_FEWEST:
            messages.warning(
                request,
                ngettext(
                    "The home page shows %(count)d featured story: it is laid out for three "
                    "to five.",
                    "The home page shows %(count)d featured stories: it is laid out for three "
                    "to five.",
                    shown,
                )
                % {"count": shown},
            )


@admin.register(BreakingNews)
class BreakingNewsAdmin(EditorsOnlyAdmin):
    list_display = ["text", "is_on", "until", "on_every_page", "set_by", "set_at"]
    list_select_related = ["set_by"]
    fields = ["text", "link", "is_on", "until", "set_by", "set_at"]

    @admin.display(boolean=True, description=_("on every page"))
    def on_every_page(self, banner):
        return banner.is_shown
