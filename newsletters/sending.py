"""Sending an edition through the task worker: each subscriber who asked for its kind gets it,
and never twice, even when a worker dies mid-send and the task runs again.

Each delivery is claimed in the database before its email leaves and marked once the mail
server answered; a claim left without an answer is never sent again (see models/delivery.py).
"""

import logging
import smtplib
import time
from datetime import timedelta
from urllib.parse import urlsplit

from django.conf import settings
from django.core.mail import EmailMultiAlternatives, get_connection
from django.db import connection as database
from django.db.models import Count, Q
from django.urls import reverse
from django.utils import timezone, translation
from django_tasks import default_task_backend, task

from newsletters import render
from newsletters.mail import one_click_headers
from newsletters.models import Delivery, Edition, Subscriber
from newsroom.absolute import absolute

logger = logging.getLogger(__name__)

BATCH = 500  # deliveries read at a time
RETRY_AFTER = timedelta(minutes=5)  # when the mail server is out of reach
WANTS = {Edition.Kind.DIGEST: "wants_digest", Edition.Kind.ALERT: "wants_alerts"}


def ask_worker(edition: Edition) -> None:
    """The worker sends it at its time; a backend that cannot wait runs it now, and it waits
    for `manage.py send_due_editions`."""
    planned = send_edition
    if default_task_backend.supports_defer and edition.send_at > timezone.now():
        planned = send_edition.using(run_after=edition.send_at)
    planned.enqueue(edition.pk)


@task()
def send_edition(edition_id: int) -> None:
    edition = Edition.objects.filter(pk=edition_id).first()
    if edition is None or not begin(edition):
        return
    list_recipients(edition)
    try:
        deliver(edition)
    except (smtplib.SMTPException, OSError):
        if not default_task_backend.supports_defer:
            raise
        logger.exception("Edition %s: the mail server failed; trying again later.", edition.pk)
        send_edition.using(run_after=timezone.now() + RETRY_AFTER).enqueue(edition.pk)
        return
    Edition.objects.filter(pk=edition.pk, state=Edition.State.SENDING).update(
        state=Edition.State.SENT, finished_at=timezone.now()
    )


def resume_interrupted() -> int:
    """Asks again for every edition left sending (see management/commands/worker.py)."""
    left = list(Edition.objects.filter(state=Edition.State.SENDING).values_list("pk", flat=True))
    for pk in left:
        send_edition.enqueue(pk)
    return len(left)


def begin(edition: Edition) -> bool:
    """Due now: it becomes sending. Sending already: an earlier run stopped; go on."""
    if edition.state == Edition.State.SENDING:
        return True
    now = timezone.now()
    due = Edition.objects.filter(pk=edition.pk, state=Edition.State.SCHEDULED, send_at__lte=now)
    return bool(due.update(state=Edition.State.SENDING, started_at=now))


def wanted(edition: Edition):
    """The subscribers this edition is for, now."""
    return Subscriber.objects.active().filter(**{WANTS[edition.kind]: True})


def list_recipients(edition: Edition) -> None:
    """Who gets it is fixed as sending begins: one delivery each, made once."""
    if edition.recipients is not None:
        return
    ids = wanted(edition).order_by("pk").values_list("pk", flat=True)
    Delivery.objects.bulk_create(
        (Delivery(edition=edition, subscriber_id=pk) for pk in ids.iterator(chunk_size=BATCH)),
        batch_size=BATCH,
        ignore_conflicts=True,
    )
    edition.recipients = edition.deliveries.count()
    Edition.objects.filter(pk=edition.pk).update(recipients=edition.recipients)


def deliver(edition: Edition) -> None:
    Delivering(edition).run()


def next_batch(edition: Edition) -> list[Delivery]:
    """The next deliveries to make; those whose reader left, or no longer wants this kind of
    edition, are skipped."""
    pending = edition.deliveries.filter(state=Delivery.State.PENDING)
    pending.exclude(subscriber__in=wanted(edition)).update(state=Delivery.State.SKIPPED)
    return list(pending.select_related("subscriber").order_by("pk")[:BATCH])


# The loop's one statement a message, written once: the ORM would build it 10,000 times.
PENDING, SENDING, SENT = Delivery.State.PENDING, Delivery.State.SENDING, Delivery.State.SENT
CLAIM_AND_MARK = f"""
    UPDATE {Delivery._meta.db_table}
    SET state = CASE WHEN id = %s THEN '{SENT}' ELSE '{SENDING}' END,
        sent_at = CASE WHEN state = '{SENDING}' THEN %s ELSE sent_at END
    WHERE (id = %s AND state = '{PENDING}') OR (id = %s AND state = '{SENDING}')
"""


