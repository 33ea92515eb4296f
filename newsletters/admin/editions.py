"""Newsletter editions on the desk: editors build L'essentiel from the last day's articles (or
an alert from one article), reorder, drop or add stories, write its introduction, preview it
(with its WhatsApp text), send a test to themselves, then schedule it or send it now, and
follow its progress. Journalists see nothing of it; every step is checked by the model too.
"""

from datetime import datetime, timedelta

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count, Q
from django.http import HttpResponseNotAllowed, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext, pgettext
from django.utils.translation import gettext_lazy as _
from django_tasks import default_task_backend

from articles import rules
from articles.models import Article
from newsletters import build, render, sending
from newsletters.models import Delivery, Edition, EditionStory
from newsletters.whatsapp import whatsapp_text
from newsroom.admin_titles import ModelTitlesMixin

SCHEDULE_AHEAD = timedelta(hours=1)  # the time the form offers: editors change it, or send now


class StoryInline(admin.TabularInline):
    model = EditionStory
    fields = ["position", "article"]
    autocomplete_fields = ["article"]
    extra = 1

    def has_view_permission(self, request, obj=None):
        return rules.is_editor(request.user)

    def has_add_permission(self, request, obj=None):
        return rules.is_editor(request.user) and (obj is None or obj.is_editable)

    has_change_permission = has_delete_permission = has_add_permission


