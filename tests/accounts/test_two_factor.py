"""Editors and administrators give an authenticator's code after their password (TRUST 42):
a wrong code is refused and counted like a wrong password, a recovery code works once, a
session with only a password reaches nothing in the admin, and the demo needs none of it."""

from base64 import b32encode
from datetime import timedelta

import pytest
import time_machine
from axes.models import AccessAttempt
from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import timezone
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from articles.models import Article
from newsroom.two_factor.policy import is_required
from tests.accounts.two_factor import (
    authenticator_for,
    code_for,
    give_code,
    sign_in,
)
from tests.conftest import client_for

ADMIN = reverse("admin:index")
VERIFY = reverse("two_factor:verify")
ENROL = reverse("two_factor:enrol")


@pytest.fixture(autouse=True)
def required_for_staff(settings):
    settings.TWO_FACTOR_REQUIRED = "staff"


def test_an_editor_with_an_authenticator_is_asked_for_a_code_after_the_password(editor):
    device = authenticator_for(editor)
    client, response = sign_in(editor)
    assert response.status_code == 302
    asked = client.get(ADMIN)
    assert asked.status_code == 302 and asked["Location"].startswith(VERIFY)
    page = client.get(asked["Location"])
    assert page.status_code == 200 and 'autocomplete="one-time-code"' in page.content.decode()
    assert "no-store" in page["Cache-Control"]

    given = give_code(client, code_for(device))
    assert given.status_code == 302 and given["Location"] == ADMIN
    assert client.get(ADMIN).status_code == 200


def test_an_editor_without_an_authenticator_is_taken_to_set_one_up(editor):
    client, _ = sign_in(editor)
    sent = client.get(ADMIN)
    assert sent.status_code == 302 and sent["Location"].startswith(ENROL)
    page = client.get(sent["Location"]).content.decode()
    # The QR code is drawn in the page, loaded from nowhere.
    assert '<svg width="' in page and '<path d="M' in page and "&lt;svg" not in page
    assert "<img" not in page
    device = TOTPDevice.objects.get(user=editor, confirmed=False)
    assert client.get(ADMIN).status_code == 302  # still nothing until the first code

    wrong = client.post(ENROL, {"code": "000000"})
    assert wrong.status_code == 200 and not TOTPDevice.objects.filter(confirmed=True).exists()
    with time_machine.travel(timezone.now() + timedelta(seconds=2)):  # django-otp's wait
        confirmed = client.post(ENROL, {"code": code_for(device), "next": ADMIN})
    assert confirmed.status_code == 302
    assert confirmed["Location"].startswith(reverse("two_factor:recovery_codes"))
    device.refresh_from_db()
    assert device.confirmed

    shown = client.get(confirmed["Location"])
    codes = shown.context["codes"]
    assert len(codes) == 10 and all(code in shown.content.decode() for code in codes)
    assert "no-store" in shown["Cache-Control"]
    again = client.get(confirmed["Location"])
    assert again.context["codes"] is None  # shown once
    assert not any(code in again.content.decode() for code in codes)
    assert client.get(ADMIN).status_code == 200


def test_the_secret_is_given_in_text_for_typing_by_hand(editor):
    client, _ = sign_in(editor)
    page = client.get(ENROL).content.decode()
    device = TOTPDevice.objects.get(user=editor)
    secret = b32encode(device.bin_key).decode()
    assert secret[:4] + " " + secret[4:8] in page


def test_a_wrong_code_is_refused_and_counted_as_a_failed_sign_in(editor, settings):
    device = authenticator_for(editor)
    client, _ = sign_in(editor, address="192.0.2.20")
    refused = give_code(client, "123456" if code_for(device) != "123456" else "654321")
    assert refused.status_code == 200
    assert "not valid" in refused.content.decode() or "pas valable" in refused.content.decode()
    assert client.get(ADMIN).status_code == 302  # still not in
    attempt = AccessAttempt.objects.get(username="mariam", ip_address="192.0.2.20")
    assert attempt.failures_since_start == 1
    assert "123456" not in attempt.post_data and "654321" not in attempt.post_data

    # django-otp waits longer after each wrong code: the right one a moment later is refused.
    too_soon = give_code(client, code_for(device))
    assert too_soon.status_code == 200
    assert client.get(ADMIN).status_code == 302


def test_wrong_codes_lock_the_account_like_wrong_passwords(editor, settings):
    authenticator_for(editor)
    client, _ = sign_in(editor, address="192.0.2.30")
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        assert give_code(client, "000000").status_code == 200
    locked = give_code(client, "000000")
    assert locked.status_code == 429 and locked["Retry-After"] == "900"
    # The half-open session is over, and the password alone is now refused too.
    assert client.get(ADMIN)["Location"].startswith(reverse("admin:login"))
    _, again = sign_in(editor, address="192.0.2.30")
    assert again.status_code == 429


def test_a_recovery_code_works_once(editor):
    device = authenticator_for(editor)
    code = device.recovery_codes[0]
    client, _ = sign_in(editor)
    given = give_code(client, code.upper()[:4] + "-" + code[4:])  # as typed from paper
    assert given.status_code == 302 and client.get(ADMIN).status_code == 200
    assert not StaticToken.objects.filter(token=code).exists()
    assert StaticToken.objects.filter(device__user=editor).count() == 9

    other, _ = sign_in(editor, address="192.0.2.11")
    assert give_code(other, code).status_code == 200  # refused the second time
    assert other.get(ADMIN).status_code == 302


