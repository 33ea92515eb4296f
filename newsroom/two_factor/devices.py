"""Authenticators and recovery codes: making them, checking a code against them."""

from base64 import b32encode

import qrcode
from django.db import transaction
from django.utils.safestring import mark_safe
from django_otp import verify_token
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice
from qrcode.image.svg import SvgPathImage

RECOVERY_CODES = 10


def normalise(code: str) -> str:
    """As typed or pasted: spaces, dashes and capitals do not matter."""
    return "".join(code.split()).replace("-", "").lower()


def check_code(user, code: str):
    """The device that accepts `code` (and records its use), or None.

    Digits are an authenticator's code, anything else a recovery code, so that a guess never
    costs the owner both devices' throttling. A recovery code is deleted as it is accepted.
    """
    code = normalise(code)
    model = TOTPDevice if code.isdigit() else StaticDevice
    for device in model.objects.devices_for_user(user, confirmed=True):
        accepted = verify_token(user, device.persistent_id, code)
        if accepted is not None:
            return accepted
    return None


def is_throttled(user) -> bool:
    """Whether django-otp refuses to check this person's codes for a few seconds now (it
    waits longer after each wrong code)."""
    devices = [
        *TOTPDevice.objects.devices_for_user(user, confirmed=True),
        *StaticDevice.objects.devices_for_user(user, confirmed=True),
    ]
    return any(not device.verify_is_allowed()[0] for device in devices)


def device_to_confirm(user) -> TOTPDevice:
    """The authenticator being set up: the same one (and QR code) until it is confirmed."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).order_by("pk").first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name="Authenticator", confirmed=False)
    return device


def confirm(device) -> None:
    """The first good code confirms the authenticator; it replaces any earlier one."""
    with transaction.atomic():
        TOTPDevice.objects.filter(user=device.user).exclude(pk=device.pk).delete()
        device.confirmed = True
        device.save()


def make_recovery_codes(user) -> list[str]:
    """Ten new single-use codes; the old ones stop working."""
    codes = []
    while len(codes) < RECOVERY_CODES:
        code = StaticToken.random_token()
        if not code.isdigit() and code not in codes:  # digits alone are an authenticator's
            codes.append(code)
    with transaction.atomic():
        StaticDevice.objects.filter(user=user).delete()
        device = StaticDevice.objects.create(user=user, name="Recovery codes", confirmed=True)
        StaticToken.objects.bulk_create(StaticToken(device=device, token=code) for code in codes)
    return codes


def recovery_codes_left(user) -> int:
    return StaticToken.objects.filter(device__user=user, device__confirmed=True).count()


def remove_all(user) -> None:
    with transaction.atomic():
        for device in TOTPDevice.objects.filter(user=user):
            device.delete()  # one by one: each removal reaches the audit log
        StaticDevice.objects.filter(user=user).delete()


def qr_code_svg(device) -> str:
    """The enrolment QR code as inline SVG: drawn here, nothing loaded from elsewhere."""
    image = qrcode.make(device.config_url, image_factory=SvgPathImage, border=2)
    # Safe: qrcode's own markup, a single path whose data encodes the address.
    return mark_safe(image.to_string(encoding="unicode"))


def secret_in_groups(device) -> str:
    """The key for typing into an app by hand, in groups of four."""
    secret = b32encode(device.bin_key).decode()
    return " ".join(secret[i : i + 4] for i in range(0, len(secret), 4))
