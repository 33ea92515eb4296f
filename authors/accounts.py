"""Staff accounts in the admin: who has failed to sign in lately, lifting a lock-out, and
resetting two-factor sign-in for someone who lost their phone."""

from axes.models import AccessAttempt
from axes.utils import reset as forget_failures
from django.conf import settings
from django.contrib import admin, messages
from django.contrib.auth.admin import GroupAdmin, UserAdmin
from django.contrib.auth.models import Group, User
from django.db.models import IntegerField, OuterRef, Subquery, Sum
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from newsroom.admin_titles import ModelTitlesMixin
from newsroom.two_factor import devices

admin.site.unregister(User)
admin.site.unregister(Group)


@admin.register(Group)
class StaffGroupAdmin(ModelTitlesMixin, GroupAdmin):
    """Django's, with the desk's titles."""


@admin.register(User)
class StaffAccountAdmin(ModelTitlesMixin, UserAdmin):
    list_display = [*UserAdmin.list_display, "recent_failures"]
    actions = ["unlock", "reset_two_factor"]

    def get_queryset(self, request):
        since = timezone.now() - settings.AXES_COOLOFF_TIME
        failures = (
            AccessAttempt.objects.filter(username=OuterRef("username"), attempt_time__gte=since)
            .values("username")
            .annotate(n=Sum("failures_since_start"))
            .values("n")
        )
        return (
            super()
            .get_queryset(request)
            .annotate(recent_failures=Subquery(failures, output_field=IntegerField()))
        )

    @admin.display(description=_("recent failed sign-ins"), ordering="recent_failures")
    def recent_failures(self, user):
        return user.recent_failures or 0

    @admin.action(description=_("Let them sign in again now"), permissions=["change"])
    def unlock(self, request, queryset):
        for user in queryset:
            # Their own failures, and the addresses they failed from: an office address
            # locked by someone trying many accounts from it is lifted too.
            addresses = set(
                AccessAttempt.objects.filter(username=user.username).values_list(
                    "ip_address", flat=True
                )
            )
            forget_failures(username=user.username)
            for address in addresses - {None}:
                forget_failures(ip=address)
        count = len(queryset)
        self.message_user(
            request,
            ngettext(
                "%(count)d account can sign in again.",
                "%(count)d accounts can sign in again.",
                count,
            )
            % {"count": count},
            messages.SUCCESS,
        )

    @admin.action(
        description=_("Reset two-factor sign-in (lost phone): set up again at next sign-in"),
        permissions=["change"],
    )
    def reset_two_factor(self, request, queryset):
        for user in queryset:
            devices.remove_all(user)  # each removal reaches the audit log
        count = len(queryset)
        self.message_user(
            request,
            ngettext(
                "%(count)d account will set up two-factor sign-in again.",
                "%(count)d accounts will set up two-factor sign-in again.",
                count,
            )
            % {"count": count},
            messages.SUCCESS,
        )
