from django.contrib import admin


class LabelledTabularInline(admin.TabularInline):
    """A tabular inline whose inputs carry their own names: a column heading is not a label,
    so a screen reader would announce each of them unnamed."""

    def get_formset(self, request, obj=None, **kwargs):
        formset = super().get_formset(request, obj, **kwargs)

        class LabelledFormSet(formset):
            def add_fields(self, form, index):
                super().add_fields(form, index)
                for field in form.fields.values():
                    if not field.label:
                        continue
                    # A related field's select sits inside the admin's wrapper (edit, add links).
                    for widget in {field.widget, getattr(field.widget, "widget", field.widget)}:
                        widget.attrs.setdefault("aria-label", str(field.label))

        return LabelledFormSet
