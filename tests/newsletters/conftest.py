"""A reader subscribing: the confirmation link comes out of the email they receive."""

import re

import pytest
from django.core import mail

from newsletters.models import Subscriber


def link_in(message, kind: str) -> str:
    """The path of the link of this kind (confirmer, preferences, desinscription) in an email."""
    found = re.search(rf"https?://[^/\s]+(/(?:en/)?lettre/{kind}/[^\s]+/)", message.body)
    assert found, message.body
    return found.group(1)


@pytest.fixture(autouse=True)
def everything_in_the_database(db):
    """Every test here reads and writes subscribers."""


@pytest.fixture
def subscribe(client):
    def posting(email="awa@example.org", digest=True, alerts=False, sections=(), **more):
        data = {"email": email, "website": "", "sections": [s.pk for s in sections], **more}
        if digest:
            data["wants_digest"] = "on"
        if alerts:
            data["wants_alerts"] = "on"
        return client.post(more.pop("address", "/lettre/"), data)

    return posting


@pytest.fixture
def confirmed(subscribe, client):
    """A subscriber who opened the link and confirmed; the outbox emptied."""
    subscribe()
    client.post(link_in(mail.outbox[-1], "confirmer"))
    mail.outbox.clear()
    return Subscriber.objects.get(email="awa@example.org")
