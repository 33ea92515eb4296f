from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LiveConfig(AppConfig):
    name = "live"
    verbose_name = _("Live coverage")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from live import changes  # noqa: F401  (connects what follows a change)
