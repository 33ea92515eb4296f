import logging

from django.core.management.base import BaseCommand

from webhooks.sending import deliver, due

logger = logging.getLogger(__name__)


class Command(BaseCommand):
    help = "Send the webhook deliveries whose time has come (where no worker waits for them)."

    def handle(self, *args, **options):
        found = due()
        for pk in found:
            try:
                deliver.call(pk)
            except Exception:  # one delivery's fault must not hold back the others
                logger.exception("Webhook delivery %s failed.", pk)
        self.stdout.write(f"{len(found)} delivery attempt(s) made.")
