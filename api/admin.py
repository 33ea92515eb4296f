from django.contrib import admin, messages
from django.utils.translation import gettext_lazy as _

from api.models import ApiKey
from newsroom.administrators import AdministratorsOnly


@admin.register(ApiKey)
class ApiKeyAdmin(AdministratorsOnly, admin.ModelAdmin):
    """Administrators only; the rules are the model's (ApiKey.issue_by, save_by, revoke_by)."""

    list_display = ("partner", "prefix", "rate", "created_at", "created_by", "revoked_at")
    list_filter = ("revoked_at",)
    search_fields = ("partner", "prefix")
    fields = ("partner", "rate", "prefix", "created_at", "created_by", "revoked_at")
    readonly_fields = ("prefix", "created_at", "created_by", "revoked_at")
    actions = ["revoke"]

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
