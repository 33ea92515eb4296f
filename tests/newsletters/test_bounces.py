"""A mail server that refuses an address for good stops all sending to it."""

from datetime import timedelta

import pytest
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from newsletters import build, sending
from newsletters.models import Delivery, Edition, Subscriber
from newsletters.sending import send_edition
from tests.newsletters.conftest import reader
from tests.newsletters.mail_server import Mailbox, free_port, mail_server

REFUSALS = {
    "gone@example.org": "550 5.1.1 No such user here",
    "full@example.org": "452 4.2.2 Mailbox full, try later",
}


@pytest.fixture
def sending_edition(editor, news):
    edition = build.digest(editor)
    Edition.objects.filter(pk=edition.pk).update(
        state=Edition.State.SENDING, send_at=timezone.now()
    )
    return edition


def test_a_hard_bounce_marks_the_address_and_a_soft_one_does_not(sending_edition, settings):
    for email in ("a@example.org", "gone@example.org", "full@example.org", "b@example.org"):
        reader(email)
    with mail_server(settings, REFUSALS) as mailbox:
        send_edition.call(sending_edition.pk)

    assert sorted(mailbox.recipients()) == ["a@example.org", "b@example.org"]
    gone, full = (Subscriber.objects.get(email=e) for e in ("gone@example.org", "full@example.org"))
    assert gone.state == "bounced" and full.state == "active"
    failed = Delivery.objects.filter(state=Delivery.State.FAILED).order_by("subscriber__email")
    assert [(d.subscriber.email, d.error[:3]) for d in failed] == [
        ("full@example.org", "452"),
        ("gone@example.org", "550"),
    ]
    assert sending.progress(sending_edition) | {} == {
        "pending": 0,
        "sending": 0,
        "sent": 2,
        "failed": 2,
        "skipped": 0,
    }


def test_a_bounced_address_gets_no_later_edition(sending_edition, settings, editor):
    reader("gone@example.org")
    with mail_server(settings, REFUSALS) as mailbox:
        send_edition.call(sending_edition.pk)
        later = build.digest(editor)
        Edition.objects.filter(pk=later.pk).update(
            state=Edition.State.SENDING, send_at=timezone.now()
        )
        send_edition.call(later.pk)
    assert mailbox.messages == []
    assert Edition.objects.get(pk=later.pk).recipients == 0


def test_a_mail_server_out_of_reach_loses_nothing(sending_edition, settings):
    reader("a@example.org")
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", free_port()  # nothing listens
    with pytest.raises(OSError):
        send_edition.call(sending_edition.pk)
    assert Delivery.objects.get().state == Delivery.State.PENDING  # nothing claimed
    with mail_server(settings) as mailbox:
        send_edition.call(sending_edition.pk)
    assert mailbox.recipients() == ["a@example.org"]
    assert Edition.objects.get(pk=sending_edition.pk).state == Edition.State.SENT


def test_the_worker_tries_again_later_when_the_mail_server_is_out_of_reach(
    sending_edition, settings
):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    reader("a@example.org")
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", free_port()
    send_edition.call(sending_edition.pk)
    [retry] = DBTaskResult.objects.all()
    assert retry.task_path == "newsletters.sending.send_edition" and retry.args_kwargs["args"] == [
        sending_edition.pk
    ]
    assert retry.run_after > timezone.now() + timedelta(minutes=4)


def test_a_session_the_server_closes_costs_one_reader_not_the_rest(sending_edition, settings):
    for email in ("a@example.org", "closing@example.org", "b@example.org", "c@example.org"):
        reader(email)
    closing = Mailbox({}, data_refusals={"closing@example.org": "421 4.3.2 Try again later"})
    with mail_server(settings, mailbox=closing) as mailbox:
        send_edition.call(sending_edition.pk)
    assert sorted(mailbox.recipients()) == ["a@example.org", "b@example.org", "c@example.org"]
    failed = Delivery.objects.get(state=Delivery.State.FAILED)
    assert failed.subscriber.email == "closing@example.org" and failed.error.startswith("421")
    assert Edition.objects.get(pk=sending_edition.pk).state == Edition.State.SENT