@admin.register(Edition)
class EditionAdmin(ModelTitlesMixin, admin.ModelAdmin):
    list_display = ["subject", "kind", "day", "state", "send_at", "progress_summary"]
    list_filter = ["kind", "state"]
    search_fields = ["subject"]
    date_hierarchy = "day"
    fields = ["kind", "subject", "day", "introduction"]
    inlines = [StoryInline]
    change_form_template = "admin/newsletters/edition/change_form.html"
    change_list_template = "admin/newsletters/edition/change_list.html"

    def get_urls(self):
        def view(name, pattern, function):
            wrapped = self.admin_site.admin_view(function)
            return path(pattern, wrapped, name=f"newsletters_edition_{name}")

        return [
            view("new_digest", "new-digest/", self.new_digest_view),
            view("preview", "<int:pk>/preview/", self.preview_view),
            view("send_test", "<int:pk>/send-test/", self.send_test_view),
            view("schedule", "<int:pk>/schedule/", self.schedule_view),
            view("unschedule", "<int:pk>/unschedule/", self.unschedule_view),
            *super().get_urls(),
        ]

    # --- who may do what: editors, and nobody rewrites what was sent ----------------------
    def has_module_permission(self, request):
        return rules.is_editor(request.user)

    def has_view_permission(self, request, obj=None):
        return rules.is_editor(request.user)

    def has_add_permission(self, request):
        return rules.is_editor(request.user)

    def has_change_permission(self, request, obj=None):
        return rules.is_editor(request.user) and (obj is None or obj.is_editable)

    def has_delete_permission(self, request, obj=None):
        draft = obj is None or obj.state == Edition.State.DRAFT
        return rules.is_editor(request.user) and draft

    def get_actions(self, request):
        return {}  # no bulk deletion: each edition's page says whether it may go

    # --- the forms --------------------------------------------------------------------------
    def get_changeform_initial_data(self, request):
        """`?article=<pk>` (from an article's desk page): an alert about that article."""
        initial = super().get_changeform_initial_data(request)
        article = self.alert_article(request)
        if article is not None:
            initial |= {"kind": Edition.Kind.ALERT, "subject": article.headline[:150]}
        return initial

    def get_formset_kwargs(self, request, obj, inline, prefix):
        kwargs = super().get_formset_kwargs(request, obj, inline, prefix)
        article = self.alert_article(request)
        if request.method == "GET" and article is not None:
            kwargs["initial"] = [{"article": article.pk, "position": 1}]
        return kwargs

    @staticmethod
    def alert_article(request):
        pk = request.GET.get("article", "")
        return Article.objects.published().filter(pk=pk).first() if pk.isdigit() else None

    def save_model(self, request, obj, form, change):
        if not change:
            obj.created_by = request.user
        super().save_model(request, obj, form, change)

    def change_view(self, request, object_id, form_url="", extra_context=None):
        edition = self.get_object(request, object_id)
        context = dict(extra_context or {})
        if edition is not None and self.has_view_permission(request, edition):
            context |= {
                "edition": edition,
                "progress": self.progress_rows(edition),
                "send_at_default": self.local_input(timezone.now() + SCHEDULE_AHEAD),
            }
        return super().change_view(request, object_id, form_url, context)

    @staticmethod
    def progress_rows(edition) -> list[tuple[str, str, int]]:
        counts = sending.progress(edition)
        labels = {state: Delivery.State(state).label for state in counts}
        if edition.state == Edition.State.SENT:  # claimed, and the worker died before the answer
            labels[Delivery.State.SENDING] = pgettext("deliveries", "Interrupted")
        return [(state, labels[state], counts[state]) for state in counts]

    @staticmethod
    def local_input(moment) -> str:
        """A datetime-local input's value, in the site's time zone, to the minute."""
        return timezone.localtime(moment).strftime("%Y-%m-%dT%H:%M")

    def get_queryset(self, request):
        """Each edition with how many of its deliveries are done: the list's one query."""
        done = Count("deliveries", filter=~Q(deliveries__state=Delivery.State.PENDING))
        return super().get_queryset(request).annotate(deliveries_done=done)

    @admin.display(description=_("progress"))
    def progress_summary(self, edition):
        if edition.recipients is None:
            return "—"
        return f"{edition.deliveries_done} / {edition.recipients}"

    # --- the steps ---------------------------------------------------------------------------
    def editable_edition(self, request, pk) -> Edition:
        if not self.has_view_permission(request):
            raise PermissionDenied
        return get_object_or_404(Edition, pk=pk)

    def back_to(self, edition) -> HttpResponseRedirect:
        return HttpResponseRedirect(reverse("admin:newsletters_edition_change", args=[edition.pk]))

    def new_digest_view(self, request):
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        edition = build.digest(request.user)
        self.log_addition(request, edition, [{"added": {}}])
        count = edition.stories.count()
        self.message_user(
            request,
            gettext("L’essentiel drafted with %(count)d stories of the last day.")
            % {"count": count},
            messages.SUCCESS,
        )
        return self.back_to(edition)

    def preview_view(self, request, pk):
        edition = self.editable_edition(request, pk)
        rendered = render.render(edition, request.LANGUAGE_CODE)
        text, html = sending.with_signup_links(rendered)
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "edition": edition,
            "title": gettext("Preview: %(subject)s") % {"subject": edition.subject},
            "subject": rendered.subject,
            "text": text,
            "html": html,
            "whatsapp": whatsapp_text(edition, request.LANGUAGE_CODE),
        }
        return TemplateResponse(request, "admin/newsletters/edition/preview.html", context)

    def send_test_view(self, request, pk):
        edition = self.editable_edition(request, pk)
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        if not request.user.email:
            self.message_user(
                request, gettext("Your account has no email address."), messages.ERROR
            )
            return self.back_to(edition)
        sending.send_test(edition, request.user)
        self.message_user(
            request,
            gettext("A test was sent to %(email)s.") % {"email": request.user.email},
            messages.SUCCESS,
        )
        return self.back_to(edition)

    def schedule_view(self, request, pk):
        edition = self.editable_edition(request, pk)
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        try:
            when = None if "now" in request.POST else self.posted_time(request.POST.get("send_at"))
            edition.schedule(request.user, when)
        except ValidationError as error:
            self.message_user(request, " ".join(error.messages), messages.ERROR)
            return self.back_to(edition)
        self.log_change(request, edition, gettext("Scheduled for %(time)s.") % self.when(edition))
        self.message_user(request, self.scheduled_message(edition), messages.SUCCESS)
        return self.back_to(edition)

    def unschedule_view(self, request, pk):
        edition = self.editable_edition(request, pk)
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        try:
            edition.unschedule(request.user)
        except ValidationError as error:
            self.message_user(request, " ".join(error.messages), messages.ERROR)
        else:
            self.log_change(request, edition, gettext("Sending cancelled."))
            self.message_user(request, gettext("Sending cancelled: back to a draft."))
        return self.back_to(edition)

    @staticmethod
    def posted_time(value) -> datetime:
        """A datetime-local input's value, read in the site's time zone."""
        try:
            moment = datetime.fromisoformat(value or "")
        except ValueError:
            raise ValidationError(gettext("Enter a valid sending date and time.")) from None
        if timezone.is_aware(moment):
            raise ValidationError(gettext("Enter a valid sending date and time."))
        return timezone.make_aware(moment)

    @staticmethod
    def when(edition) -> dict:
        local = timezone.localtime(edition.send_at)
        return {"time": local.strftime("%d/%m/%Y %H:%M")}

    def scheduled_message(self, edition) -> str:
        if edition.send_at <= timezone.now():
            return gettext("Sending has begun.")
        message = gettext("Scheduled: the edition leaves on %(time)s.") % self.when(edition)
        if not default_task_backend.supports_defer:  # development: no worker waits for the time
            message += " " + gettext(
                "Without a task worker, run “manage.py send_due_editions” then."
            )
        return message
