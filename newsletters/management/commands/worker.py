"""The task worker (`db_worker`), first resuming what a worker that died left half done.

A worker killed mid-send leaves its task running for ever in the queue; its edition stays
"sending", a webhook delivery "waiting". Each worker that starts asks for those again: their
deliveries are claimed one by one, so two runs side by side never send anything twice.
"""

import os
import signal
from types import FrameType

from django.db import connections
from django_tasks_db.management.commands import db_worker
from django_tasks_db.models import DBTaskResult

from newsletters.sending import resume_interrupted
from webhooks.sending import resume_waiting

# Below the app servers: on a shared machine, readers' pages come before background work.
NICENESS = 10


class ClaimSafeWorker(db_worker.Worker):
    """Stops between tasks, never inside the transaction that claims one.

    The library exits at once on SIGTERM when no task runs, even mid-COMMIT of a claim: the
    task then stays RUNNING for ever (django-tasks-db issue 61)."""

    def shutdown(self, signum: int, frame: FrameType | None) -> None:
        # False inside a transaction (and its COMMIT); read as is: no query in a handler.
        claiming = not connections[DBTaskResult.objects.db].autocommit
        if self.running and not self.running_task and claiming:
            db_worker.logger.warning(
                "Received %s - stopping after this claim.", signal.strsignal(signum)
            )
            self.running = False  # the loop runs what it claimed, then ends
            return
        super().shutdown(signum, frame)


class Command(db_worker.Command):
    help = "Run the task worker, after resuming the sends a stopped worker left."

    def handle(self, *args, **options):
        os.nice(NICENESS)
        resumed = resume_interrupted()
        if resumed:
            self.stderr.write(f"Resumed {resumed} interrupted newsletter send(s).")
        waiting = resume_waiting()
        if waiting:
            self.stderr.write(f"Asked again for {waiting} waiting webhook delivery(ies).")
        db_worker.Worker = ClaimSafeWorker  # the library's handle builds its worker by this name
        return super().handle(*args, **options)
