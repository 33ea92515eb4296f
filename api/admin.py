from django.contrib import admin, messages
from django.utils.translation import gettext_lazy as _

from api.models import ApiKey


@admin.register(ApiKey)
class ApiKeyAdmin(admin.ModelAdmin):
    """Administrators only; the rules are the model's (ApiKey.issue_by, save_by, revoke_by)."""

    list_display = ("partner", "prefix", "rate", "created_at", "created_by", "revoked_at")
    list_filter = ("revoked_at",)
    search_fields = ("partner", "prefix")
    fields = ("partner", "rate", "prefix", "created_at", "created_by", "revoked_at")
    readonly_fields = ("prefix", "created_at", "created_by", "revoked_at")
    actions = ["revoke"]

    def has_module_permission(self, request):
        return request.user.is_active and request.user.is_superuser

    def has_view_permission(self, request, obj=None):
        return self.has_module_permission(request)

    has_add_permission = has_change_permission = has_view_permission

    def has_delete_permission(self, request, obj=None):
        return False  # revoked, not deleted: the list keeps who had access

    def save_model(self, request, obj, form, change):
        if change:
            obj.save_by(request.user)
            return
        key = obj.issue_by(request.user)
        messages.warning(
            request,
            _("The key for %(partner)s is %(key)s. Copy it now: it is shown only this once.")
            % {"partner": obj.partner, "key": key},
        )

    @admin.action(description=_("Revoke the selected keys"))
    def revoke(self, request, queryset):
        for key in queryset:
            key.revoke_by(request.user)
        messages.success(request, _("Revoked: they are refused from now on."))
