"""The reader-facing forms: the search box on every page and "Contacter la rédaction"."""

from crispy_forms.helper import FormHelper
from crispy_forms.layout import HTML, Field, Layout, Submit
from django import forms
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from articles.models import Tip
from articles.search import MAX_LENGTH as MAX_SEARCH_LENGTH


class SearchForm(forms.Form):
    q = forms.CharField(
        label=_("Search the site"),
        required=False,
        max_length=MAX_SEARCH_LENGTH,
        widget=forms.TextInput(attrs={"type": "search", "placeholder": _("Search…")}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.form_method = "get"
        self.helper.form_action = reverse("articles:search")
        self.helper.form_class = "search-form"
        self.helper.attrs = {"role": "search"}
        self.helper.disable_csrf = True
        self.helper.form_show_labels = False
        # A named submit button would add itself to the results' address.
        self.helper.layout = Layout(
            "q", HTML(format_html('<button type="submit" class="button">{}</button>', _("Search")))
        )

    @classmethod
    def from_query(cls, query: str, auto_id="id_%s") -> "SearchForm":
        """A form that shows the reader's query, cut to the accepted length."""
        return cls(initial={"q": (query or "")[:MAX_SEARCH_LENGTH]}, auto_id=auto_id)


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
