"""Emails after commit: editors on submission, authors on return and publication."""

from datetime import timedelta

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied
from django.utils import timezone

from articles import workflow


def test_submission_emails_the_editors(
    draft, journalist, editor, colleague, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        workflow.apply_transition(draft, "submit", journalist)
    assert [m.to for m in mail.outbox] == [[editor.email]]
    assert draft.headline in mail.outbox[0].subject
    assert f"/admin/articles/article/{draft.pk}/change/" in mail.outbox[0].body


def test_send_back_emails_the_authors_with_the_comment(
    in_review, journalist, editor, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        workflow.apply_transition(in_review, "send_back", editor, comment="Citez la source <b>.")
    assert [m.to for m in mail.outbox] == [[journalist.email]]
    assert "Citez la source <b>." in mail.outbox[0].body


def test_publication_and_scheduling_email_the_authors(
    in_review, journalist, editor, django_capture_on_commit_callbacks
):
    when = timezone.now() + timedelta(hours=1)
    with django_capture_on_commit_callbacks(execute=True):
        workflow.apply_transition(in_review, "schedule", editor, when=when)
    assert [m.to for m in mail.outbox] == [[journalist.email]]
    assert "https://news.example.test/admin/" in mail.outbox[0].body


def test_no_email_when_the_transition_is_refused(
    in_review, journalist, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        with pytest.raises(PermissionDenied):
            workflow.apply_transition(in_review, "publish", journalist)
    assert mail.outbox == []


def test_mail_outage_does_not_undo_the_step(
    draft, journalist, editor, settings, django_capture_on_commit_callbacks
):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", 9, 1
    with django_capture_on_commit_callbacks(execute=True):
        workflow.apply_transition(draft, "submit", journalist)
    draft.refresh_from_db()
    assert draft.status == "review"
