"""Readers who subscribe (the confirmation link comes out of the email they receive), and
the news the newsroom sends them."""

import re
from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from articles import workflow
from articles.models import Article
from newsletters.models import Subscriber
from tests.factories import ArticleFactory


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


@pytest.fixture
def news(editor, journalist, committed):
    """Three articles published in the last day, the middle one a lead story."""
    made = []
    for hours, lead in ((3, False), (2, True), (1, False)):
        article = ArticleFactory(authors=[journalist.author_profile], is_lead=lead)
        committed(workflow.apply_transition, article, "submit", journalist)
        committed(workflow.apply_transition, article, "publish", editor)
        when = timezone.now() - timedelta(hours=hours)
        Article.objects.filter(pk=article.pk).update(published_at=when, first_published_at=when)
        made.append(Article.objects.get(pk=article.pk))
    mail.outbox.clear()  # the desk's notifications of those steps
    return made


def reader(email, digest=True, alerts=False, **states) -> Subscriber:
    """A subscriber who confirmed (unless told otherwise)."""
    states.setdefault("confirmed_at", timezone.now())
    return Subscriber.objects.create(
        email=email, wants_digest=digest, wants_alerts=alerts, **states
    )
