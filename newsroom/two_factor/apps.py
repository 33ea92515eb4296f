from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TwoFactorConfig(AppConfig):
    name = "newsroom.two_factor"
    label = "two_factor"
    verbose_name = _("Two-factor sign-in")

    def ready(self):
        from newsroom.two_factor import policy  # noqa: F401  (connects its receiver)
