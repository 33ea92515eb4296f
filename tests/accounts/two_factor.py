"""Signing in as a person with an authenticator does: codes computed from the device's key."""

import time

from django.test import Client
from django.urls import reverse
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from newsroom.two_factor import devices

PASSWORD = "correct-horse-battery"  # tests/factories.py's UserFactory
LOGIN = reverse("admin:login")


def code_for(device, later: int = 0) -> str:
    """The code the app shows now (or `later` steps on), past any code already used."""
    device.refresh_from_db()
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    totp.time = time.time() + later * device.step
    while totp.t() <= device.last_t:
        totp.time += device.step
    return f"{totp.token():0{device.digits}d}"


def authenticator_for(user) -> TOTPDevice:
    """`user` with a confirmed authenticator and recovery codes, as after enrolment."""
    device = TOTPDevice.objects.create(user=user, name="Authenticator", confirmed=True)
    device.recovery_codes = devices.make_recovery_codes(user)
    return device


def sign_in(user, address="192.0.2.10", next_url="/admin/") -> tuple[Client, object]:
    client = Client(REMOTE_ADDR=address)
    response = client.post(
        LOGIN, {"username": user.username, "password": PASSWORD, "next": next_url}
    )
    return client, response


def give_code(client, code, next_url="/admin/"):
    return client.post(reverse("two_factor:verify"), {"code": code, "next": next_url})
