"""The signed preferences page, and leaving in one click (RFC 8058)."""

from django.core import mail
from django.test import Client

from newsletters import links
from newsletters.models import Subscriber
from tests.factories import SectionFactory


def test_a_subscriber_changes_their_choices_without_an_account(confirmed, client):
    economy = SectionFactory(name="Économie")
    path = links.path(confirmed, "preferences")
    page = client.get(path)
    assert page.status_code == 200 and "awa@example.org" in page.content.decode()
    data = {"wants_alerts": "on", "sections": [economy.pk]}
    response = client.post(path, data)
    assert response.status_code == 200 and "enregistrés" in response.content.decode()
    confirmed.refresh_from_db()
    assert (confirmed.wants_digest, confirmed.wants_alerts) == (False, True)
    assert list(confirmed.sections.all()) == [economy]
    refused = client.post(path, {})
    assert refused.status_code == 400
    confirmed.refresh_from_db()
    assert confirmed.wants_alerts is True  # nothing lost


def test_one_click_unsubscribe_as_a_mail_program_posts_it(confirmed):
    path = links.path(confirmed, "unsubscribe")
    client = Client(enforce_csrf_checks=True)  # a mail program has no CSRF token
    response = client.post(path, {"List-Unsubscribe": "One-Click"})
    assert response.status_code == 200
    confirmed.refresh_from_db()
    assert confirmed.state == "unsubscribed" and confirmed.unsubscribed_at is not None
    again = client.post(path, {"List-Unsubscribe": "One-Click"})
    assert again.status_code == 200 and "déjà" in again.content.decode()
    assert Subscriber.objects.get().unsubscribed_at == confirmed.unsubscribed_at


def test_opening_the_unsubscribe_link_asks_before_doing(confirmed, client):
    page = client.get(links.path(confirmed, "unsubscribe"))
    assert page.status_code == 200 and "<form" in page.content.decode()
    confirmed.refresh_from_db()
    assert confirmed.state == "active"


def test_after_leaving_preferences_say_so_and_a_new_signup_asks_again(confirmed, client, subscribe):
    client.post(links.path(confirmed, "unsubscribe"))
    assert client.get(links.path(confirmed, "preferences")).status_code == 410
    subscribe()
    [message] = mail.outbox
    assert "Confirmez" in message.subject
    assert Subscriber.objects.get().state == "unsubscribed"  # until its owner confirms


def test_no_mail_goes_to_an_address_that_bounced(confirmed, subscribe):
    Subscriber.objects.filter(pk=confirmed.pk).update(bounced_at=confirmed.confirmed_at)
    subscribe()
    assert not mail.outbox
