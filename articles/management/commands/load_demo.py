import os

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from articles.demo import content, loader


class Command(BaseCommand):
    help = "Load the demo newsroom (sections, authors, articles, demo logins). Safe to repeat."

    def handle(self, *args, **options):
        if not settings.DEBUG:
            raise CommandError(
                "Refusing to create demo users with DEBUG off: the demo logins share a "
                "known password. Run it on a development machine (DEBUG=1)."
            )
        password = os.environ.get("DEMO_PASSWORD") or "newsroom-demo"
        created = loader.load(password)
        summary = ", ".join(f"{count} {kind}" for kind, count in created.items())
        self.stdout.write(self.style.SUCCESS(f"Demo content loaded (new: {summary})."))
        logins = ", ".join(user["username"] for user in content.USERS)
        self.stdout.write(
            "Demo logins at /admin/ (password: the DEMO_PASSWORD variable, "
            f"or newsroom-demo): {logins}."
        )
