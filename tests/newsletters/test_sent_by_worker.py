"""In production the emails wait for no request: the task worker sends them."""

import pytest
from django.core import mail
from django.core.cache import cache
from django.core.management import call_command
from django_tasks_db.models import DBTaskResult

# The worker closes its database connections as it stops: a transaction of its own, then.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture
def worker_mode(settings):
    settings.TASK_WORKER = True
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    cache.clear()


def test_the_confirmation_email_is_sent_by_the_worker(worker_mode, subscribe):
    assert subscribe().status_code == 302
    assert not mail.outbox
    [task] = DBTaskResult.objects.ready()
    assert task.task_path == "newsletters.mail.send_message"
    call_command("db_worker", "--batch", "--no-startup-delay", verbosity=0)
    [message] = mail.outbox
    assert message.to == ["awa@example.org"] and "Confirmez" in message.subject
