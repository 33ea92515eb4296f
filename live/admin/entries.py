"""Posted entries on the desk: listed for the Live group, changed and deleted by editors
through the entry's own methods (each change kept in the history)."""

from django.contrib import admin

from live import rules
from live.admin.forms import EntryChangeForm
from live.models import LiveEntry
from newsroom.admin_titles import ModelTitlesMixin


@admin.register(LiveEntry)
class LiveEntryAdmin(ModelTitlesMixin, admin.ModelAdmin):
    form = EntryChangeForm
    list_display = ["__str__", "coverage", "posted_at", "author", "is_key_event", "is_pinned"]
    list_filter = [("coverage", admin.RelatedOnlyFieldListFilter), "is_key_event", "is_pinned"]
    list_select_related = ["coverage__article", "author"]
    search_fields = ["title", "body"]
    date_hierarchy = "posted_at"
    readonly_fields = ["coverage", "posted_at", "author", "corrected_at", "earlier_body"]

    def get_fields(self, request, obj=None):
        fields = ["coverage", "posted_at", "author", "title", "body", "is_key_event", "is_pinned"]
        if obj is not None and self.has_change_permission(request, obj):
            fields.append("is_correction")
        return [*fields, "corrected_at", "earlier_body"]

    # Entries are posted from their coverage's page (one step, at once), never added here.
    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return rules.can_change_entries(request.user)

    def has_delete_permission(self, request, obj=None):
        return rules.can_change_entries(request.user)

    def save_model(self, request, obj, form, change):
        stored = LiveEntry.objects.get(pk=obj.pk)
        values = {name: form.cleaned_data[name] for name in EntryChangeForm.Meta.fields}
        if form.cleaned_data.get("is_correction"):
            stored.correct_by(request.user, **values)
        else:
            stored.edit_by(request.user, **values)

    def delete_model(self, request, obj):
        obj.delete_by(request.user)

    def delete_queryset(self, request, queryset):
        for entry in queryset:
            entry.delete_by(request.user)
