"""The task worker (`db_worker`), first resuming what a worker that died left half done.

A worker killed mid-send leaves its task running for ever in the queue; its edition stays
"sending", a webhook delivery "waiting". Each worker that starts asks for those again: their
deliveries are claimed one by one, so two runs side by side never send anything twice.
"""

import os

from django_tasks_db.management.commands import db_worker

from newsletters.sending import resume_interrupted
from webhooks.sending import resume_waiting

# Below the app servers: on a shared machine, readers' pages come before background work.
NICENESS = 10


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
        return super().handle(*args, **options)
