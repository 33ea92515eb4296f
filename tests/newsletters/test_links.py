"""Links tampered with, reused or expired get a clear page and change nothing."""

from datetime import timedelta

import time_machine
from django.core import mail
from django.utils import timezone

from newsletters import links
from newsletters.models import Subscriber
from tests.newsletters.conftest import link_in


def test_a_tampered_link_is_refused(subscribe, client):
    subscribe()
    confirm = link_in(mail.outbox[0], "confirmer")
    forged = confirm[:-3] + ("A" if confirm[-3] != "A" else "B") + confirm[-2:]
    for path in (forged, "/lettre/confirmer/nimportequoi/", "/lettre/preferences/x/"):
        response = client.post(path)
        assert response.status_code == 404 and "pas valide" in response.content.decode()
    assert Subscriber.objects.get().state == "pending"


def test_a_link_for_another_purpose_is_refused(subscribe, client):
    subscribe()
    subscriber = Subscriber.objects.get()
    leave = links.token(subscriber, "unsubscribe")
    assert client.post(f"/lettre/confirmer/{leave}/").status_code == 404
    assert Subscriber.objects.get().state == "pending"


def test_a_confirmation_link_expires_after_two_days(subscribe, client):
    with time_machine.travel(timezone.now() - timedelta(seconds=links.CONFIRM_SECONDS + 3600)):
        subscribe()
    response = client.post(link_in(mail.outbox[0], "confirmer"))
    assert response.status_code == 410 and "expiré" in response.content.decode()
    assert Subscriber.objects.get().state == "pending"


def test_a_confirmation_sent_before_unsubscribing_cannot_bring_the_address_back(subscribe, client):
    subscribe()
    confirm = link_in(mail.outbox[0], "confirmer")
    client.post(confirm)
    client.post(link_in(mail.outbox[-1], "desinscription"))
    response = client.post(confirm)
    assert response.status_code in (200, 410)
    assert Subscriber.objects.get().state == "unsubscribed"


def test_a_new_key_voids_every_earlier_link(confirmed, client):
    preferences = links.path(confirmed, "preferences")
    Subscriber.objects.filter(pk=confirmed.pk).update(key="00000000-0000-0000-0000-000000000001")
    assert client.get(preferences).status_code == 404
