"""Deliveries: made when an event happens (receivers.py), sent by the task worker, tried
again with growing waits, and the endpoint disabled once it keeps failing.

Each run of `deliver` first claims the attempt in the database, so a delivery asked for
twice (a worker that restarted) is still tried once at a time. Receivers must accept a
message twice: they find its id in the webhook-id header.
"""

import json
import logging
import time
from datetime import timedelta

from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _
from django_tasks import default_task_backend, task

from api import ninjs
from api import queries as api_queries
from newsroom.absolute import absolute
from webhooks import outbound, signing
from webhooks.models import Delivery, Endpoint, Event, check_administrator

logger = logging.getLogger(__name__)

# Waits after each failed attempt: 30 s, 2 min, 8 min, 32 min, 2 h 8 min, 8 h 32 min.
RETRY_WAITS = [timedelta(seconds=30 * 4**n) for n in range(6)]
ATTEMPTS = len(RETRY_WAITS) + 1
DISABLE_AFTER = 15  # failed attempts in a row, whatever the deliveries: two events' worth


def plan(event: str, article, due=None, body: str = "") -> list[Delivery]:
    """A delivery of this event for each active endpoint that wants it, sent once the
    transaction commits (nothing is sent for a change that is rolled back)."""
    endpoints = [e for e in Endpoint.objects.filter(is_active=True) if e.wants(event)]
    made = [
        Delivery.objects.create(
            endpoint=endpoint, event=event, article=article, due_at=due or timezone.now(), body=body
        )
        for endpoint in endpoints
    ]
    if made:
        transaction.on_commit(lambda: [ask_worker(delivery) for delivery in made])
    return made


def ask_worker(delivery: Delivery) -> None:
    """The worker sends it at its time; a backend that cannot wait sends it now if due, and
    otherwise leaves it to `manage.py send_due_webhooks`."""
    if default_task_backend.supports_defer:
        deliver.using(run_after=delivery.due_at).enqueue(delivery.pk)
    elif delivery.due_at <= timezone.now():
        deliver.enqueue(delivery.pk)


def cancel_publications(article_id: int, why: str) -> int:
    """Announcements of a publication that has not happened (a scheduled article recalled,
    unpublished or published again) are dropped before anything was sent."""
    return Delivery.objects.filter(
        article_id=article_id, event=Event.PUBLISHED, state=Delivery.State.PENDING, attempt_count=0
    ).update(state=Delivery.State.CANCELLED, last_error=why[:300], finished_at=timezone.now())


def move_publications(article) -> None:
    """A scheduled article given another time: its announcements wait for that time, or
    leave now if the new time has come."""
    due = max(article.published_at, timezone.now())
    waiting = Delivery.objects.filter(
        article=article, event=Event.PUBLISHED, state=Delivery.State.PENDING, attempt_count=0
    )
    moved = list(waiting.exclude(due_at=due))
    waiting.filter(pk__in=[d.pk for d in moved]).update(due_at=due)
    for delivery in moved:
        delivery.due_at = due
        transaction.on_commit(lambda d=delivery: ask_worker(d))


def body_of(delivery: Delivery) -> str | None:
    """The message: the article as the API gives it; None when it is not public any more."""
    article = api_queries.article(delivery.article_id) if delivery.article_id else None
    if article is None:
        return None
    return message(delivery.event, ninjs.article(article))


def message(event: str, data: dict) -> str:
    payload = {"type": event, "timestamp": timezone.now().isoformat(), "data": data}
    return json.dumps(payload, ensure_ascii=False, separators=(",", ":"))


def withdrawn(article) -> str:
    """An unpublished article's message: what identifies it, nothing of its text."""
    data = {
        "uri": absolute(article.get_absolute_url()),
        "altids": [{"role": "id", "value": str(article.pk)}],
        "pubstatus": "withheld",
    }
    return message(Event.UNPUBLISHED, data)


