"""TRUST 42, in the browser at phone and desktop widths: an editor signs in with the
password, sets up an authenticator from the QR code's page, keeps the recovery codes and
lands on the desk; then signs out and back in with the app's code. Every step's page passes
axe."""

import pytest
from django.urls import reverse
from django_otp.plugins.otp_totp.models import TOTPDevice

from tests.accounts.two_factor import code_for
from tests.browser.axe import blocking_violations
from tests.browser.desk import PASSWORD
from tests.browser.pages import DESKTOP, PHONE, follow, save_screenshot

DESK = reverse("admin:index")


@pytest.fixture(autouse=True)
def required_for_editors(settings):
    settings.TWO_FACTOR_REQUIRED = "staff"


def give_password(page, user) -> None:
    page.goto(reverse("admin:login") + "?next=" + DESK)
    page.fill("#id_username", user.username)
    page.fill("#id_password", PASSWORD)
    follow(page, page.locator("#login-form [type=submit]"))


def give_code(page, code: str) -> None:
    page.fill("#id_code", code)
    follow(page, page.locator("#code-form [type=submit]"))


def looked_at(page, axe_script, name: str) -> None:
    save_screenshot(page, name)
    assert blocking_violations(page, axe_script) == []


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["390", "1280"])
def test_an_editor_sets_up_two_factor_sign_in_then_signs_in_with_a_code(
    new_context, editor, axe_script, viewport
):
    width = viewport["width"]
    page = new_context(viewport=viewport, bypass_csp=True).new_page()  # for axe's script

    give_password(page, editor)
    assert reverse("two_factor:enrol") in page.url
    assert page.locator(".two-factor-qr svg").is_visible()
    assert page.locator("#secret").inner_text().replace(" ", "")
    looked_at(page, axe_script, f"two-factor-enrol-{width}")

    device = TOTPDevice.objects.get(user=editor, confirmed=False)
    give_code(page, code_for(device))
    assert reverse("two_factor:recovery_codes") in page.url
    assert page.locator("#recovery-codes li").count() == 10
    looked_at(page, axe_script, f"two-factor-recovery-codes-{width}")

    follow(page, page.locator("#codes-kept"))
    assert page.url.endswith(DESK)
    assert page.locator("#user-tools a[href$='/two-factor/']").is_visible()

    follow(page, page.locator("#logout-form button"))
    give_password(page, editor)
    assert reverse("two_factor:verify") in page.url
    looked_at(page, axe_script, f"two-factor-code-{width}")
    give_code(page, code_for(device))
    assert page.url.endswith(DESK)
    save_screenshot(page, f"two-factor-desk-{width}")


def test_the_password_page_before_the_code_passes_axe(new_context, axe_script):
    page = new_context(bypass_csp=True).new_page()
    page.goto(reverse("admin:login"))
    looked_at(page, axe_script, "sign-in-password-1280")
