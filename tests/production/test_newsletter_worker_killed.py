"""A worker killed halfway through a newsletter: the next one finishes it, and nobody gets the
edition twice. Real worker processes, a real SMTP server, PostgreSQL."""

import asyncio
import os
import signal
from collections import Counter

import pytest
from django.db import connection
from django.utils import timezone

from articles import workflow
from newsletters import build
from newsletters.models import Delivery, Edition, Subscriber
from tests.factories import ArticleFactory, AuthorFactory, UserFactory
from tests.newsletters.mail_server import Mailbox, mail_server
from tests.production.servers import database_url, task_worker, wait_for

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.usefixtures("servers_gone_from_the_database"),
]
READERS = 300


class SlowMailbox(Mailbox):
    """A relay that keeps each message, then takes a few milliseconds to say so: a worker
    killed meanwhile leaves a message delivered that it never heard was."""

    async def handle_DATA(self, server, session, envelope):
        answer = await super().handle_DATA(server, session, envelope)
        await asyncio.sleep(0.01)
        return answer


@pytest.fixture
def edition(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    editor = UserFactory(username="chef", group="Editors")
    writer = AuthorFactory()
    for _ in range(2):
        article = ArticleFactory(authors=[writer])
        workflow.apply_transition(article, "submit", editor)
        workflow.apply_transition(article, "publish", editor)
    Subscriber.objects.bulk_create(
        Subscriber(email=f"lecteur{n}@example.org", confirmed_at=timezone.now())
        for n in range(READERS)
    )
    edition = build.digest(editor)
    edition.schedule(editor)  # no transaction around it: the task is queued at once
    return edition


def test_a_worker_killed_halfway_leaves_every_reader_at_most_one_copy(edition):
    worker_env = {"DATABASE_URL": database_url(connection.settings_dict), "EMAIL_HOST": "127.0.0.1"}
    with mail_server(mailbox=SlowMailbox({})) as mailbox:
        worker_env["EMAIL_PORT"] = mailbox.port
        with task_worker(**worker_env) as first:
            wait_for(lambda: len(mailbox.messages) >= READERS // 3, what="a third sent")
            os.killpg(first.pid, signal.SIGKILL)
            first.wait()
        copies_at_the_kill = len(mailbox.messages)
        assert copies_at_the_kill < READERS  # it died halfway, not after

        with task_worker(**worker_env):
            sent = Edition.objects.filter(pk=edition.pk, state=Edition.State.SENT)
            wait_for(sent.exists, what="the edition sent by the next worker")

    copies = Counter(mailbox.recipients())
    assert max(copies.values()) == 1, copies.most_common(3)  # nobody got it twice
    deliveries = Counter(Delivery.objects.filter(edition=edition).values_list("state", flat=True))
    assert deliveries[Delivery.State.PENDING] == 0
    # The one being sent as the worker died: claimed, never sent again.
    assert deliveries[Delivery.State.SENDING] <= 1
    sent_to = set(
        Delivery.objects.filter(edition=edition, state=Delivery.State.SENT).values_list(
            "subscriber__email", flat=True
        )
    )
    assert sent_to <= set(copies)
    assert len(copies) - len(sent_to) <= deliveries[Delivery.State.SENDING]
    assert len(sent_to) + deliveries[Delivery.State.SENDING] == READERS
