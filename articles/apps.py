from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ArticlesConfig(AppConfig):
    name = "articles"
    verbose_name = _("Articles")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from django.db.models.signals import post_migrate

        from articles import signals  # noqa: F401
        from articles.models.read_also import ensure_slots

        post_migrate.connect(ensure_slots, sender=self)