class Delivering:
    """One run through an edition's deliveries: one write a message, where the email sent
    before is marked sent in the statement that claims the next one."""

    def __init__(self, edition: Edition):
        self.edition = edition
        self.rendered: dict[str, render.Rendered] = {}  # by language, not per subscriber
        self.connection = get_connection()
        self.unmarked: Delivery | None = None  # sent, its mark to go with the next claim

    def run(self) -> None:
        pace = Pace(settings.NEWSLETTER_EMAILS_PER_SECOND)
        try:
            while batch := next_batch(self.edition):
                for delivery in batch:
                    pace.wait()
                    message = self.message(delivery)  # all but the sending, before the claim
                    self.connection.open()  # before the claim: a server out of reach loses nothing
                    if self.claim(delivery):
                        self.send(delivery, message)
        finally:
            self.mark_sent()
            self.connection.close()

    def claim(self, delivery: Delivery) -> bool:
        """Ours to send, once: False when another run took it first."""
        sent, self.unmarked = self.unmarked, None
        if sent is None:
            pending = Delivery.objects.filter(pk=delivery.pk, state=Delivery.State.PENDING)
            return bool(pending.update(state=Delivery.State.SENDING))
        now = database.ops.adapt_datetimefield_value(timezone.now())
        with database.cursor() as cursor:
            cursor.execute(CLAIM_AND_MARK, [sent.pk, now, delivery.pk, sent.pk])
            return cursor.rowcount == 2

    def mark_sent(self) -> None:
        if self.unmarked is not None:
            marked = Delivery.objects.filter(pk=self.unmarked.pk)
            marked.update(state=Delivery.State.SENT, sent_at=timezone.now())
            self.unmarked = None

    def message(self, delivery: Delivery) -> EmailMultiAlternatives:
        subscriber = delivery.subscriber
        if subscriber.language not in self.rendered:
            self.rendered[subscriber.language] = render.render(self.edition, subscriber.language)
        rendered = self.rendered[subscriber.language]
        preferences, unsubscribe = render.own_links(subscriber)
        text, html = render.with_links(rendered, preferences, unsubscribe)
        headers = one_click_headers(unsubscribe) | {"Message-ID": message_id(delivery)}
        message = EmailMultiAlternatives(
            rendered.subject,
            text,
            settings.DEFAULT_FROM_EMAIL,
            [subscriber.email],
            headers=headers,
            connection=self.connection,
        )
        message.attach_alternative(html, "text/html")
        return message

    def send(self, delivery: Delivery, message: EmailMultiAlternatives) -> None:
        """A connection lost mid-message leaves the claim: that one is never sent again."""
        try:
            message.send()
        except smtplib.SMTPRecipientsRefused as refused:
            code, answer = next(iter(refused.recipients.values()), (0, b""))
            if 500 <= code < 600:  # a hard bounce: the address is refused for good
                bounced = Subscriber.objects.filter(pk=delivery.subscriber_id)
                bounced.update(bounced_at=timezone.now())
            fail(delivery, f"{code} {as_text(answer)}")
        except smtplib.SMTPResponseException as refused:  # this message refused, not the rest
            fail(delivery, f"{refused.smtp_code} {as_text(refused.smtp_error)}")
            self.connection.close()  # a 421 closed the session: the next message opens one
        else:
            self.unmarked = delivery


class Pace:
    """At most `per_second` a second, on average: a worker held back catches up, for at
    most a second's worth at once."""

    def __init__(self, per_second: int):
        self.interval = 1 / per_second if per_second else 0.0
        self.next = time.monotonic()

    def wait(self) -> None:
        if not self.interval:
            return
        now = time.monotonic()
        if self.next > now:
            time.sleep(self.next - now)
        self.next = max(self.next, now - 1.0) + self.interval


def fail(delivery: Delivery, error: str) -> None:
    Delivery.objects.filter(pk=delivery.pk).update(state=Delivery.State.FAILED, error=error[:300])


def as_text(answer) -> str:
    return answer.decode(errors="replace") if isinstance(answer, bytes) else str(answer)


def message_id(delivery: Delivery) -> str:
    """The same for every attempt: mail systems that see it twice can drop the second."""
    host = urlsplit(settings.SITE_URL).hostname or "localhost"
    return f"<edition-{delivery.edition_id}.{delivery.subscriber_id}@{host}>"


def progress(edition: Edition) -> dict[str, int]:
    """How many deliveries are in each state: one query."""
    return edition.deliveries.aggregate(
        **{state: Count("pk", filter=Q(state=state)) for state in Delivery.State.values}
    )


def with_signup_links(rendered) -> tuple[str, str]:
    """(text, html) for eyes other than a subscriber's: its links lead to the sign-up page."""
    signup = absolute(reverse("newsletters:subscribe"))
    return render.with_links(rendered, signup, signup)


def send_test(edition: Edition, user) -> None:
    """The edition as subscribers will see it, to the editor alone. Nothing is recorded."""
    Edition.check_editor(user)
    rendered = render.render(edition, translation.get_language() or settings.LANGUAGE_CODE)
    text, html = with_signup_links(rendered)
    message = EmailMultiAlternatives(
        f"[Test] {rendered.subject}", text, settings.DEFAULT_FROM_EMAIL, [user.email]
    )
    message.attach_alternative(html, "text/html")
    message.send()
