"""Double opt-in: nothing is sent to an address until its owner confirms through the link
emailed to it; the answer is the same whoever the address belongs to."""

import pytest
from django.core import mail

from newsletters.models import Subscriber
from tests.factories import SectionFactory
from tests.newsletters.conftest import link_in


def test_a_new_address_waits_for_its_owners_confirmation(subscribe, client):
    politics = SectionFactory(name="Politique")
    response = subscribe(email=" Awa@Example.org ", alerts=True, sections=[politics])
    assert response.status_code == 302 and response["Location"] == "/lettre/verifiez/"
    subscriber = Subscriber.objects.get()
    assert subscriber.email == "awa@example.org" and subscriber.state == "pending"
    assert subscriber.wants_digest and subscriber.wants_alerts
    assert list(subscriber.sections.all()) == [politics]
    assert subscriber.confirmed_at is None and subscriber.language == "fr"
    [message] = mail.outbox
    assert message.to == ["awa@example.org"] and "Confirmez" in message.subject
    assert "List-Unsubscribe" not in message.extra_headers  # not on a list yet
    page = client.get(link_in(message, "confirmer"))
    assert page.status_code == 200 and "awa@example.org" in page.content.decode()
    assert Subscriber.objects.get().state == "pending"  # opening the link is not consenting
    client.post(link_in(message, "confirmer"))
    subscriber.refresh_from_db()
    assert subscriber.state == "active" and subscriber.confirmed_at is not None
    welcome = mail.outbox[-1]
    assert "Bienvenue" in welcome.subject
    assert welcome.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert welcome.extra_headers["List-Unsubscribe"].startswith("<https://news.example.test/")


def test_the_answer_never_says_who_is_subscribed(subscribe, confirmed, client):
    for email in ("awa@example.org", "nouveau@example.org"):
        response = subscribe(email=email)
        assert (response.status_code, response["Location"]) == (302, "/lettre/verifiez/")
    already, new = mail.outbox
    assert already.to == ["awa@example.org"] and "déjà" in already.subject
    assert link_in(already, "preferences") and link_in(already, "desinscription")
    assert new.to == ["nouveau@example.org"] and "Confirmez" in new.subject
    confirmed.refresh_from_db()
    assert confirmed.wants_alerts is False  # a stranger's post changes nobody's choices


def test_a_second_confirmation_changes_nothing(subscribe, client):
    subscribe()
    confirm = link_in(mail.outbox[0], "confirmer")
    client.post(confirm)
    first = Subscriber.objects.get().confirmed_at
    again = client.post(confirm)
    assert again.status_code == 200 and "déjà confirmée" in again.content.decode()
    assert Subscriber.objects.get().confirmed_at == first and len(mail.outbox) == 2


@pytest.mark.parametrize(
    "fields",
    [{"email": "pas-une-adresse"}, {"email": ""}, {"digest": False, "alerts": False}],
    ids=["not an address", "empty", "nothing chosen"],
)
def test_bad_input_gets_the_form_back_with_its_error(subscribe, fields):
    response = subscribe(**fields)
    assert response.status_code == 400
    assert "errorlist" in response.content.decode() or "alert" in response.content.decode()
    assert not Subscriber.objects.exists() and not mail.outbox


def test_a_bot_filling_the_hidden_field_is_thanked_and_ignored(subscribe):
    response = subscribe(website="http://spam.example")
    assert response.status_code == 302 and not Subscriber.objects.exists() and not mail.outbox


def test_english_readers_get_english_mail_and_links(client):
    client.post("/en/lettre/", {"email": "kofi@example.org", "wants_digest": "on"})
    [message] = mail.outbox
    assert "Confirm your subscription" in message.subject
    assert "/en/lettre/confirmer/" in message.body
    assert Subscriber.objects.get().language == "en"