@task()
def deliver(delivery_id: int) -> None:
    delivery = Delivery.objects.select_related("endpoint").filter(pk=delivery_id).first()
    if delivery is None or delivery.state != Delivery.State.PENDING:
        return
    now = timezone.now()
    if delivery.due_at > now:  # asked early (its time moved): the worker waits for it
        ask_worker(delivery)
        return
    endpoint = delivery.endpoint
    if not endpoint.is_active:
        finish(delivery, Delivery.State.FAILED, _("The endpoint is disabled."))
        return
    if not delivery.body:
        body = body_of(delivery)
        if body is None:
            finish(delivery, Delivery.State.CANCELLED, _("The article is no longer published."))
            return
        Delivery.objects.filter(pk=delivery.pk).update(body=body)
        delivery.body = body
    claimed = Delivery.objects.filter(
        pk=delivery.pk, state=Delivery.State.PENDING, attempt_count=delivery.attempt_count
    ).update(attempt_count=F("attempt_count") + 1)
    if not claimed:  # another run took this attempt
        return
    delivery.attempt_count += 1
    attempt(delivery)


def attempt(delivery: Delivery) -> None:
    endpoint = delivery.endpoint
    body = delivery.body.encode()
    sent_at = timezone.now()
    headers = signing.headers(endpoint.secret, delivery.message_id, int(sent_at.timestamp()), body)
    headers |= {"Content-Type": "application/json", "User-Agent": "Newsroom-Webhooks/1"}
    started = time.monotonic()
    status, error = None, ""
    try:
        status, answer = outbound.post(endpoint.url, body, headers)
        if not 200 <= status < 300:
            error = answer.strip() or _("Answered %(status)s.") % {"status": status}
    except outbound.Refused as refused:
        error = str(refused)
    except (OSError, ValueError) as failure:  # ValueError: http.client's bad answers
        error = str(failure) or failure.__class__.__name__
    milliseconds = round((time.monotonic() - started) * 1000)
    delivery.attempts.create(
        at=sent_at, status_code=status, error=error[:300], milliseconds=milliseconds
    )
    if not error:
        Endpoint.objects.filter(pk=endpoint.pk).update(failures_in_a_row=0)
        finish(delivery, Delivery.State.DELIVERED, "", status)
        return
    logger.warning("Webhook %s to %s failed: %s", delivery.message_id, endpoint.url, error)
    failed_endpoint(endpoint, error)
    if delivery.attempt_count >= ATTEMPTS:
        finish(delivery, Delivery.State.FAILED, error, status)
        return
    delivery.due_at = timezone.now() + RETRY_WAITS[delivery.attempt_count - 1]
    Delivery.objects.filter(pk=delivery.pk).update(
        due_at=delivery.due_at, last_status_code=status, last_error=error[:300]
    )
    ask_worker(delivery)


def failed_endpoint(endpoint: Endpoint, error: str) -> None:
    Endpoint.objects.filter(pk=endpoint.pk).update(failures_in_a_row=F("failures_in_a_row") + 1)
    why = _("%(count)s attempts in a row failed; the last: %(error)s") % {
        "count": DISABLE_AFTER,
        "error": error,
    }
    Endpoint.objects.filter(
        pk=endpoint.pk, is_active=True, failures_in_a_row__gte=DISABLE_AFTER
    ).update(is_active=False, disabled_at=timezone.now(), disabled_because=why[:300])


def finish(delivery: Delivery, state: str, error: str, status: int | None = None) -> None:
    Delivery.objects.filter(pk=delivery.pk, state=Delivery.State.PENDING).update(
        state=state, last_error=error[:300], last_status_code=status, finished_at=timezone.now()
    )


def send_again(deliveries, user) -> int:
    """Failed deliveries tried again from the start, as the same message (its id and body):
    for an endpoint that was down and works again."""
    check_administrator(user)
    failed = [d.pk for d in deliveries if d.state == Delivery.State.FAILED]
    again = Delivery.objects.filter(pk__in=failed, state=Delivery.State.FAILED)
    now = timezone.now()
    count = again.update(
        state=Delivery.State.PENDING, attempt_count=0, due_at=now, finished_at=None
    )
    for delivery in Delivery.objects.filter(pk__in=failed, state=Delivery.State.PENDING):
        transaction.on_commit(lambda d=delivery: ask_worker(d))
    return count


def due() -> list[int]:
    """Pending deliveries whose time has come: `send_due_webhooks`, and a worker starting."""
    found = Delivery.objects.filter(state=Delivery.State.PENDING, due_at__lte=timezone.now())
    return list(found.values_list("pk", flat=True))


def resume_waiting() -> int:
    """Asks the worker again for every pending delivery (a worker that died forgets them);
    one asked twice is still attempted once at a time."""
    waiting = Delivery.objects.filter(state=Delivery.State.PENDING)
    for delivery in waiting.only("pk", "due_at"):
        ask_worker(delivery)
    return waiting.count()
