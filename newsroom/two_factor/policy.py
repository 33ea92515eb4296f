"""Who must give a second factor, and what a signed-in session still owes."""

from urllib.parse import urlencode

from django.conf import settings
from django.contrib.auth.signals import user_logged_in
from django.dispatch import receiver
from django.urls import reverse
from django_otp.plugins.otp_totp.models import TOTPDevice

from articles import rules

# Session key: whether the account had an authenticator when it signed in, so that pages do
# not look for devices on every request.
ENROLLED = "two_factor_enrolled"


def is_required(user) -> bool:
    """TWO_FACTOR_REQUIRED: "staff" for editors and administrators, "all" for every staff
    account, "off" for nobody."""
    mode = settings.TWO_FACTOR_REQUIRED
    if mode == "off" or not (user.is_authenticated and user.is_active and user.is_staff):
        return False
    return mode == "all" or user.is_superuser or rules.is_editor(user)


def has_authenticator(user) -> bool:
    return TOTPDevice.objects.devices_for_user(user, confirmed=True).exists()


@receiver(user_logged_in, dispatch_uid="two_factor_remember_enrolment")
def remember_enrolment(sender, request, user, **kwargs):
    if request is not None and hasattr(request, "session"):
        request.session[ENROLLED] = has_authenticator(user)


def pending_step(request) -> str | None:
    """Which step this session still owes ("verify" or "enrol"), or None."""
    user = request.user
    if not user.is_authenticated or user.is_verified():
        return None
    enrolled = request.session.get(ENROLLED)
    if enrolled is None:  # a session from before two-factor sign-in existed
        enrolled = request.session[ENROLLED] = has_authenticator(user)
    if enrolled:
        return "verify"
    return "enrol" if is_required(user) else None


def step_url(name: str, next_url: str = "") -> str:
    """The address of one of the steps' pages, carrying where to go afterwards."""
    url = reverse(f"two_factor:{name}")
    return f"{url}?{urlencode({'next': next_url})}" if next_url else url
