"""Password guessing is slowed per account and per address, not only per pair (TRUST_MAP
case 39); the lock-out page says for how long; an administrator lifts a lock-out."""

from django.test import Client
from django.urls import reverse

from tests.conftest import client_for
from tests.trust.test_hardening import PASSWORD, attempt


def guesses(username, addresses, each):
    for address in addresses:
        for _ in range(each):
            attempt(Client(REMOTE_ADDR=address), username, "wrong-password")


SIX_ADDRESSES = [f"198.51.100.{i}" for i in range(1, 7)]


def test_guessing_one_account_from_many_addresses_locks_it(editor):
    """The reported case: 30 wrong passwords from six addresses, then the right one."""
    guesses("mariam", SIX_ADDRESSES, 5)
    refused = attempt(Client(REMOTE_ADDR="198.51.100.7"), "mariam", PASSWORD)
    assert refused.status_code == 429
    page = refused.content.decode()
    assert "15 minutes" in page
    assert refused["Retry-After"] == "900"


def test_one_address_trying_many_accounts_is_locked_for_all(journalist, colleague):
    for i in range(30):
        attempt(Client(REMOTE_ADDR="203.0.113.9"), f"compte{i}", "wrong-password")
    assert attempt(Client(REMOTE_ADDR="203.0.113.9"), "yao", PASSWORD).status_code == 429
    assert attempt(Client(REMOTE_ADDR="203.0.113.10"), "yao", PASSWORD).status_code == 302


def test_a_few_typos_from_each_of_several_places_do_not_lock_the_owner(journalist):
    guesses("awa", ["10.0.0.1", "10.0.0.2", "10.0.0.3"], 4)  # 12 in all, 4 from each
    assert attempt(Client(REMOTE_ADDR="10.0.0.4"), "awa", PASSWORD).status_code == 302


def test_signing_in_clears_only_ones_own_typos(journalist):
    guesses("awa", SIX_ADDRESSES[:4], 4)  # 16 failures elsewhere
    guesses("awa", ["10.0.0.1"], 3)
    assert attempt(Client(REMOTE_ADDR="10.0.0.1"), "awa", PASSWORD).status_code == 302
    guesses("awa", SIX_ADDRESSES[4:], 2)  # 20 from others: locked, the owner's sign-in aside
    assert attempt(Client(REMOTE_ADDR="10.0.0.1"), "awa", PASSWORD).status_code == 429


def test_an_administrator_lets_a_locked_out_editor_sign_in(editor, admin_user):
    guesses("mariam", SIX_ADDRESSES, 5)
    users = reverse("admin:auth_user_changelist")
    listing = client_for(admin_user).get(users).content.decode()
    assert "mariam" in listing and ">30<" in listing  # the failures are shown
    response = client_for(admin_user).post(
        users, {"action": "unlock", "_selected_action": [editor.pk]}, follow=True
    )
    assert response.status_code == 200
    assert attempt(Client(REMOTE_ADDR="198.51.100.7"), "mariam", PASSWORD).status_code == 302


def test_an_editor_cannot_lift_lock_outs(editor, journalist):
    guesses("awa", SIX_ADDRESSES, 5)
    forged = client_for(editor).post(
        reverse("admin:auth_user_changelist"),
        {"action": "unlock", "_selected_action": [journalist.pk]},
    )
    assert forged.status_code == 403
    assert attempt(Client(REMOTE_ADDR="10.0.0.1"), "awa", PASSWORD).status_code == 429
