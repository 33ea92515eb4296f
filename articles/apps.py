from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ArticlesConfig(AppConfig):
    name = "articles"
    verbose_name = _("Articles")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from articles import changes  # noqa: F401  (connects its receivers)
        from newsroom import folding  # noqa: F401  (gives SQLite its FOLD function)
