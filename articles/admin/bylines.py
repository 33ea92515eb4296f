"""An article's byline on its change form: its rows cleaned from two reads, the article's
bylines and the authors posted, however many rows it has (issue 37)."""

from django import forms
from django.forms.models import BaseInlineFormSet
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from articles.admin.inlines import LabelledTabularInline
from articles.models import Byline


class ReadOnceChoiceField(forms.ModelChoiceField):
    """A choice cleaned from `rows`, the formset's single read, instead of a query a row."""

    rows = None  # {pk: instance}, set by BylineFormSet; unset, Django's own lookup

    def to_python(self, value):
        if self.rows is None or value in self.empty_values:
            return super().to_python(value)
        try:
            return self.rows[int(value)]
        except (KeyError, TypeError, ValueError):
            raise forms.ValidationError(
                self.error_messages["invalid_choice"],
                code="invalid_choice",
                params={"value": value},
            ) from None


class BylineForm(forms.ModelForm):
    def _get_validation_exclusions(self):
        # The author was read moments ago with every other posted author: Django would
        # check again that it exists, a query a row. BylineFormSet checks for twice the same.
        return super()._get_validation_exclusions() | {"author"}


class BylineFormSet(BaseInlineFormSet):
    def add_fields(self, form, index):
        super().add_fields(form, index)
        if not self.is_bound:
            return
        # The row's own byline: from the article's bylines, read once (_existing_object).
        own = form.fields[self._pk_field.name]
        form.fields[self._pk_field.name] = ReadOnceChoiceField(
            own.queryset, required=False, widget=own.widget, initial=own.initial
        )
        form.fields[self._pk_field.name].rows = self._bylines
        if "author" in form.fields:
            form.fields["author"].rows = self._posted_authors

    @cached_property
    def _bylines(self) -> dict:
        return {byline.pk: byline for byline in self.get_queryset()}

    @cached_property
    def _posted_authors(self) -> dict:
        posted = set()
        for i in range(self.total_form_count()):
            value = self.data.get(self.add_prefix(i) + "-author", "")
            if isinstance(value, str) and value.isascii() and value.isdigit():
                posted.add(int(value))
        authors = self.form.base_fields["author"].queryset
        return authors.in_bulk(posted) if posted else {}

    def save_existing_objects(self, commit=True):
        """As Django's, in an order the database accepts: a row given another author is
        stored anew after the others are deleted or saved, so no row ever holds an author
        another row still holds (one_byline_per_author), as in a swap of two."""
        if not commit:
            return super().save_existing_objects(commit)
        recast = [
            form
            for form in self.initial_forms
            if form not in self.deleted_forms
            and "author" in form.changed_data
            and form.instance._is_pk_set()
        ]
        for form in recast:
            form.instance.delete()
            form.instance._state.adding = True
        saved = super().save_existing_objects(commit)  # the rows recast are skipped
        for form in recast:
            saved.append(self.save_new(form))
            self.changed_objects.append((form.instance, form.changed_data))
        return saved

    def clean(self):
        super().clean()
        seen = set()
        for form in self.forms:
            author = form.cleaned_data.get("author") if form.is_valid() else None
            if author is None or self._should_delete_form(form):
                continue
            if author.pk in seen:
                raise forms.ValidationError(
                    _("%(author)s is on the byline twice: keep one row."),
                    params={"author": author.display_name},
                    code="byline_twice",
                )
            seen.add(author.pk)


class BylineInline(LabelledTabularInline):
    model = Byline
    form = BylineForm
    formset = BylineFormSet
    extra = 1
    min_num = 0
    fields = ["author", "position"]
    verbose_name = _("author")
    verbose_name_plural = _("byline (in order)")

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("author")  # each row names it

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "author":
            kwargs.setdefault("form_class", ReadOnceChoiceField)
        field = super().formfield_for_foreignkey(db_field, request, **kwargs)
        if db_field.name == "author":  # every byline lists the same authors: read them once
            field.choices = list(field.choices)
        return field
