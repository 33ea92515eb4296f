"""Newsletter subscribers on the desk: editors (and superusers) see who asked for which emails
and when each consented, count them by state, export them as CSV, and unsubscribe a reader who
asks by phone. Journalists see nothing of it.

Nobody adds or changes a subscriber here: they come only through the reader's double opt-in.
"""

import csv

from django.contrib import admin, messages
from django.contrib.admin.models import DELETION, LogEntry
from django.contrib.admin.options import IncorrectLookupParameters
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.db.models import Count, TextField, Value
from django.db.models.functions import Concat
from django.http import HttpResponseRedirect, StreamingHttpResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.text import capfirst
from django.utils.translation import gettext, ngettext, pgettext_lazy
from django.utils.translation import gettext_lazy as _

from articles import rules
from newsletters.models import STATES, Subscriber
from newsroom.admin_titles import ModelTitlesMixin

# One subscriber's state (the list, the filter, the file), then how many are in it (the counts):
# French agrees the word with the number.
STATE_LABELS = {
    "pending": pgettext_lazy("one subscriber", "Pending"),
    "active": pgettext_lazy("one subscriber", "Active"),
    "unsubscribed": pgettext_lazy("one subscriber", "Unsubscribed"),
    "bounced": pgettext_lazy("one subscriber", "Bounced"),
}
COUNT_LABELS = {
    "pending": pgettext_lazy("subscribers counted", "Pending"),
    "active": pgettext_lazy("subscribers counted", "Active"),
    "unsubscribed": pgettext_lazy("subscribers counted", "Unsubscribed"),
    "bounced": pgettext_lazy("subscribers counted", "Bounced"),
}

DATE_COLUMNS = ["created_at", "confirmed_at", "unsubscribed_at", "bounced_at"]
COLUMNS = ["email", "state", "wants_digest", "wants_alerts", "sections", "language", *DATE_COLUMNS]
# What a spreadsheet would read as a formula (or hide one behind): such a cell becomes text.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
EXPORT_CHUNK = 2000  # subscribers read (and their sections fetched) at a time


def state_counts() -> dict[str, int]:
    """The whole base by state, whatever the list is filtered to: one query."""
    return Subscriber.objects.aggregate(
        **{state: Count("pk", filter=condition) for state, condition in STATES.items()}
    )


def section_names(subscriber, separator=", ") -> str:
    return separator.join(section.name for section in subscriber.sections.all())


# --- the CSV file ---------------------------------------------------------------------------
def safe_cell(value: str) -> str:
    return "'" + value if value.startswith(FORMULA_STARTS) else value


def iso_time(value) -> str:
    """ISO 8601 in the site's time zone, to the second; empty when it never happened."""
    if value is None:
        return ""
    local = timezone.localtime(value, timezone.get_default_timezone())
    return local.replace(microsecond=0).isoformat()


def csv_header() -> list[str]:
    def name(column):
        field = None if column == "state" else Subscriber._meta.get_field(column)
        return capfirst(str(field.verbose_name if field else _("state")))

    return [name(column) for column in COLUMNS]


def csv_lines(subscribers, header, states, answers):
    """The file line by line, a byte-order mark first (Excel then reads the accents right).
    Words come translated already: the lines are written after the view has returned."""

    class Line:
        def write(self, value):
            return value

    writer = csv.writer(Line())
    yield "\ufeff" + writer.writerow(header)
    for subscriber in subscribers.iterator(chunk_size=EXPORT_CHUNK):
        cells = [
            subscriber.email,
            states[subscriber.state],
            answers[subscriber.wants_digest],
            answers[subscriber.wants_alerts],
            section_names(subscriber, "; "),
            subscriber.language,
            *(iso_time(getattr(subscriber, field)) for field in DATE_COLUMNS),
        ]
        yield writer.writerow([safe_cell(cell) for cell in cells])


def csv_response(subscribers) -> StreamingHttpResponse:
    """Streamed: a hundred thousand subscribers never sit in memory at once."""
    states = {state: str(label) for state, label in STATE_LABELS.items()}
    answers = {True: gettext("Yes"), False: gettext("No")}
    lines = csv_lines(subscribers.prefetch_related("sections"), csv_header(), states, answers)
    response = StreamingHttpResponse(lines, content_type="text/csv; charset=utf-8")
    filename = f"abonnes-{timezone.localdate().isoformat()}.csv"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