def test_new_recovery_codes_void_the_old_ones(editor):
    device = authenticator_for(editor)
    old = device.recovery_codes
    client, _ = sign_in(editor)
    give_code(client, code_for(device))
    made = client.post(reverse("two_factor:recovery_codes"))
    assert made.status_code == 302
    new = client.get(made["Location"]).context["codes"]
    assert len(new) == 10 and not set(new) & set(old)
    assert set(
        StaticToken.objects.filter(device__user=editor).values_list("token", flat=True)
    ) == set(new)


def test_a_session_with_only_a_password_cannot_make_recovery_codes(editor):
    authenticator_for(editor)
    client, _ = sign_in(editor)
    before = set(StaticToken.objects.values_list("token", flat=True))
    response = client.post(reverse("two_factor:recovery_codes"))
    assert response.status_code == 302 and response["Location"].startswith(VERIFY)
    assert set(StaticToken.objects.values_list("token", flat=True)) == before


def test_a_session_with_only_a_password_cannot_set_up_a_second_authenticator(editor):
    device = authenticator_for(editor)
    client, _ = sign_in(editor)
    response = client.get(ENROL)
    assert response.status_code == 302 and response["Location"].startswith(VERIFY)
    assert list(TOTPDevice.objects.filter(user=editor)) == [device]


def test_a_forged_post_from_a_password_only_session_changes_nothing(editor, draft):
    authenticator_for(editor)
    client, _ = sign_in(editor)
    change = reverse("admin:articles_article_change", args=[draft.pk])
    forged = client.post(change, {"headline": "Titre forgé", "_save": "Save"})
    assert forged.status_code == 302 and forged["Location"].startswith(VERIFY)
    assert Article.objects.get(pk=draft.pk).headline == draft.headline
    for address in [
        reverse("admin:auth_user_changelist"),
        reverse("admin:password_change"),
        "/en" + change,
        reverse("two_factor:manage"),
    ]:
        assert client.get(address)["Location"].startswith(VERIFY.split("/admin")[0]), address


def test_a_forged_post_before_enrolment_changes_nothing_either(editor, draft):
    client, _ = sign_in(editor)
    change = reverse("admin:articles_article_change", args=[draft.pk])
    forged = client.post(change, {"headline": "Titre forgé", "_save": "Save"})
    assert forged.status_code == 302 and forged["Location"].startswith(ENROL)
    assert Article.objects.get(pk=draft.pk).headline == draft.headline


def test_the_next_address_must_be_on_this_site(editor):
    device = authenticator_for(editor)
    client, _ = sign_in(editor)
    given = give_code(client, code_for(device), next_url="https://evil.example/")
    assert given["Location"] == ADMIN


def test_a_journalist_is_not_required_when_only_editors_are(journalist):
    assert not is_required(journalist)
    client, _ = sign_in(journalist)
    assert client.get(ADMIN).status_code == 200


def test_administrators_are_required(admin_user):
    assert is_required(admin_user)
    client, _ = sign_in(admin_user)
    assert client.get(ADMIN)["Location"].startswith(ENROL)


def test_everyone_on_the_staff_is_required_with_all(journalist, outsider, settings):
    settings.TWO_FACTOR_REQUIRED = "all"
    assert is_required(journalist) and is_required(outsider)
    client, _ = sign_in(journalist)
    assert client.get(ADMIN)["Location"].startswith(ENROL)


def test_joining_the_editors_makes_it_required_at_once(journalist):
    client, _ = sign_in(journalist)
    assert client.get(ADMIN).status_code == 200
    journalist.groups.add(Group.objects.get(name="Editors"))
    assert client.get(ADMIN)["Location"].startswith(ENROL)


def test_a_journalist_who_set_it_up_is_asked_for_the_code(journalist):
    device = authenticator_for(journalist)
    client, _ = sign_in(journalist)
    assert client.get(ADMIN)["Location"].startswith(VERIFY)
    give_code(client, code_for(device))
    assert client.get(ADMIN).status_code == 200


def test_a_journalist_sets_it_up_from_the_desk_and_may_turn_it_off(journalist):
    client, _ = sign_in(journalist)
    manage = reverse("two_factor:manage")
    assert f'href="{manage}"' in client.get(ADMIN).content.decode()  # in the user tools
    assert ENROL in client.get(manage).content.decode()
    client.get(ENROL)
    device = TOTPDevice.objects.get(user=journalist)
    client.post(ENROL, {"code": code_for(device)})
    assert TOTPDevice.objects.get(user=journalist).confirmed
    client.post(manage, {"action": "turn_off"})
    assert not TOTPDevice.objects.filter(user=journalist).exists()
    assert not StaticToken.objects.filter(device__user=journalist).exists()


def test_an_editor_cannot_turn_it_off(editor):
    device = authenticator_for(editor)
    client, _ = sign_in(editor)
    give_code(client, code_for(device))
    client.post(reverse("two_factor:manage"), {"action": "turn_off"})
    assert TOTPDevice.objects.filter(user=editor, confirmed=True).exists()


def test_the_code_page_in_english_too(editor):
    authenticator_for(editor)
    client, _ = sign_in(editor, next_url="/en/admin/")
    sent = client.get("/en/admin/")
    assert sent["Location"].startswith("/en/admin/two-factor/code/")
    assert "Enter your code" in client.get(sent["Location"]).content.decode()


def test_nothing_is_asked_in_the_demo(editor, admin_user, settings):
    """DEBUG on: TWO_FACTOR_REQUIRED defaults to off (tests/test_configuration checks the
    default); editors and administrators go straight in with their password."""
    settings.TWO_FACTOR_REQUIRED = "off"
    for user in (editor, admin_user):
        client, _ = sign_in(user)
        assert client.get(ADMIN).status_code == 200


def test_sessions_from_force_login_in_other_tests_are_not_slowed(editor, settings):
    settings.TWO_FACTOR_REQUIRED = "off"
    client = client_for(editor)
    assert client.get(ADMIN).status_code == 200
