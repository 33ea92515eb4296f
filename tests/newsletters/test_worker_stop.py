"""A worker told to stop (SIGTERM, as on each deploy) ends its loop between steps: a task
it is claiming is run first, never left claimed and RUNNING for ever; a sleeping worker
stops within its interval; a second signal stops it at once."""

import os
import signal
import threading
import time

import pytest
from django.core import mail
from django.core.cache import cache
from django.core.management import call_command
from django.db import transaction
from django_tasks_db.management.commands import db_worker
from django_tasks_db.models import DBTaskResult

from newsletters.management.commands.worker import GracefulWorker

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)
SIGNALS = (signal.SIGINT, signal.SIGTERM, signal.SIGQUIT)


@pytest.fixture(autouse=True)
def signals_restored():
    before = {sig: signal.getsignal(sig) for sig in SIGNALS}
    yield
    for sig, handler in before.items():
        signal.signal(sig, handler)


@pytest.fixture
def worker_settings(settings):
    settings.TASK_WORKER = True
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    cache.clear()


def make_worker(batch, interval=0.05) -> GracefulWorker:
    found = GracefulWorker(
        queue_names=["default"],
        interval=interval,
        batch=batch,
        backend_name="default",
        startup_delay=False,
        max_tasks=None,
        worker_id="test-worker",
        excluded_queue_names=[],
    )
    found.configure_signals()
    return found


def signalled_in(seconds) -> threading.Timer:
    timer = threading.Timer(seconds, os.kill, (os.getpid(), signal.SIGTERM))
    timer.start()
    return timer


def test_a_stop_during_the_claim_runs_the_claimed_task_then_ends(
    worker_settings, subscribe, monkeypatch
):
    assert subscribe().status_code == 302
    worker = make_worker(batch=True)  # ends anyway once the queue is empty: no hang if broken
    claim = DBTaskResult.claim

    def claim_then_stop(task, worker_id):
        claim(task, worker_id)
        os.kill(os.getpid(), signal.SIGTERM)  # a real signal, inside the claim's transaction

    monkeypatch.setattr(DBTaskResult, "claim", claim_then_stop)
    worker.run()  # returns: no SystemExit mid-transaction
    assert not worker.running
    [task] = DBTaskResult.objects.all()
    assert task.status == "SUCCESSFUL"
    [message] = mail.outbox
    assert message.to == ["awa@example.org"]


def test_a_sleeping_worker_stops_within_its_interval(worker_settings):
    worker = make_worker(batch=False, interval=0.5)
    stop, force = signalled_in(0.3), signalled_in(10)  # the second: SystemExit, not a hang
    started = time.monotonic()
    try:
        worker.run()
    finally:
        stop.cancel()
        force.cancel()
    assert not worker.running and time.monotonic() - started < 5


def test_a_stop_inside_a_transaction_waits_for_its_end(worker_settings):
    worker = make_worker(batch=False)
    with transaction.atomic():
        worker.shutdown(signal.SIGTERM, None)
    assert not worker.running


def test_a_second_stop_ends_the_task_at_once(worker_settings):
    worker = make_worker(batch=False)
    with transaction.atomic():
        worker.shutdown(signal.SIGTERM, None)
        with pytest.raises(SystemExit) as stopped:
            worker.shutdown(signal.SIGTERM, None)
    assert stopped.value.code == 1


def test_the_worker_command_runs_the_graceful_worker(worker_settings, monkeypatch):
    monkeypatch.setattr(os, "nice", lambda increment: 0)  # this test process keeps its priority
    library_worker = db_worker.Worker
    call_command("worker", "--batch", "--no-startup-delay", verbosity=0)
    assert isinstance(signal.getsignal(signal.SIGTERM).__self__, GracefulWorker)
    assert db_worker.Worker is library_worker  # only for the command's own run