# --- the admin ------------------------------------------------------------------------------
class StateFilter(admin.SimpleListFilter):
    title = _("state")
    parameter_name = "state"

    def lookups(self, request, model_admin):
        return list(STATE_LABELS.items())

    def queryset(self, request, queryset):
        if self.value() in STATES:
            return queryset.filter(STATES[self.value()])
        return queryset


@admin.register(Subscriber)
class SubscriberAdmin(ModelTitlesMixin, admin.ModelAdmin):
    list_display = [
        "email",
        "state_label",
        "wants_digest",
        "wants_alerts",
        "sections_list",
        "language",
        "created_at",
        "confirmed_at",
    ]
    list_filter = [StateFilter, "wants_digest", "wants_alerts", "sections", "language"]
    search_fields = ["email"]
    date_hierarchy = "created_at"
    show_full_result_count = False  # the counts above the list give the whole base already
    actions = ["unsubscribe_selected", "export_selected"]
    # The key is left out: it would let whoever reads it act on the reader's links.
    fields = [
        "email",
        "state_label",
        "wants_digest",
        "wants_alerts",
        "sections",
        "language",
        "created_at",
        "confirmed_at",
        "unsubscribed_at",
        "bounced_at",
    ]
    readonly_fields = fields

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("sections")

    def get_urls(self):
        return [
            path(
                "export/",
                self.admin_site.admin_view(self.export_view),
                name="newsletters_subscriber_export",
            ),
            *super().get_urls(),
        ]

    # --- who may do what: editors and superusers read; nobody writes -----------------------
    def has_module_permission(self, request):
        return rules.is_editor(request.user)

    def has_view_permission(self, request, obj=None):
        return rules.is_editor(request.user)

    def has_add_permission(self, request):
        return False  # readers subscribe themselves, with double opt-in

    def has_change_permission(self, request, obj=None):
        return False  # what a reader chose and when they consented is theirs to change

    # Consent records are kept; only a superuser erases one, on a reader's GDPR request.
    def has_delete_permission(self, request, obj=None):
        return bool(request.user.is_active and request.user.is_superuser)

    def log_deletions(self, request, queryset):
        """An erased address stays nowhere, the desk's history included: its entries, and
        the deletion's own, name the subscriber by number only."""
        content_type = ContentType.objects.get_for_model(Subscriber)
        ids = [str(subscriber.pk) for subscriber in queryset]
        by_number = Concat(Value("#"), "object_id", output_field=TextField())
        LogEntry.objects.filter(content_type=content_type, object_id__in=ids).update(
            object_repr=by_number
        )
        return LogEntry.objects.bulk_create(
            LogEntry(
                user_id=request.user.pk,
                content_type=content_type,
                object_id=pk,
                object_repr=f"#{pk}",
                action_flag=DELETION,
            )
            for pk in ids
        )

    # --- the list: its counts, its actions, its export -------------------------------------
    def changelist_view(self, request, extra_context=None):
        context = dict(extra_context or {})
        if self.has_view_permission(request):
            counts = state_counts()
            context["subscriber_counts"] = [
                (state, COUNT_LABELS[state], counts[state]) for state in STATES
            ]
        return super().changelist_view(request, context)

    def export_view(self, request):
        """The list as filtered and searched, whole (not only the page shown), as a CSV file."""
        if not self.has_view_permission(request):
            raise PermissionDenied
        try:
            changelist = self.get_changelist_instance(request)
        except IncorrectLookupParameters:
            return HttpResponseRedirect(reverse("admin:newsletters_subscriber_changelist"))
        return csv_response(changelist.get_queryset(request))

    @admin.action(description=_("Unsubscribe selected subscribers"))
    def unsubscribe_selected(self, request, queryset):
        """For a reader who asks by phone or by letter: as if they had used their own link."""
        done = 0
        for subscriber in queryset.prefetch_related(None):
            if subscriber.unsubscribe():
                self.log_change(request, subscriber, gettext("Unsubscribed at their request."))
                done += 1
        message = ngettext(
            "%(count)d subscriber unsubscribed.", "%(count)d subscribers unsubscribed.", done
        )
        self.message_user(request, message % {"count": done}, messages.SUCCESS)

    @admin.action(description=_("Export selected as CSV"))
    def export_selected(self, request, queryset):
        return csv_response(queryset)

    @admin.display(description=_("state"))
    def state_label(self, subscriber):
        return STATE_LABELS[subscriber.state]

    @admin.display(description=_("sections"))
    def sections_list(self, subscriber):
        return section_names(subscriber)
