"""`make bench-newsletter`: L'essentiel to 10,000 subscribers through the task worker, with
the page traffic mix running beside it, measured against the mix alone.

    .venv/bin/python bench/newsletter_send.py [--articles 1000] [--subscribers 10000]

On the corpus `make bench` seeds (seeded here if missing), served by gunicorn with the page
cache on, PostgreSQL and Redis on loopback, one `manage.py worker` as in production, its
emails kept in memory (Django's local-memory mail backend). In turn: the mix alone; a send
alone (its time); a send with the mix beside it (the mix stops before the send does, so it
is measured only while sending); the mix alone again. Prints a Markdown report.
"""

import argparse
import os
import subprocess
import threading
import time
from pathlib import Path

import run
import serve
import traffic

MIX_SECONDS = 20
CONNECTIONS = 16
BUDGET_SECONDS = 120  # the issue's: under two minutes
BUDGET_LOSS = 0.10  # the mix keeps at least 90% of its throughput
WORKER_NICENESS = 10


def subscribers(count: int) -> None:
    """`count` confirmed readers of the digest, the bench's own, made again each run."""
    from django.utils import timezone

    from newsletters.models import Subscriber

    Subscriber.objects.filter(email__endswith="@bench.example").delete()
    now = timezone.now()
    Subscriber.objects.bulk_create(
        (Subscriber(email=f"lecteur{n}@bench.example", confirmed_at=now) for n in range(count)),
        batch_size=2000,
    )


def new_digest():
    """A digest of the corpus's eight newest stories, as an editor would send it."""
    from django.contrib.auth import get_user_model

    from articles.models import Article
    from newsletters.models import Edition, EditionStory

    editor, _made = get_user_model().objects.get_or_create(
        username="bench-newsletter", defaults={"is_staff": True, "is_superuser": True}
    )
    edition = Edition.objects.create(
        subject="L’essentiel du banc d’essai", introduction="Bonjour.", created_by=editor
    )
    newest = Article.objects.published().order_by("-published_at")[:8]
    EditionStory.objects.bulk_create(
        EditionStory(edition=edition, article=article, position=n)
        for n, article in enumerate(newest, start=1)
    )
    return edition, editor


def send(edition, editor, within=600.0) -> float:
    """Scheduled now, sent by the worker: seconds from scheduling to the last delivery."""
    from newsletters.models import Edition

    started = time.monotonic()
    edition.schedule(editor)
    deadline = started + within
    while time.monotonic() < deadline:
        if Edition.objects.filter(pk=edition.pk, state=Edition.State.SENT).exists():
            return time.monotonic() - started
        time.sleep(0.1)
    raise RuntimeError(f"edition {edition.pk} not sent within {within:.0f} s")


class Worker:
    """`manage.py worker` on the bench's database, its emails in memory."""

    def __init__(self, env, smaller_share=True):
        self.smaller_share = smaller_share
        self.env = env | {
            "TASK_WORKER": "1",
            "EMAIL_BACKEND": "django.core.mail.backends.locmem.EmailBackend",
        }

    def __enter__(self):
        command = [serve.PYTHON, "manage.py", "worker", "--interval", "0.2", "--no-startup-delay"]
        self.process = subprocess.Popen(
            command, cwd=serve.ROOT, env=self.env, stdout=subprocess.DEVNULL, start_new_session=True
        )
        # Its own session is its own CPU group on Linux (autogroup): given a smaller share
        # there, as docs/operations.md asks of a worker beside the app servers.
        autogroup = Path(f"/proc/{self.process.pid}/autogroup")
        if self.smaller_share and autogroup.exists():
            autogroup.write_text(str(WORKER_NICENESS))
        return self

    def __exit__(self, *exc):
        os.killpg(self.process.pid, 15)
        self.process.wait(timeout=30)


def row(label, mix) -> str:
    return f"| {label} | {mix['rps']:.0f} | {mix['p50']:.1f} | {mix['p99']:.1f} | {mix['errors']} |"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1000, help="the corpus make bench seeds")
    parser.add_argument("--subscribers", type=int, default=10000)
    parser.add_argument(
        "--same-share", action="store_true", help="the worker's CPU group as the servers'"
    )
    args = parser.parse_args()
    serve.ensure_services()
    database = f"newsroom_bench_{args.articles}"
    run.prepare(database, args.articles, reuse=True)
    env = serve.environment(database, page_cache=True) | {"TASK_WORKER": "1"}
    serve.sh("redis-cli", "-n", serve.REDIS.rsplit("/", 1)[1], "flushdb", capture=True)
    serve.django_here(env)
    subscribers(args.subscribers)
    site = traffic.collect(serve.ROOT, env)
    mix_file = traffic.write(
        traffic.build(site), Path(os.environ.get("TMPDIR", "/tmp")) / "mix.txt"
    )
    with serve.Server(env) as server, Worker(env, smaller_share=not args.same_share):
        traffic.run(server.port, mix_file, MIX_SECONDS, CONNECTIONS, 1)  # warms the page cache
        before = traffic.run(server.port, mix_file, MIX_SECONDS, CONNECTIONS, 1)
        alone = send(*new_digest())
        edition, editor = new_digest()
        beside_seconds = max(5, min(MIX_SECONDS, alone * 0.8))
        with_mix = {}
        mixer = threading.Thread(
            target=lambda: with_mix.update(
                traffic.run(server.port, mix_file, beside_seconds, CONNECTIONS, 1)
            )
        )
        mixer.start()
        sending = send(edition, editor)
        mixer.join()
        after = traffic.run(server.port, mix_file, MIX_SECONDS, CONNECTIONS, 1)
    baseline = (before["rps"] + after["rps"]) / 2
    loss = 1 - with_mix["rps"] / baseline
    print(
        f"# A newsletter to {args.subscribers:,} subscribers, {time.strftime('%Y-%m-%d %H:%M')}\n"
    )
    share = "the same CPU share as the servers" if args.same_share else "a smaller CPU share"
    print(
        f"{args.articles} articles; the mix on {CONNECTIONS} connections; the worker on {share}.\n"
    )
    print(f"- Sent alone: {alone:.1f} s ({args.subscribers / alone:.0f} emails/s).")
    print(
        f"- Sent beside the mix: {sending:.1f} s ({args.subscribers / sending:.0f} emails/s): "
        f"{'ok' if sending < BUDGET_SECONDS else 'MISSED'} (under {BUDGET_SECONDS} s).\n"
    )
    print("| the mix | req/s | p50 ms | p99 ms | errors |")
    print("|---|---|---|---|---|")
    print(row("alone, before", before))
    print(row(f"beside the send ({beside_seconds:.0f} s)", with_mix))
    print(row("alone, after", after))
    print(
        f"\nThe mix lost {loss:.1%} of its throughput while the newsletter was sent "
        f"({'ok' if loss < BUDGET_LOSS else 'MISSED'}: under {BUDGET_LOSS:.0%})."
    )


if __name__ == "__main__":
    main()
