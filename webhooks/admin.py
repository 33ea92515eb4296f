from django import forms
from django.contrib import admin, messages
from django.utils.translation import gettext_lazy as _

from newsroom.administrators import AdministratorsOnly
from webhooks import sending
from webhooks.models import Attempt, Delivery, Endpoint, Event


class WebAddressField(forms.URLField):
    def __init__(self, **kwargs):
        super().__init__(assume_scheme="https", **kwargs)  # a bare name gets https://


class EndpointForm(forms.ModelForm):
    events = forms.MultipleChoiceField(
        label=_("events"),
        choices=Event.choices,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("What it is told: each event is posted once it happens."),
    )

    class Meta:
        model = Endpoint
        fields = ("url", "description", "events")
        field_classes = {"url": WebAddressField}


@admin.register(Endpoint)
class EndpointAdmin(AdministratorsOnly, admin.ModelAdmin):
    form = EndpointForm
    list_display = ("__str__", "url", "is_active", "failures_in_a_row", "disabled_at")
    list_filter = ("is_active",)
    search_fields = ("url", "description")
    readonly_fields = (
        "secret",
        "is_active",
        "failures_in_a_row",
        "disabled_at",
        "disabled_because",
        "created_at",
        "created_by",
    )
    actions = ["enable", "change_secret"]

    def get_fields(self, request, obj=None):
        fields = ["url", "description", "events"]
        return fields if obj is None else fields + list(self.readonly_fields)

    def save_model(self, request, obj, form, change):
        obj.save_by(request.user)

    @admin.action(description=_("Re-enable the selected endpoints"))
    def enable(self, request, queryset):
        for endpoint in queryset:
            endpoint.enable_by(request.user)
        messages.success(request, _("Enabled: they are sent the next events."))

    @admin.action(description=_("Give the selected endpoints a new secret"))
    def change_secret(self, request, queryset):
        for endpoint in queryset:
            endpoint.new_secret_by(request.user)
        messages.warning(request, _("New secrets: give each partner theirs, or it will refuse."))


class AttemptInline(admin.TabularInline):
    model = Attempt
    fields = readonly_fields = ("at", "status_code", "milliseconds", "error")
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Delivery)
class DeliveryAdmin(AdministratorsOnly, admin.ModelAdmin):
    list_display = (
        "created_at",
        "event",
        "article",
        "endpoint",
        "state",
        "attempt_count",
        "last_status_code",
        "due_at",
    )
    list_filter = ("state", "event", "endpoint")
    list_select_related = ("article", "endpoint")
    show_full_result_count = False
    readonly_fields = (
        "endpoint",
        "event",
        "article",
        "message_id",
        "state",
        "created_at",
        "due_at",
        "attempt_count",
        "last_status_code",
        "last_error",
        "finished_at",
        "body",
    )
    fields = readonly_fields
    inlines = [AttemptInline]
    actions = ["send_again"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    @admin.action(description=_("Send the selected deliveries again"))
    def send_again(self, request, queryset):
        count = sending.send_again(list(queryset), request.user)
        messages.success(request, _("Failed deliveries sent again: %(count)s.") % {"count": count})
