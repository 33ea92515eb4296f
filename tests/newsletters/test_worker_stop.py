"""A worker told to stop (SIGTERM, as on each deploy) while it claims a task runs that task,
then stops: it never leaves one claimed and RUNNING for ever, nor prints a traceback."""

import os
import signal

import pytest
from django.core import mail
from django.core.cache import cache
from django.core.management import call_command
from django.db import transaction
from django_tasks_db.models import DBTaskResult

from newsletters.management.commands.worker import ClaimSafeWorker

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture(autouse=True)
def signals_restored():
    before = {sig: signal.getsignal(sig) for sig in (signal.SIGINT, signal.SIGTERM)}
    yield
    for sig, handler in before.items():
        signal.signal(sig, handler)


@pytest.fixture
def worker(settings):
    settings.TASK_WORKER = True
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    cache.clear()
    found = ClaimSafeWorker(
        queue_names=["default"],
        interval=0.05,
        batch=False,
        backend_name="default",
        startup_delay=False,
        max_tasks=None,
        worker_id="test-worker",
        excluded_queue_names=[],
    )
    found.configure_signals()
    return found


def test_a_stop_during_the_claim_runs_the_claimed_task_then_ends(worker, subscribe, monkeypatch):
    assert subscribe().status_code == 302
    claim = DBTaskResult.claim

    def claim_then_stop(task, worker_id):
        claim(task, worker_id)
        os.kill(os.getpid(), signal.SIGTERM)  # a real signal, inside the claim's transaction

    monkeypatch.setattr(DBTaskResult, "claim", claim_then_stop)
    worker.run()  # returns: no SystemExit mid-transaction, no endless loop
    assert not worker.running
    [task] = DBTaskResult.objects.all()
    assert task.status == "SUCCESSFUL"
    [message] = mail.outbox
    assert message.to == ["awa@example.org"]


def test_a_stop_inside_a_transaction_waits_for_its_end(worker):
    with transaction.atomic():
        worker.shutdown(signal.SIGTERM, None)
    assert not worker.running


def test_a_stop_between_tasks_exits_at_once(worker):
    DBTaskResult.objects.exists()  # connected, no transaction: the worker sleeping
    with pytest.raises(SystemExit) as stopped:
        worker.shutdown(signal.SIGTERM, None)
    assert stopped.value.code == 0


def test_a_second_stop_ends_the_task_at_once(worker):
    with transaction.atomic():
        worker.shutdown(signal.SIGTERM, None)
        with pytest.raises(SystemExit) as stopped:
            worker.shutdown(signal.SIGTERM, None)
    assert stopped.value.code == 1


def test_the_worker_command_runs_the_claim_safe_worker(settings, monkeypatch):
    monkeypatch.setattr(os, "nice", lambda increment: 0)  # this test process keeps its priority
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    call_command("worker", "--batch", "--no-startup-delay", verbosity=0)
    assert isinstance(signal.getsignal(signal.SIGTERM).__self__, ClaimSafeWorker)
