"""Webhooks sent by a real task worker: signed, at a scheduled article's time, and never to
this machine when DEBUG is off. Real worker processes, a real receiver, PostgreSQL."""

from datetime import timedelta

import pytest
from django.db import connection
from django.utils import timezone
from standardwebhooks import Webhook

from articles import workflow
from tests.factories import ArticleFactory, AuthorFactory, UserFactory
from tests.production.servers import database_url, task_worker, wait_for
from tests.webhooks.conftest import Receiver
from webhooks.models import Delivery, Endpoint, Event

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.usefixtures("servers_gone_from_the_database"),
]


@pytest.fixture
def desk(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    editor = UserFactory(username="chef", group="Editors")
    admin = UserFactory(username="root", is_superuser=True)
    return editor, admin


@pytest.fixture
def receiver():
    found = Receiver()
    yield found
    found.close()


def ready(editor) -> object:
    article = ArticleFactory(authors=[AuthorFactory()])
    workflow.apply_transition(article, "submit", editor)
    return article


def test_the_worker_sends_signed_messages_and_waits_for_a_scheduled_article(desk, receiver):
    editor, admin = desk
    endpoint = Endpoint(url=receiver.url, events=[Event.PUBLISHED])
    endpoint.save_by(admin)
    now_article, later_article = ready(editor), ready(editor)
    workflow.apply_transition(now_article, "publish", editor)
    later = timezone.now() + timedelta(seconds=4)
    workflow.apply_transition(later_article, "schedule", editor, when=later)
    # DEBUG on: development's worker may post to a receiver on this machine.
    env = {"DATABASE_URL": database_url(connection.settings_dict), "DEBUG": "1", "TASK_WORKER": "1"}
    with task_worker(**env):
        wait_for(lambda: len(receiver.received) == 1, what="the publication sent")
        assert timezone.now() < later  # the scheduled one waits for its time
        wait_for(lambda: len(receiver.received) == 2, what="the scheduled one sent")
        delivered = Delivery.objects.filter(state=Delivery.State.DELIVERED)
        wait_for(lambda: delivered.count() == 2, what="both logged as delivered")
    assert timezone.now() >= later
    ids = []
    for _path, headers, body in receiver.received:
        message = Webhook(endpoint.secret).verify(body, headers)
        ids.append(message["data"]["altids"][0]["value"])
    assert ids == [str(now_article.pk), str(later_article.pk)]


def test_a_production_worker_never_posts_to_this_machine(desk, receiver):
    editor, admin = desk
    Endpoint(url=receiver.url, events=[Event.PUBLISHED]).save_by(admin)
    article = ready(editor)
    workflow.apply_transition(article, "publish", editor)
    with task_worker(DATABASE_URL=database_url(connection.settings_dict)):  # DEBUG off
        wait_for(lambda: Delivery.objects.filter(attempt_count=1).exists(), what="an attempt")
    assert receiver.received == []
    delivery = Delivery.objects.get()
    [attempt] = delivery.attempts.all()
    assert "127.0.0.1" in attempt.error and attempt.status_code is None
