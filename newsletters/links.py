"""The signed links a subscriber receives: to confirm (for two days), to change their
choices and to leave (for as long as their key stands). Nobody needs an account."""

import time

from django.core import signing
from django.urls import reverse

from newsletters.models import Subscriber

CONFIRM_SECONDS = 2 * 24 * 3600
PURPOSES = {"confirm": "newsletters:confirm", "preferences": "newsletters:preferences"}
PURPOSES["unsubscribe"] = "newsletters:unsubscribe"


class LinkExpired(Exception):
    pass


class LinkInvalid(Exception):
    pass


def token(subscriber: Subscriber, purpose: str) -> str:
    payload = {"s": subscriber.pk, "k": subscriber.key.hex, "t": int(time.time())}
    return signing.dumps(payload, salt=f"newsletters.{purpose}")


def path(subscriber: Subscriber, purpose: str) -> str:
    return reverse(PURPOSES[purpose], args=[token(subscriber, purpose)])


def read(value: str, purpose: str) -> tuple[Subscriber, int]:
    """The subscriber a link names and when it was made; LinkExpired, LinkInvalid."""
    max_age = CONFIRM_SECONDS if purpose == "confirm" else None
    try:
        payload = signing.loads(value, salt=f"newsletters.{purpose}", max_age=max_age)
    except signing.SignatureExpired:
        raise LinkExpired from None
    except signing.BadSignature:
        raise LinkInvalid from None
    if not isinstance(payload, dict):
        raise LinkInvalid
    subscriber = Subscriber.objects.filter(pk=payload.get("s")).first()
    if subscriber is None or subscriber.key.hex != payload.get("k"):
        raise LinkInvalid
    return subscriber, int(payload.get("t", 0))
