"""Live coverage on the desk: started from its article by an editor, fed from its page."""

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext

from live import rules
from live.admin.forms import EndForm, EntryForm
from live.models import LiveCoverage, LiveEntry
from newsroom.admin_titles import ModelTitlesMixin

RECENT_ENTRIES = 20  # shown under the entry form, newest first


class StartForm(forms.ModelForm):
    """Choosing the article to follow. Whether it may start is LiveCoverage.start_by's
    answer alone, given when saving: a check here could pass for two editors at once (or
    both clicks of a double click), and would say it less clearly when it did not."""

    def validate_unique(self):
        pass


def article_links(user, article) -> list[tuple[str, str]]:
    """The live coverage links on an article's desk page, as (label, address): start it
    (editors), post to it and end it while it runs, open it once ended (editors). One
    query, and none for whoever may neither start nor post."""
    if not rules.can_post(user):
        return []
    runs = rules.can_run_coverage(user)
    coverage = LiveCoverage.objects.filter(article=article).only("started_at", "ended_at").first()
    if coverage is None or coverage.started_at is None:
        if not runs:
            return []
        start = f"{reverse('admin:live_livecoverage_add')}?article={article.pk}"
        return [(pgettext("on the article's desk page", "Start live coverage"), start)]
    if coverage.ended_at is not None:
        if not runs:
            return []
        change = reverse("admin:live_livecoverage_change", args=[coverage.pk])
        return [(_("Live coverage ended"), change)]
    links = [(_("Post a live entry"), reverse("admin:live_livecoverage_post", args=[coverage.pk]))]
    if runs:
        links.append(
            (_("End live coverage"), reverse("admin:live_livecoverage_end", args=[coverage.pk]))
        )
    return links


@admin.register(LiveCoverage)
class LiveCoverageAdmin(ModelTitlesMixin, admin.ModelAdmin):
    list_display = ["article", "state", "started_at", "ended_at", "entry_count"]
    list_select_related = ["article"]
    search_fields = ["article__headline"]
    form = StartForm
    autocomplete_fields = ["article"]
    readonly_fields = ["started_at", "started_by", "ended_at", "ended_by", "closing_summary"]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(entry_count=Count("entries"))

    def get_fields(self, request, obj=None):
        return ["article"] if obj is None else ["article", *self.readonly_fields]

    def get_readonly_fields(self, request, obj=None):
        return [] if obj is None else ["article", *self.readonly_fields]

    @admin.display(description=gettext_lazy("state"))
    def state(self, coverage):
        if coverage.ended_at is not None:
            return _("Ended")
        return _("Live") if coverage.started_at is not None else _("Not started")

    @admin.display(description=gettext_lazy("entries"), ordering="entry_count")
    def entry_count(self, coverage):
        return coverage.entry_count

    # Starting is adding; nothing else is changed here (ending has its own page), and
    # coverage is never deleted but with its article.
    def has_add_permission(self, request):
        return rules.can_run_coverage(request.user)

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    # Someone else started the article's coverage first (another editor, or the first click
    # of a double click), or it has ended: start_by refuses, and this request saves and logs
    # nothing. It is sent to that coverage instead, told why.
    def save_model(self, request, obj, form, change):
        try:
            started = LiveCoverage.start_by(request.user, obj.article)
        except ValidationError as refusal:
            obj.start_refused = refusal
            return
        obj.pk, obj.started_at, obj.started_by = started.pk, started.started_at, request.user
        obj._state.adding = False

    def save_related(self, request, form, formsets, change):
        if not hasattr(form.instance, "start_refused"):
            super().save_related(request, form, formsets, change)

    def log_addition(self, request, obj, message):
        if not hasattr(obj, "start_refused"):
            return super().log_addition(request, obj, message)
        return None

    def response_add(self, request, obj, post_url_continue=None):
        if hasattr(obj, "start_refused"):
            coverage = LiveCoverage.objects.get(article=obj.article)
            say = messages.warning if coverage.is_running else messages.error
            for message in obj.start_refused.messages:
                say(request, message)
            return HttpResponseRedirect(self._coverage_url(request, coverage))
        messages.success(request, _("Live coverage started: post the first entry."))
        return HttpResponseRedirect(reverse("admin:live_livecoverage_post", args=[obj.pk]))

    def _coverage_url(self, request, coverage) -> str:
        """Where a running coverage is fed from, for whoever may post; else its own page."""
        if coverage.is_running and rules.can_post(request.user):
            return reverse("admin:live_livecoverage_post", args=[coverage.pk])
        return reverse("admin:live_livecoverage_change", args=[coverage.pk])

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        context.update(
            may_post=obj is not None and obj.is_running and rules.can_post(request.user),
            may_end=obj is not None and obj.is_running and rules.can_run_coverage(request.user),
        )
        return super().render_change_form(request, context, add, change, form_url, obj)

    def get_urls(self):
        return [
            path(
                "<int:object_id>/entree/",
                self.admin_site.admin_view(self.post_view),
                name="live_livecoverage_post",
            ),
            path(
                "<int:object_id>/terminer/",
                self.admin_site.admin_view(self.end_view),
                name="live_livecoverage_end",
            ),
            *super().get_urls(),
        ]

    def _context(self, request, coverage, title, **more) -> dict:
        return {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "original": coverage,
            "title": title,
            "change_url": reverse("admin:live_livecoverage_change", args=[coverage.pk]),
            **more,
        }

    def post_view(self, request, object_id):
        """The fast entry form: one step, posted at once; the latest entries below it."""
        coverage = get_object_or_404(LiveCoverage.objects.select_related("article"), pk=object_id)
        if not rules.can_post(request.user):
            raise PermissionDenied
        form = EntryForm(request.POST if request.method == "POST" else None)
        if form.is_valid():
            try:
                LiveEntry.post_by(
                    request.user,
                    coverage,
                    token=form.cleaned_data["token"],
                    **{name: form.cleaned_data[name] for name in EntryForm.Meta.fields},
                )
            except ValidationError as error:
                form.add_error(None, error)
            else:
                messages.success(request, _("Entry posted: readers see it now."))
                return HttpResponseRedirect(request.path)
        entries = coverage.entries.select_related("author")[:RECENT_ENTRIES]
        title = _("Post to “%(headline)s”") % {"headline": coverage.article.headline}
        context = self._context(
            request,
            coverage,
            title,
            form=form,
            media=self.media + form.media,
            entries=entries,
            may_change_entries=rules.can_change_entries(request.user),
        )
        return TemplateResponse(request, "admin/live/livecoverage/post_entry.html", context)

    def end_view(self, request, object_id):
        """Ending, with the closing summary readers will see: asked for, then done."""
        coverage = get_object_or_404(LiveCoverage.objects.select_related("article"), pk=object_id)
        if not rules.can_run_coverage(request.user):
            raise PermissionDenied
        form = EndForm(request.POST if request.method == "POST" else None)
        if form.is_valid():
            try:
                coverage.end_by(request.user, form.cleaned_data["closing_summary"])
            except ValidationError as error:
                form.add_error(None, error)
            else:
                messages.success(request, _("Live coverage ended."))
                return HttpResponseRedirect(
                    reverse("admin:live_livecoverage_change", args=[coverage.pk])
                )
        title = _("End the live coverage of “%(headline)s”") % {
            "headline": coverage.article.headline
        }
        context = self._context(request, coverage, title, form=form)
        return TemplateResponse(request, "admin/live/livecoverage/end_confirmation.html", context)
