"""Partners' API keys: a higher rate, revocable, listed in the admin for administrators."""

import re

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from api.models import ApiKey
from tests.conftest import client_for

SECTIONS = "/api/v1/sections"


def with_key(key: str) -> dict:
    return {"HTTP_AUTHORIZATION": f"Bearer {key}", "REMOTE_ADDR": "192.0.2.50"}


@pytest.fixture
def partner_key(admin_user):
    api_key = ApiKey(partner="Radio Jam", rate="5/min")
    return api_key, api_key.issue_by(admin_user)


def test_a_key_gets_its_own_rate(client, partner_key, settings, one_window):
    settings.API_RATE_LIMIT = "2/min"
    _api_key, key = partner_key
    keyed = [client.get(SECTIONS, **with_key(key)).status_code for _ in range(6)]
    assert keyed == [200] * 5 + [429]
    plain = [client.get(SECTIONS, REMOTE_ADDR="192.0.2.50").status_code for _ in range(3)]
    assert plain == [200, 200, 429]  # the same address without the key: the public rate


def test_an_unknown_or_revoked_key_is_refused_at_once(client, partner_key, admin_user):
    api_key, key = partner_key
    assert client.get(SECTIONS, **with_key(key)).status_code == 200
    unknown = client.get(SECTIONS, **with_key("not-a-key"))
    assert unknown.status_code == 401
    assert unknown.json() == {"detail": "This API key is unknown or was revoked."}
    assert unknown["WWW-Authenticate"].startswith("Bearer")
    api_key.revoke_by(admin_user)
    assert client.get(SECTIONS, **with_key(key)).status_code == 401


def test_only_the_key_s_hash_is_kept(partner_key):
    api_key, key = partner_key
    stored = ApiKey.objects.filter(pk=api_key.pk).values().get()
    assert key not in {str(value) for value in stored.values()}
    assert stored["prefix"] == key[:8]


def test_only_an_administrator_issues_changes_or_revokes(editor, partner_key):
    api_key, _key = partner_key
    with pytest.raises(PermissionDenied):
        ApiKey(partner="Agrégateur").issue_by(editor)
    with pytest.raises(PermissionDenied):
        api_key.revoke_by(editor)
    api_key.rate = "100000/min"
    with pytest.raises(PermissionDenied):
        api_key.save_by(editor)
    api_key.refresh_from_db()
    assert api_key.rate == "5/min" and api_key.revoked_at is None


def test_the_admin_shows_a_new_key_once_and_lists_only_its_start(admin_user):
    desk = client_for(admin_user)
    added = desk.post(
        reverse("admin:api_apikey_add"), {"partner": "Appli mobile", "rate": "600/min"}
    )
    api_key = ApiKey.objects.get(partner="Appli mobile")
    answer = desk.get(added["Location"])
    shown = " ".join(str(m) for m in answer.context["messages"])
    key = re.search(re.escape(api_key.prefix) + r"[-\w]{35}", shown).group(0)
    for reply in (added, answer):  # kept on the server, never in a cookie the browser keeps
        kept = reply.cookies.get("messages")
        assert kept is None or not kept.value
    assert ApiKey.rate_of(key) == (api_key.pk, "600/min")
    listing = desk.get(reverse("admin:api_apikey_changelist")).content.decode()
    assert api_key.prefix in listing and key not in listing


def test_a_bad_rate_is_refused_in_the_form(admin_user):
    answer = client_for(admin_user).post(
        reverse("admin:api_apikey_add"), {"partner": "Site", "rate": "beaucoup"}
    )
    assert answer.status_code == 200
    assert "1200/min" in answer.content.decode()
    assert not ApiKey.objects.exists()


def test_editors_and_journalists_see_nothing_and_forge_nothing(editor, journalist, partner_key):
    api_key, _key = partner_key
    for user in (editor, journalist):
        desk = client_for(user)
        assert desk.get(reverse("admin:api_apikey_changelist")).status_code == 403
        forged = desk.post(reverse("admin:api_apikey_add"), {"partner": "X", "rate": "9/s"})
        assert forged.status_code == 403
        revoke = desk.post(
            reverse("admin:api_apikey_changelist"),
            {"action": "revoke", "_selected_action": [api_key.pk]},
        )
        assert revoke.status_code == 403
    assert ApiKey.objects.count() == 1
    api_key.refresh_from_db()
    assert api_key.revoked_at is None


def test_the_revoke_action(admin_user, partner_key, client):
    api_key, key = partner_key
    client_for(admin_user).post(
        reverse("admin:api_apikey_changelist"),
        {"action": "revoke", "_selected_action": [api_key.pk]},
    )
    api_key.refresh_from_db()
    assert api_key.revoked_at is not None
    assert client.get(SECTIONS, **with_key(key)).status_code == 401


def test_a_malformed_public_rate_stops_the_server_at_start(settings):
    from django.core.exceptions import ImproperlyConfigured

    from api.middleware import RateLimitMiddleware

    settings.API_RATE_LIMIT = "beaucoup"
    with pytest.raises(ImproperlyConfigured, match="API_RATE_LIMIT"):
        RateLimitMiddleware(lambda request: None)


def test_keys_the_site_never_gave_count_against_the_address(client, db, settings, one_window):
    settings.API_RATE_LIMIT = "2/min"
    guesses = [client.get(SECTIONS, **with_key(f"guess-{n}")).status_code for n in range(4)]
    assert guesses == [401, 401, 429, 429]
