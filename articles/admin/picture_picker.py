"""The window the body editor's picture button opens (django-prose-editor's Figure
`pickerUrl`): search the library and pick a picture, or add one and pick it at once. The
pick is handed back to the editor as its picker protocol says (static/newsroom/picker.js)."""

from django import forms
from django.core.exceptions import PermissionDenied
from django.core.files.storage import default_storage
from django.core.paginator import Paginator
from django.template.response import TemplateResponse
from django.urls import path
from django.utils.http import urlencode
from django.utils.translation import gettext as _

from articles import rules
from articles.models import Picture

PICKS_PER_PAGE = 24


class NewPictureForm(forms.ModelForm):
    class Meta:
        model = Picture
        fields = ["file", "title", "alt_text", "caption", "credit", "photographer"]


def picked(picture) -> dict:
    """What the editor gets: an address to show it by, its id, its alt text and caption
    (with its credit), both editable for this use."""
    widths = (picture.renditions or {}).get("widths") or []  # what was made; a list never makes
    src = default_storage.url(widths[min(1, len(widths) - 1)][3]) if widths else picture.file.url
    credit = _("Photo: %(credit)s") % {"credit": picture.credit} if picture.credit else ""
    return {
        "id": picture.pk,
        "src": src,
        "alt": picture.alt_text,
        "caption": " ".join(part for part in (picture.caption, credit) if part),
    }


class PicturePickerMixin:
    def picker_urls(self):
        return [
            path(
                "pick/",
                self.admin_site.admin_view(self.pick_view),
                name="articles_picture_pick",
            )
        ]

    def pick_view(self, request):
        if not self.has_view_permission(request):
            raise PermissionDenied
        form = None
        chosen = None
        if request.method == "POST":
            if not rules.can_add_picture(request.user):
                raise PermissionDenied
            form = NewPictureForm(request.POST, request.FILES)
            if form.is_valid():
                chosen = Picture.upload_by(request.user, **form.cleaned_data)
        elif rules.can_add_picture(request.user):
            form = NewPictureForm()
        query = request.GET.get("q", "").strip()[:100]
        found = Picture.objects.all()
        if query:
            found = self.get_search_results(request, found, query)[0]
        page = Paginator(found, PICKS_PER_PAGE).get_page(request.GET.get("page"))
        # Who opened the window, kept through searches, pages and an upload.
        opener = {
            k: request.GET[k] for k in ("CKEditorFuncNum", "multiple", "pick") if k in request.GET
        }
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "title": _("Choose a picture"),
            "is_popup": True,
            "query": query,
            "opener": opener,
            "keep": urlencode(opener),
            "multiple": opener.get("multiple") == "1",
            "page": page,
            "choices": [(picture, picked(picture)) for picture in page],
            "form": form,
            "chosen": chosen and picked(chosen),
        }
        return TemplateResponse(request, "admin/articles/picture/pick.html", context)
