"""The reader-facing form "Contacter la rédaction" (the search box is plain markup)."""

from crispy_forms.helper import FormHelper
from crispy_forms.layout import Field, Layout, Submit
from django import forms
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from articles.models import Tip


class TipForm(forms.ModelForm):
    # Humans never see this field; a bot that fills it is thanked and ignored.
    website = forms.CharField(
        label=_("Leave this field empty"),
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )

    class Meta:
        model = Tip
        fields = ["name", "contact", "message"]
        widgets = {"message": forms.Textarea(attrs={"rows": 8})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.form_method = "post"
        self.helper.form_action = reverse("articles:contact")
        self.helper.layout = Layout(
            "name", "contact", "message", Field("website", wrapper_class="hp")
        )
        self.helper.add_input(Submit("send", _("Send to the newsroom"), css_class="button"))

    @property
    def is_bot(self) -> bool:
        return bool(self.cleaned_data.get("website"))
