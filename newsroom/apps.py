"""Other projects' apps under the names the desk gives them."""

from django.utils.translation import gettext_lazy as _
from taggit.apps import TaggitAppConfig


class TagsConfig(TaggitAppConfig):
    """django-taggit, whose section of the admin's index would read "Taggit"."""

    verbose_name = _("Tags")
