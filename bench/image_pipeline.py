"""Time and peak memory to take a 24-megapixel JPEG upload through checks and all renditions.

    make bench-images        (or: .venv/bin/python bench/image_pipeline.py)

Runs in a fresh process so the peak resident memory (ru_maxrss) belongs to this work alone.
"""

import io
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsroom.test_settings")

import django  # noqa: E402

django.setup()

from django.core.files.storage import FileSystemStorage  # noqa: E402
from django.core.files.uploadedfile import SimpleUploadedFile  # noqa: E402
from PIL import Image  # noqa: E402

from newsroom.images import renditions  # noqa: E402
from newsroom.images.fields import checked_file  # noqa: E402


class StoredFile:
    """The minimum of a FieldFile that renditions.make needs."""

    def __init__(self, storage, name):
        self.storage, self.name = storage, name

    def open(self, mode="rb"):
        return self.storage.open(self.name, mode)


def photo_like(width=6000, height=4000) -> bytes:
    # Noise over a gradient: as hard to encode as a real photograph, unlike a flat colour.
    base = Image.linear_gradient("L").resize((width, height)).convert("RGB")
    noise = Image.effect_noise((width, height), 24).convert("RGB")
    buffer = io.BytesIO()
    Image.blend(base, noise, 0.35).save(buffer, "JPEG", quality=85)
    return buffer.getvalue()


def peak_rss_mb() -> float:
    # VmHWM starts afresh with each exec (ru_maxrss would carry the parent's peak over).
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def process(path: Path):
    data = path.read_bytes()
    rss_before = peak_rss_mb()
    with tempfile.TemporaryDirectory() as folder:
        storage = FileSystemStorage(location=folder)
        started = time.perf_counter()
        cleaned = checked_file(SimpleUploadedFile("photo.jpg", data, content_type="image/jpeg"))
        checked = time.perf_counter()
        name = storage.save("original.jpg", cleaned)
        key = renditions.plan_key(name, (0.5, 0.5), renditions.ARTICLE_PLAN)
        record = renditions.make(
            StoredFile(storage, name), (0.5, 0.5), renditions.ARTICLE_PLAN, key
        )
        done = time.perf_counter()
    peak = peak_rss_mb()
    files = 2 * (len(record["widths"]) + len(record["crops"]))
    print(f"upload: 6000 x 4000 JPEG, {len(data) / 1e6:.1f} MB")
    print(f"check + strip metadata: {checked - started:.2f} s")
    print(f"renditions ({files} files): {done - checked:.2f} s")
    print(f"total: {done - started:.2f} s")
    print(f"peak RSS: {peak:.0f} MB (Django loaded, before the work: {rss_before:.0f} MB)")


def main():
    if len(sys.argv) > 1:
        process(Path(sys.argv[1]))
        return
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "photo.jpg"
        path.write_bytes(photo_like())
        # A fresh process, so its peak memory is the pipeline's, not the test picture's.
        subprocess.run([sys.executable, __file__, str(path)], check=True)


if __name__ == "__main__":
    main()
