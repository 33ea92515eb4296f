"""The desk's view of imports: each run with its report, and the old addresses it kept.

Runs are written by the command only: nobody adds, changes or deletes one here. Old
addresses are listed with their uses; editors add one or change where it leads
(importer/rules.py), and cached answers are forgotten once the change commits.
"""

from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from importer import legacy, rules
from importer.models import ImportRun, LegacyAddress
from newsroom.admin_titles import TITLES, ModelTitlesMixin, Titles

# Until newsroom/admin_titles.py lists them: the same titles, written whole.
OWN_TITLES = {
    "importer.legacyaddress": Titles(
        _("Add old address"), _("Change old address"), _("View old address")
    ),
    "importer.importrun": Titles(_("Add import run"), _("Change import run"), _("View import run")),
}


class TitledAdmin(ModelTitlesMixin, admin.ModelAdmin):
    def __init__(self, model, admin_site):
        admin.ModelAdmin.__init__(self, model, admin_site)
        label = model._meta.label_lower
        self.titles = TITLES.get(label) or OWN_TITLES[label]


@admin.register(LegacyAddress)
class LegacyAddressAdmin(TitledAdmin):
    list_display = ["key", "destination", "uses", "last_used_at"]
    list_select_related = ["article"]
    search_fields = ["key", "target", "article__headline"]
    fields = ["key", "article", "target", "uses", "last_used_at"]
    readonly_fields = ["uses", "last_used_at"]
    raw_id_fields = ["article"]

    def has_add_permission(self, request):
        return super().has_add_permission(request) and self._may_change(request)

    def has_change_permission(self, request, obj=None):
        return super().has_change_permission(request, obj) and self._may_change(request)

    def has_delete_permission(self, request, obj=None):
        return super().has_delete_permission(request, obj) and self._may_change(request)

    @staticmethod
    def _may_change(request) -> bool:
        return rules.can_change_old_addresses(request.user)

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        legacy.forget_cached_answers()

    def delete_model(self, request, obj):
        super().delete_model(request, obj)
        legacy.forget_cached_answers()

    def delete_queryset(self, request, queryset):
        super().delete_queryset(request, queryset)
        legacy.forget_cached_answers()

    @admin.display(description=_("leads to"))
    def destination(self, address):
        return address.article.headline if address.article_id else address.target


@admin.register(ImportRun)
class ImportRunAdmin(TitledAdmin):
    list_display = [
        "started_at",
        "export_name",
        "site",
        "outcome",
        "imported",
        "skipped",
        "reported",
        "duration",
        "download",
    ]
    list_filter = ["outcome"]
    search_fields = ["export_name", "site"]
    fields = [
        "export_name",
        "site",
        "outcome",
        "started_at",
        "finished_at",
        "duration",
        "imported",
        "skipped",
        "reported",
        "download",
        "report",
    ]
    readonly_fields = fields

    def has_add_permission(self, request):
        return False  # runs are made by the import command

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def get_urls(self):
        return [
            path(
                "<int:pk>/report/",
                self.admin_site.admin_view(self.report_file),
                name="importer_importrun_report",
            ),
            *super().get_urls(),
        ]

    def report_file(self, request, pk):
        """The run as a text file, for whoever may view it."""
        run = get_object_or_404(ImportRun, pk=pk)
        if not self.has_view_permission(request, run):
            raise PermissionDenied
        response = HttpResponse(run.as_text(), content_type="text/plain; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="import-{run.pk}.txt"'
        return response

    @admin.display(description=_("duration"))
    def duration(self, run):
        return run.duration and str(run.duration).split(".")[0]

    @admin.display(description=_("report file"))
    def download(self, run):
        url = reverse("admin:importer_importrun_report", args=[run.pk])
        return format_html('<a href="{}" download>{}</a>', url, _("Download"))
