"""What a reader fills in to subscribe, or to change what they receive."""

from crispy_forms.helper import FormHelper
from crispy_forms.layout import Field, Layout, Submit
from django import forms
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from articles.models import Section
from newsletters.models import Subscriber


class ChoicesForm(forms.ModelForm):
    sections = forms.ModelMultipleChoiceField(
        queryset=Section.objects.order_by("position", "name"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label=_("Sections of interest"),
    )

    class Meta:
        model = Subscriber
        fields = ["wants_digest", "wants_alerts", "sections"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.add_input(Submit("save", _("Save my choices"), css_class="button"))

    def clean(self):
        cleaned = super().clean()
        if not (cleaned.get("wants_digest") or cleaned.get("wants_alerts")):
            raise ValidationError(_("Choose the daily digest, the alerts, or both."))
        return cleaned


class SignupForm(ChoicesForm):
    email = forms.EmailField(label=_("Your email address"), max_length=254)
    # Humans never see this field; a bot that fills it is thanked and ignored.
    website = forms.CharField(
        label=_("Leave this field empty"),
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )

    class Meta(ChoicesForm.Meta):
        fields = ["email", "wants_digest", "wants_alerts", "sections"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.form_action = reverse("newsletters:subscribe")
        self.helper.layout = Layout(
            "email",
            "wants_digest",
            "wants_alerts",
            "sections",
            Field("website", wrapper_class="hp"),
        )
        self.helper.add_input(Submit("subscribe", _("Subscribe"), css_class="button"))

    def validate_unique(self):
        pass  # an address already known is answered as a new one (newsletters/signup.py)

    def clean_email(self):
        return self.cleaned_data["email"].strip().lower()

    @property
    def is_bot(self) -> bool:
        return bool(self.cleaned_data.get("website"))
