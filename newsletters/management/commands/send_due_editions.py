"""Sends every scheduled edition whose time has come: for setups without a task worker
(development), or to pick up an edition whose task was lost."""

from django.core.management.base import BaseCommand
from django.utils import timezone

from newsletters.models import Edition
from newsletters.sending import send_edition


class Command(BaseCommand):
    help = "Send the scheduled newsletter editions whose time has come."

    def handle(self, *args, **options):
        due = Edition.objects.filter(
            state__in=[Edition.State.SCHEDULED, Edition.State.SENDING],
            send_at__lte=timezone.now(),
        )
        for pk in due.values_list("pk", flat=True):
            send_edition.call(pk)
            state = Edition.objects.get(pk=pk).get_state_display()
            self.stdout.write(f"edition {pk}: {state}")
