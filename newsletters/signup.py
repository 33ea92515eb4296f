"""Subscribing, as the form's answer sees it: always the same page, whatever the address,
so nobody learns from it who is subscribed. What differs goes by email, to the address."""

import hashlib
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.utils.translation import get_language

from articles.models import RateCount
from newsletters import mail
from newsletters.models import Subscriber

WINDOW = timedelta(hours=1)
EMAILS_WINDOW = timedelta(days=1)


def _hashed(kind: str, value: str) -> str:
    return f"{kind}:" + hashlib.sha256(f"{settings.SECRET_KEY}:{value}".encode()).hexdigest()


def over_limit(address: str) -> bool:
    """This client's sign-ups this hour, counted in the database: the limit holds without
    Redis; the client's address is kept only as a keyed hash."""
    return RateCount.add_one(_hashed("signup", address), WINDOW) > settings.SIGNUPS_PER_HOUR


def _may_email(email: str) -> bool:
    """Nobody can have an address flooded with confirmation requests."""
    sent = RateCount.add_one(_hashed("signup-mail", email), EMAILS_WINDOW)
    return sent <= settings.SIGNUP_EMAILS_PER_DAY


def subscribe(email: str, choices: dict) -> None:
    """A new address waits for its owner's confirmation. A known one keeps its choices until
    the owner confirms new ones; if it is active, its owner is told so and sent their link."""
    with transaction.atomic():
        subscriber, created = Subscriber.objects.select_for_update().get_or_create(
            email=email,
            defaults={
                "wants_digest": choices["wants_digest"],
                "wants_alerts": choices["wants_alerts"],
                "language": get_language(),
            },
        )
        if created:
            subscriber.sections.set(choices["sections"])
        elif subscriber.state in ("pending", "unsubscribed"):
            subscriber.wants_digest = choices["wants_digest"]
            subscriber.wants_alerts = choices["wants_alerts"]
            subscriber.language = get_language()
            subscriber.save(update_fields=["wants_digest", "wants_alerts", "language"])
            subscriber.sections.set(choices["sections"])
    if subscriber.state == "bounced" or not _may_email(email):
        return  # its mail server refuses it; or enough mail went there today
    if subscriber.is_active:  # committed: the worker reads what is stored
        mail.already_subscribed(subscriber)
    else:
        mail.ask_to_confirm(subscriber)
