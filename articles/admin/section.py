from django.contrib import admin

from articles.models import Section
from newsroom.admin_titles import ModelTitlesMixin


@admin.register(Section)
class SectionAdmin(ModelTitlesMixin, admin.ModelAdmin):
    list_display = ["name", "slug", "position"]
    list_editable = ["position"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}
