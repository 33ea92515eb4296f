from django.core.management.base import BaseCommand

from webhooks.sending import deliver, due


class Command(BaseCommand):
    help = "Send the webhook deliveries whose time has come (where no worker waits for them)."

    def handle(self, *args, **options):
        found = due()
        for pk in found:
            deliver.call(pk)
        self.stdout.write(f"{len(found)} delivery attempt(s) made.")
