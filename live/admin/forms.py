"""The desk's live forms: they collect what the models' methods are then asked to do."""

import uuid

from django import forms
from django.utils.translation import gettext_lazy as _

from live.models import LiveEntry


class EntryFieldsForm(forms.ModelForm):
    """What a journalist writes in an entry, new or changed."""

    class Meta:
        model = LiveEntry
        fields = ["title", "body", "is_key_event", "is_pinned"]


class EntryForm(EntryFieldsForm):
    """A new entry in one step. Its token travels with the form, so the same form posted
    twice (a double click, a resent request) makes one entry."""

    token = forms.UUIDField(widget=forms.HiddenInput, initial=uuid.uuid4)


class EntryChangeForm(EntryFieldsForm):
    is_correction = forms.BooleanField(
        label=_("This is a correction"),
        required=False,
        help_text=_("Readers see that the entry was corrected; its earlier text is kept."),
    )


class EndForm(forms.Form):
    closing_summary = forms.CharField(
        label=_("Closing summary"),
        required=False,
        max_length=2000,
        help_text=_("What readers see above the entries once the coverage has ended."),
        widget=forms.Textarea(attrs={"rows": 4, "class": "vLargeTextField"}),
    )
