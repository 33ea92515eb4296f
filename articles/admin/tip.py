from django.contrib import admin

from articles.models import Tip
from newsroom.admin_titles import ModelTitlesMixin


@admin.register(Tip)
class TipAdmin(ModelTitlesMixin, admin.ModelAdmin):
    list_display = ["created_at", "name", "contact", "short_message", "handled"]
    list_filter = ["handled"]
    list_editable = ["handled"]
    search_fields = ["message", "name", "contact"]
    date_hierarchy = "created_at"
    readonly_fields = ["name", "contact", "message", "created_at"]

    def has_add_permission(self, request):
        return False  # tips come from readers only

    @admin.display(description=Tip._meta.get_field("message").verbose_name)
    def short_message(self, tip):
        return tip.message[:120]
