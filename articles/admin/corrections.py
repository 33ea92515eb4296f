"""A published article's log of corrections and updates, on its change page: editors add an
entry (through articles.workflow.log_note), everyone who sees the article reads the log, and
only superusers change or remove an entry."""

from django import forms
from django.utils.translation import gettext_lazy as _

from articles import rules, workflow
from articles.admin.inlines import LabelledTabularInline
from articles.models import ArticleNote


class NoteForm(forms.ModelForm):
    class Meta:
        model = ArticleNote
        fields = ["kind", "text"]
        widgets = {"text": forms.Textarea(attrs={"rows": 3})}


class NoteInline(LabelledTabularInline):
    model = ArticleNote
    form = NoteForm
    fields = ["created_at", "kind", "text", "created_by"]
    readonly_fields = ["created_at", "created_by"]
    verbose_name = _("correction or update")
    verbose_name_plural = _("corrections and updates (readers see them)")

    def get_extra(self, request, obj=None, **kwargs):
        return 1 if self.has_add_permission(request, obj) else 0

    def has_view_permission(self, request, obj=None):
        # Without an article: whether to read the entries at all (the article decides).
        if obj is None:
            return request.user.has_perm("articles.view_article")
        return rules.can_view(request.user, obj)

    def has_add_permission(self, request, obj=None):
        return obj is not None and obj.is_public and rules.can_log_note(request.user)

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("created_by")

    def has_change_permission(self, request, obj=None):
        # Only while public: an entry's own rules refuse it on an article readers cannot see.
        return obj is not None and obj.is_public and rules.can_delete_note(request.user)

    def has_delete_permission(self, request, obj=None):
        return obj is not None and rules.can_delete_note(request.user)


class NoteLogMixin:
    """The log on an article's change page (a new article has none); a new entry goes
    through the workflow's rules, with the revision readers see."""

    def get_inlines(self, request, obj):
        inlines = super().get_inlines(request, obj)
        return inlines if obj is not None else [i for i in inlines if i is not NoteInline]

    def save_formset(self, request, form, formset, change):
        if formset.model is not ArticleNote:
            return super().save_formset(request, form, formset, change)
        notes = formset.save(commit=False)
        for note in formset.deleted_objects:
            note.delete()
        for note in notes:
            if note.pk:
                note.save()  # a superuser's amendment
            else:
                workflow.log_note(form.instance, request.user, note.kind, note.text)
