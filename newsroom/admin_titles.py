"""The desk's form titles as whole phrases: "Ajouter un article", "Modifier l’image".

Django builds them as "Add %s" / "Change %s" / "View %s" around a model's name, which French
cannot do without each noun's gender and elision ("Ajout de article"). Here every model of
the desk has its three titles written out, so each is translated as it should read.
"""

from typing import NamedTuple

from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _


class Titles(NamedTuple):
    add: str
    change: str
    view: str


TITLES = {
    "articles.article": Titles(_("Add article"), _("Change article"), _("View article")),
    "articles.picture": Titles(_("Add picture"), _("Change picture"), _("View picture")),
    "articles.section": Titles(_("Add section"), _("Change section"), _("View section")),
    "articles.tip": Titles(_("Add reader's tip"), _("Change reader's tip"), _("View reader's tip")),
    "articles.featuredstory": Titles(
        _("Add featured story"), _("Change featured story"), _("View featured story")
    ),
    "articles.breakingnews": Titles(
        _("Add breaking-news banner"),
        _("Change breaking-news banner"),
        _("View breaking-news banner"),
    ),
    "articles.previewlink": Titles(
        _("Add preview link"), _("Change preview link"), _("View preview link")
    ),
    "importer.legacyaddress": Titles(
        _("Add old address"), _("Change old address"), _("View old address")
    ),
    "importer.importrun": Titles(_("Add import run"), _("Change import run"), _("View import run")),
    "live.livecoverage": Titles(
        _("Start live coverage"), _("Change live coverage"), _("View live coverage")
    ),
    "live.liveentry": Titles(_("Add live entry"), _("Change live entry"), _("View live entry")),
    "newsletters.subscriber": Titles(
        _("Add subscriber"), _("Change subscriber"), _("View subscriber")
    ),
    "newsletters.edition": Titles(
        _("New newsletter edition"), _("Change newsletter edition"), _("View newsletter edition")
    ),
    "taggit.tag": Titles(_("Add tag"), _("Change tag"), _("View tag")),
    "authors.author": Titles(_("Add author"), _("Change author"), _("View author")),
    "auth.user": Titles(_("Add user"), _("Change user"), _("View user")),
    "auth.group": Titles(_("Add group"), _("Change group"), _("View group")),
}


class ModelTitlesMixin:
    """Put before ModelAdmin: the add, change and view pages take the model's titles."""

    def __init__(self, model, admin_site):
        super().__init__(model, admin_site)
        try:
            self.titles = TITLES[model._meta.label_lower]
        except KeyError:
            raise ImproperlyConfigured(
                f"{type(self).__name__}: no titles for {model._meta.label_lower} in "
                "newsroom/admin_titles.py"
            ) from None

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        response = super().render_change_form(request, context, add, change, form_url, obj)
        shown = response.context_data
        if obj is None:
            shown["title"] = self.titles.add
        elif shown["has_change_permission"]:
            shown["title"] = self.titles.change
        else:
            shown["title"] = self.titles.view
        return response
