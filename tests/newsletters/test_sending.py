"""Sending an edition: each subscriber who asked for it gets it once, never twice."""

import time
from datetime import timedelta

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management import call_command
from django.utils import timezone

from articles import workflow
from articles.models import Article
from newsletters import build, sending
from newsletters.models import Delivery, Edition
from newsletters.sending import send_edition
from tests.newsletters.conftest import reader


@pytest.fixture
def digest(editor, news):
    return build.digest(editor)


def send_now(edition, editor, committed):
    committed(edition.schedule, editor)
    edition.refresh_from_db()
    return edition


def test_a_digest_reaches_each_confirmed_reader_who_asked_for_it_once(digest, editor, committed):
    for email in ("a@example.org", "b@example.org", "c@example.org"):
        reader(email)
    reader("pending@example.org", confirmed_at=None)
    reader("gone@example.org", unsubscribed_at=timezone.now())
    reader("bounced@example.org", bounced_at=timezone.now())
    reader("alerts@example.org", digest=False, alerts=True)

    edition = send_now(digest, editor, committed)

    assert sorted(m.to[0] for m in mail.outbox) == [
        "a@example.org",
        "b@example.org",
        "c@example.org",
    ]
    assert edition.state == Edition.State.SENT and edition.recipients == 3
    assert sending.progress(edition)["sent"] == 3
    message = mail.outbox[0]
    assert message.subject == digest.subject
    [(html, kind)] = message.alternatives
    assert kind == "text/html" and "<html" in html
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert message.extra_headers["List-Unsubscribe"].startswith("<http")
    assert message.extra_headers["Message-ID"].startswith(f"<edition-{edition.pk}.")
    # Each reader's own links, not the marks.
    assert "%%" not in message.body and "%%" not in html

    # The task again, as a second worker would, the edition still sending: all is claimed.
    Edition.objects.filter(pk=edition.pk).update(state=Edition.State.SENDING)
    send_edition.call(edition.pk)
    assert len(mail.outbox) == 3


def test_an_alert_goes_to_those_who_asked_for_alerts(news, editor, committed):
    reader("digest@example.org")
    reader("alerts@example.org", digest=False, alerts=True)
    edition = send_now(build.alert(editor, news[0]), editor, committed)
    assert [m.to for m in mail.outbox] == [["alerts@example.org"]]
    assert edition.kind == Edition.Kind.ALERT and edition.subject == news[0].headline


def test_a_run_after_a_dead_worker_sends_only_what_was_never_claimed(digest):
    readers = [reader(f"r{n}@example.org") for n in range(4)]
    Edition.objects.filter(pk=digest.pk).update(
        state=Edition.State.SENDING, send_at=timezone.now(), recipients=4
    )
    states = [Delivery.State.SENT, Delivery.State.SENDING, Delivery.State.PENDING]
    for subscriber, state in zip(readers, [*states, Delivery.State.PENDING], strict=True):
        Delivery.objects.create(edition=digest, subscriber=subscriber, state=state)

    send_edition.call(digest.pk)

    assert sorted(m.to[0] for m in mail.outbox) == ["r2@example.org", "r3@example.org"]
    counts = sending.progress(digest)
    assert counts["sent"] == 3 and counts["sending"] == 1 and counts["pending"] == 0
    assert Edition.objects.get(pk=digest.pk).state == Edition.State.SENT


def test_a_reader_who_leaves_before_their_turn_gets_nothing(digest):
    stays, leaves = reader("stays@example.org"), reader("leaves@example.org")
    Edition.objects.filter(pk=digest.pk).update(state=Edition.State.SENDING, send_at=timezone.now())
    digest.refresh_from_db()
    sending.list_recipients(digest)
    leaves.unsubscribe()

    send_edition.call(digest.pk)

    assert [m.to for m in mail.outbox] == [[stays.email]]
    assert Delivery.objects.get(subscriber=leaves).state == Delivery.State.SKIPPED


def test_an_edition_not_yet_due_waits_for_its_time(digest, editor, committed, time_machine):
    reader("a@example.org")
    when = timezone.now() + timedelta(hours=1)
    committed(digest.schedule, editor, when)  # the immediate backend runs it now: too early
    assert not mail.outbox
    assert Edition.objects.get(pk=digest.pk).state == Edition.State.SCHEDULED

    time_machine.move_to(when + timedelta(minutes=1))
    call_command("send_due_editions", verbosity=0)
    assert [m.to for m in mail.outbox] == [["a@example.org"]]
    call_command("send_due_editions", verbosity=0)
    assert len(mail.outbox) == 1


