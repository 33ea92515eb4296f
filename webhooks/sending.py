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
from http.client import HTTPException

from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _
from django_tasks import TaskResultStatus, default_task_backend, task

from api import ninjs
from api import queries as api_queries
from articles.models import Article
from newsroom.absolute import absolute
from webhooks import outbound, signing
from webhooks.models import Delivery, Endpoint, Event, check_administrator

logger = logging.getLogger(__name__)

# Waits after each failed attempt: 30 s, 2 min, 8 min, 32 min, 2 h 8 min, 8 h 32 min.
RETRY_WAITS = [timedelta(seconds=30 * 4**n) for n in range(6)]
ATTEMPTS = len(RETRY_WAITS) + 1
DISABLE_AFTER = 15  # failed attempts in a row, whatever the deliveries: two events' worth
LEASE = timedelta(minutes=2)  # longer than an attempt can take (outbound.TIMEOUT_SECONDS)


def plan(event: str, article, due=None, body: str = "", endpoints=None) -> list[Delivery]:
    """A delivery of this event for each active endpoint that wants it (of `endpoints`, or
    of all), sent once the transaction commits (nothing for a change rolled back)."""
    if endpoints is None:
        endpoints = Endpoint.objects.filter(is_active=True)
    endpoints = [e for e in endpoints if e.wants(event)]
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
    if article.published_at is None:  # no time: it goes out when an editor gives one
        cancel_publications(article.pk, _("Its publication time was removed."))
        return
    due = max(article.published_at, timezone.now())
    waiting = Delivery.objects.filter(
        article=article, event=Event.PUBLISHED, state=Delivery.State.PENDING, attempt_count=0
    )
    moved = list(waiting.exclude(due_at=due))
    waiting.filter(pk__in=[d.pk for d in moved]).update(due_at=due)
    for delivery in moved:
        delivery.due_at = due
        transaction.on_commit(lambda d=delivery: ask_worker(d))


def body_of(delivery: Delivery) -> str:
    """The message: the article as the API gives it (deliver checked it is public)."""
    return message(delivery.event, ninjs.article(api_queries.article(delivery.article_id)))


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
    if delivery.due_at > timezone.now():  # asked early (its time moved), or in flight
        ask_worker(delivery)
        return
    if not delivery.endpoint.is_active:
        finish(delivery, Delivery.State.FAILED, _("The endpoint is disabled."))
        return
    if delivery.event != Event.UNPUBLISHED and not still_public(delivery.article_id):
        # Never an unpublished article's text, however late a retry or a "send again" is.
        finish(delivery, Delivery.State.CANCELLED, _("The article is no longer published."))
        return
    if not delivery.body:
        delivery.body = body_of(delivery)
        Delivery.objects.filter(pk=delivery.pk).update(body=delivery.body)
    if claim(delivery):
        attempt(delivery)


def still_public(article_id: int | None) -> bool:
    return Article.objects.published().filter(pk=article_id).exists()


def claim(delivery: Delivery) -> bool:
    """Take the next attempt, and hold the delivery for LEASE meanwhile: another run asked
    for it (a restarted worker's) finds it not due and waits; a run that dies mid-attempt
    leaves it to be tried again once the lease is over."""
    now = timezone.now()
    claimed = Delivery.objects.filter(
        pk=delivery.pk,
        state=Delivery.State.PENDING,
        attempt_count=delivery.attempt_count,
        due_at__lte=now,
    ).update(attempt_count=F("attempt_count") + 1, due_at=now + LEASE)
    delivery.attempt_count += 1
    return bool(claimed)


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
    except (OSError, ValueError, HTTPException) as failure:  # a partner's broken answer too
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
    """Asks the worker again for each pending delivery no queued task waits for (a worker
    that died mid-attempt forgets it); returns how many."""
    from django_tasks_db.models import DBTaskResult  # the worker's queue: only it has one

    ready = TaskResultStatus.READY
    queued = DBTaskResult.objects.filter(task_path=deliver.module_path, status=ready)
    waited_for = {task.args_kwargs["args"][0] for task in queued.only("args_kwargs")}
    waiting = Delivery.objects.filter(state=Delivery.State.PENDING).exclude(pk__in=waited_for)
    found = list(waiting.only("pk", "due_at"))
    for delivery in found:
        ask_worker(delivery)
    return len(found)
