"""How long the desk waits for a 24-megapixel photo added to the library, with the task
worker (production) and without it (renditions made before the answer, as before).

    .venv/bin/python bench/picture_upload.py [--uploads 5]

Each mode in a process of its own on the `make bench` database (PostgreSQL, loopback),
through Django's whole request path (the test client, no network): the admin's add form
posted with the photo, timed to its answer. With the worker, `manage.py db_worker --batch`
then makes the renditions, timed too. Prints a Markdown table.
"""

import argparse
import json
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import image_pipeline  # noqa: E402
import run  # noqa: E402
import serve  # noqa: E402

DATABASE = "newsroom_bench_1000"


def upload_times(count: int, worker: bool) -> dict:
    """In this process, with Django set up for the mode: seconds each upload's answer took."""
    import django

    django.setup()
    from django.contrib.auth import get_user_model
    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.core.management import call_command
    from django.test import Client
    from django.urls import reverse

    from articles.models import Picture

    editor, _made = get_user_model().objects.get_or_create(
        username="bench-pictures", defaults={"is_staff": True, "is_superuser": True}
    )
    client = Client()
    client.force_login(editor)
    photo = image_pipeline.photo_like()
    answers, made = [], []
    for number in range(count):
        fields = {"title": f"Banc {number}", "alt_text": "Un marché", "focal_x": 50}
        fields |= {"focal_y": 50, "file": SimpleUploadedFile("p.jpg", photo, "image/jpeg")}
        started = time.perf_counter()
        response = client.post(reverse("admin:articles_picture_add"), fields)
        answers.append(time.perf_counter() - started)
        if response.status_code != 302:
            raise SystemExit(f"the upload was refused: {response.status_code}")
        picture = Picture.objects.latest("pk")
        if worker:
            assert not picture.renditions, "made before the answer"
            started = time.perf_counter()
            call_command("db_worker", "--batch", "--no-startup-delay", verbosity=0)
            made.append(time.perf_counter() - started)
        assert Picture.objects.get(pk=picture.pk).renditions, "no renditions"
    return {"answers": answers, "made": made}


def measured(env, count, worker) -> dict:
    mode_env = {**env, "TASK_WORKER": "1" if worker else "0"}
    script = f"import picture_upload, json; print(json.dumps(picture_upload.upload_times({count}, {worker})))"
    out = subprocess.run(
        [sys.executable, "-c", script],
        cwd=HERE,
        env={**mode_env, "PYTHONPATH": f"{serve.ROOT}:{HERE}"},
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return json.loads(out.strip().splitlines()[-1])


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--uploads", type=int, default=5)
    args = parser.parse_args()
    serve.ensure_services()
    env = run.prepare(DATABASE, 1000, reuse=True)
    print(f"# A 24-megapixel photo into the library, {time.strftime('%Y-%m-%d %H:%M')}\n")
    print(f"{args.uploads} uploads each way; seconds.\n")
    print("| | answer, median | answer, longest | renditions by the worker, median |")
    print("|---|---|---|---|")
    for worker in (False, True):
        found = measured(env, args.uploads, worker)
        made = f"{statistics.median(found['made']):.2f}" if found["made"] else "(in the answer)"
        print(
            f"| {'task worker' if worker else 'no worker'} | {statistics.median(found['answers']):.2f} "
            f"| {max(found['answers']):.2f} | {made} |"
        )


if __name__ == "__main__":
    main()
