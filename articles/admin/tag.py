from django.contrib import admin, messages
from django.db.models import Count
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from taggit.models import Tag

from articles.tag_merge import merge_tags
from newsroom.admin_titles import ModelTitlesMixin

# taggit's own admin lists and merges its table's taggings, which hold no article's tags
# (articles.Tagging): its merge would leave every article as it was.
admin.site.unregister(Tag)


@admin.register(Tag)
class TagAdmin(ModelTitlesMixin, admin.ModelAdmin):
    list_display = ["name", "slug", "uses"]
    ordering = ["name", "slug"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}
    actions = ["merge"]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(uses=Count("articles_tagging_items"))

    @admin.display(description=_("articles"), ordering="uses")
    def uses(self, tag):
        return tag.uses

    @admin.action(description=_("Merge into the most used of them"), permissions=["delete"])
    def merge(self, request, queryset):
        count = queryset.count()
        if count < 2:
            self.message_user(request, _("Select at least two tags to merge."), messages.WARNING)
            return
        kept = merge_tags(queryset, request.user)
        self.message_user(
            request,
            ngettext(
                "%(count)d tag merged into “%(kept)s”.",
                "%(count)d tags merged into “%(kept)s”.",
                count - 1,
            )
            % {"count": count - 1, "kept": kept.name},
            messages.SUCCESS,
        )
