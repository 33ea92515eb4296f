"""The task worker (`db_worker`), first resuming what a worker that died left half done.

A worker killed mid-send leaves its task running for ever in the queue; its edition stays
"sending", a webhook delivery "waiting". Each worker that starts asks for those again: their
deliveries are claimed one by one, so two runs side by side never send anything twice.
"""

import logging
import os
import signal
from types import FrameType

from django_tasks_db.management.commands import db_worker

from newsletters.sending import resume_interrupted
from webhooks.sending import resume_waiting

logger = logging.getLogger("django_tasks_db")  # the library's worker logs there
# Below the app servers: on a shared machine, readers' pages come before background work.
NICENESS = 10


class GracefulWorker(db_worker.Worker):
    """Stops between steps of its loop, never from inside one.

    On a first SIGTERM (each deploy) with no task running, the library exits at once, even
    mid-COMMIT of the transaction that claims a task: that task then stays RUNNING for ever
    (django-tasks-db issue 61). Here it only ends the loop: a claimed task is run first, a
    sleeping worker stops within its interval. A second signal stops it at once, as before.
    """

    def shutdown(self, signum: int, frame: FrameType | None) -> None:
        if not self.running:
            super().shutdown(signum, frame)
            return
        logger.warning("Received %s - stopping after this step.", signal.strsignal(signum))
        self.running = False


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
        library_worker = db_worker.Worker
        db_worker.Worker = GracefulWorker  # the library's handle builds its worker by this name
        try:
            return super().handle(*args, **options)
        finally:
            db_worker.Worker = library_worker
