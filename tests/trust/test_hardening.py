"""Login throttling, security headers, privileges, CSRF and passwords."""

from datetime import timedelta

import pytest
import time_machine
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from tests.conftest import client_for

LOGIN = reverse("admin:login")
PASSWORD = "correct-horse-battery"


def attempt(client, username, password, **extra):
    return client.post(
        LOGIN, {"username": username, "password": password, "next": "/admin/"}, **extra
    )


def test_repeated_failures_lock_the_account_from_that_address_for_a_while(
    journalist, colleague, settings
):
    client = Client(REMOTE_ADDR="10.0.0.5")
    for _ in range(settings.AXES_FAILURE_LIMIT):
        attempt(client, "awa", "wrong-password")
    locked = attempt(client, "awa", PASSWORD)
    assert locked.status_code == 429
    # A colleague behind the same address, and the same account elsewhere, are not locked.
    assert attempt(Client(REMOTE_ADDR="10.0.0.5"), "yao", PASSWORD).status_code == 302
    assert attempt(Client(REMOTE_ADDR="10.0.0.9"), "awa", PASSWORD).status_code == 302
    with time_machine.travel(timezone.now() + settings.AXES_COOLOFF_TIME + timedelta(seconds=5)):
        assert attempt(Client(REMOTE_ADDR="10.0.0.5"), "awa", PASSWORD).status_code == 302


def test_real_client_address_behind_the_proxy(journalist, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    for _ in range(settings.AXES_FAILURE_LIMIT):
        attempt(Client(REMOTE_ADDR="127.0.0.1"), "awa", "nope", HTTP_X_FORWARDED_FOR="203.0.113.7")
    # The proxy's own address is shared by everyone: only the reader's address is locked.
    assert (
        attempt(
            Client(REMOTE_ADDR="127.0.0.1"), "awa", PASSWORD, HTTP_X_FORWARDED_FOR="203.0.113.8"
        ).status_code
        == 302
    )
    assert (
        attempt(
            Client(REMOTE_ADDR="127.0.0.1"), "awa", PASSWORD, HTTP_X_FORWARDED_FOR="203.0.113.7"
        ).status_code
        == 429
    )


def test_a_forged_forwarded_header_is_ignored_without_a_trusted_proxy(journalist, settings):
    settings.TRUSTED_PROXY_COUNT = 0
    for i in range(settings.AXES_FAILURE_LIMIT):
        attempt(
            Client(REMOTE_ADDR="10.0.0.5"), "awa", "nope", HTTP_X_FORWARDED_FOR=f"198.51.100.{i}"
        )
    assert attempt(Client(REMOTE_ADDR="10.0.0.5"), "awa", PASSWORD).status_code == 429


@pytest.mark.parametrize(
    "next_url", ["https://evil.example/", "//evil.example/", "/\\evil.example/", ""]
)
def test_a_refused_next_lands_on_the_desk_not_a_404(journalist, next_url):
    client = Client()
    response = client.post(
        f"{LOGIN}?next={next_url}",
        {"username": "awa", "password": PASSWORD, "next": next_url},
    )
    assert response.status_code == 302 and response["Location"] == reverse("admin:index")
    assert client.get(response["Location"]).status_code == 200


def csp(response) -> dict:
    return {
        part.split()[0]: part.split()[1:]
        for part in response["Content-Security-Policy"].split(";")
        if part.strip()
    }


def test_public_pages_have_a_strict_policy_and_headers(client, published):
    response = client.get(published.get_absolute_url())
    policy = csp(response)
    assert policy["script-src"] == ["'self'"] and policy["default-src"] == ["'self'"]
    assert policy["frame-ancestors"] == ["'none'"] and policy["object-src"] == ["'none'"]
    assert not any("http" in value for values in policy.values() for value in values)
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert "<script>" not in response.content.decode()  # no inline script on public pages


def test_admin_policy_allows_only_the_editors_import_map(draft, editor):
    from newsroom.security import editor_import_map_hash

    response = client_for(editor).get(reverse("admin:articles_article_change", args=[draft.pk]))
    policy = csp(response)
    assert policy["script-src"] == ["'self'", editor_import_map_hash()]
    assert "'unsafe-inline'" not in policy["script-src"]
    assert response["Referrer-Policy"] == "same-origin"
    assert '<script type="importmap">' in response.content.decode()


@pytest.mark.parametrize("who", ["journalist", "editor"])
def test_staff_cannot_manage_users_or_groups(db, request, who):
    user = request.getfixturevalue(who)
    client = client_for(user)
    for name in ("auth_user_changelist", "auth_group_changelist"):
        assert client.get(reverse(f"admin:{name}")).status_code == 403
    response = client.post(
        reverse("admin:auth_user_change", args=[user.pk]),
        {"username": user.username, "is_superuser": "on", "is_staff": "on"},
    )
    assert response.status_code == 403
    user.refresh_from_db()
    assert not user.is_superuser


def test_cross_site_posts_are_refused(draft, editor):
    client = Client(enforce_csrf_checks=True)
    client.force_login(editor)
    response = client.post(
        reverse("admin:articles_article_transition", args=[draft.pk]), {"_transition": "publish"}
    )
    assert response.status_code == 403
    draft.refresh_from_db()
    assert draft.status == "draft"


@pytest.mark.parametrize("weak", ["short1", "password1234", "123456789012", "awa@newsroom.test"])
def test_weak_passwords_are_refused(journalist, weak):
    with pytest.raises(ValidationError):
        validate_password(weak, user=journalist)


def test_a_strong_password_is_accepted(journalist):
    validate_password("Bouaké-sous-la-pluie-2026", user=journalist)
