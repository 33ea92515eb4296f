"""The audit log in the admin: read, filtered and searched by those allowed; changed by none."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from audit.models import AuditEvent


@admin.register(AuditEvent)
class AuditEventAdmin(admin.ModelAdmin):
    list_display = ["at", "action", "who", "object_repr", "ip_address"]
    list_filter = ["action", ("actor", admin.RelatedOnlyFieldListFilter), "at"]
    date_hierarchy = "at"
    search_fields = ["object_repr", "username", "ip_address"]
    search_help_text = _("An object's name, a username or an IP address.")
    list_select_related = ["actor"]
    list_per_page = 100
    show_full_result_count = False  # the log grows without end: no second count
    fields = [
        "at",
        "action",
        "actor",
        "username",
        "object_type",
        "object_id",
        "object_repr",
        "ip_address",
        "detail",
    ]
    readonly_fields = fields

    @admin.display(description=_("who"), ordering="username")
    def who(self, event):
        return event.username or "—"

    # Nobody adds, changes or deletes an entry, superusers included; the view permission
    # (superusers hold it) is what lets one read the log.
    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        # Django's "View %s" cannot be put into French around a noun: the whole title instead.
        context["title"] = _("View audit event")
        return super().render_change_form(request, context, add, change, form_url, obj)