# --- the rules, in the model ----------------------------------------------------------------
def test_only_editors_build_or_send(digest, journalist, news):
    for attempt in (
        lambda: digest.schedule(journalist),
        lambda: digest.unschedule(journalist),
        lambda: build.digest(journalist),
        lambda: build.alert(journalist, news[0]),
        lambda: sending.send_test(digest, journalist),
    ):
        with pytest.raises(PermissionDenied):
            attempt()
    assert Edition.objects.get(pk=digest.pk).state == Edition.State.DRAFT
    assert not mail.outbox


def test_what_was_sent_is_not_rewritten(digest, editor, committed, news):
    edition = send_now(digest, editor, committed)
    edition.subject = "Autre chose"
    with pytest.raises(ValidationError):
        edition.save()
    with pytest.raises(ValidationError):
        edition.stories.first().delete()
    with pytest.raises(ValidationError):
        edition.schedule(editor)
    with pytest.raises(ValidationError):
        edition.unschedule(editor)
    with pytest.raises(ValidationError):
        Edition.objects.get(pk=edition.pk).delete()
    assert Edition.objects.get(pk=edition.pk).subject != "Autre chose"
    assert edition.stories.count() == 3


def test_an_edition_needs_a_story_and_a_time_to_come(editor):
    empty = Edition.objects.create(subject="Vide", created_by=editor)
    with pytest.raises(ValidationError):
        empty.schedule(editor)
    with pytest.raises(ValidationError):
        empty.schedule(editor, timezone.now() - timedelta(hours=2))
    assert Edition.objects.get(pk=empty.pk).state == Edition.State.DRAFT


def test_the_digest_is_built_from_the_last_days_published_articles(editor, news, draft):
    old = news[0]
    Article.objects.filter(pk=old.pk).update(published_at=timezone.now() - timedelta(days=2))
    edition = build.digest(editor)
    lead, latest = news[1], news[2]
    assert edition.articles() == [lead, latest]  # the lead first, then the newest; no draft
    assert edition.state == Edition.State.DRAFT and edition.created_by == editor


def test_an_alert_is_only_about_a_published_article(editor, draft):
    with pytest.raises(ValidationError):
        build.alert(editor, draft)
    assert not Edition.objects.exists()


def test_an_article_unpublished_after_it_was_chosen_is_not_sent(digest, editor, committed, news):
    reader("a@example.org")
    committed(workflow.apply_transition, news[1], "unpublish", editor, comment="Retrait.")
    mail.outbox.clear()
    send_now(digest, editor, committed)
    [message] = mail.outbox
    assert news[1].headline not in message.body and news[2].headline in message.body


def test_a_test_goes_to_the_editor_alone(digest, editor):
    reader("a@example.org")
    sending.send_test(digest, editor)
    [message] = mail.outbox
    assert message.to == [editor.email] and message.subject.startswith("[Test] ")
    assert not Delivery.objects.exists()
    assert Edition.objects.get(pk=digest.pk).state == Edition.State.DRAFT


def test_emails_leave_at_the_set_pace():
    pace = sending.Pace(50)  # one every 20 ms
    started = time.monotonic()
    for _ in range(11):
        pace.wait()
    assert time.monotonic() - started >= 0.2  # ten intervals; never more than the pace allows
    unpaced = sending.Pace(0)
    started = time.monotonic()
    for _ in range(1000):
        unpaced.wait()
    assert time.monotonic() - started < 0.2


def test_an_editors_older_copy_never_puts_the_state_back(digest, editor):
    open_in_the_form = Edition.objects.get(pk=digest.pk)  # read as a draft
    digest.schedule(editor, timezone.now() + timedelta(hours=1))
    open_in_the_form.introduction = "Bonjour."
    open_in_the_form.save()
    stored = Edition.objects.get(pk=digest.pk)
    assert stored.introduction == "Bonjour." and stored.state == Edition.State.SCHEDULED
    assert stored.send_at is not None


def test_a_subject_is_one_line(digest):
    digest.subject = "L’essentiel\r\nBcc: tous@example.org"
    with pytest.raises(ValidationError):
        digest.full_clean()
