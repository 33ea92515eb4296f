"""An image field whose files are always checked and stripped before they are stored.

The form field gives readable errors; the model field repeats the work for any file that
reaches the database another way (a script, the ORM), so no path stores an unchecked file.
"""

from django import forms
from django.core.files.base import ContentFile
from django.db import models

from newsroom.images.validation import ALLOWED_FORMATS, clean_copy, open_checked

ACCEPT = ",".join(f"image/{fmt.lower()}" for fmt in ALLOWED_FORMATS)


def checked_file(upload) -> ContentFile:
    """The upload, opened safely and rewritten without metadata, as a new file."""
    image = open_checked(upload)
    data, extension = clean_copy(image)
    cleaned = ContentFile(data, name=f"image{extension}")
    cleaned.newsroom_checked = True
    return cleaned


class SafeImageFormField(forms.ImageField):
    def to_python(self, data):
        # Django's own ImageField would open the file with every Pillow decoder: not here.
        upload = forms.FileField.to_python(self, data)
        if upload is None:
            return None
        return checked_file(upload)

    def widget_attrs(self, widget):
        attrs = super().widget_attrs(widget)
        attrs["accept"] = ACCEPT
        return attrs


class SafeImageField(models.ImageField):
    def formfield(self, **kwargs):
        return super().formfield(**{"form_class": SafeImageFormField, **kwargs})

    def pre_save(self, model_instance, add):
        file = getattr(model_instance, self.attname)
        if file and not file._committed and not getattr(file.file, "newsroom_checked", False):
            # Reached the model without the form: check and strip it here.
            cleaned = checked_file(file.file)
            file.file, file.name = cleaned, cleaned.name
        return super().pre_save(model_instance, add)
