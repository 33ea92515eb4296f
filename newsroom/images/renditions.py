"""Renditions: several widths in WebP with a JPEG/PNG fallback, and crops around a focal point.

They are made once, from one decode of the original, after the image is saved: by the task
worker in production, at once in development (or, if that failed, when a page first needs
them: asked of the worker, or made by a single process holding a shared lock). What was
made is recorded on the model, so pages build their <picture> without touching storage.
"""

import hashlib
import io
import logging
from dataclasses import dataclass

from django.core.cache import cache
from django.core.files.base import ContentFile
from PIL import Image

from newsroom.images.validation import ALLOWED_FORMATS

logger = logging.getLogger(__name__)
LOCK_SECONDS = 120


@dataclass(frozen=True)
class Plan:
    widths: tuple[int, ...] = ()
    # name -> (width, height) of the wanted crop; made smaller, never larger, than the original
    crops: tuple[tuple[str, int, int], ...] = ()

    @property
    def decode_size(self) -> tuple[int, int]:
        sizes = [(w, w) for w in self.widths] + [(w, h) for _, w, h in self.crops]
        return max(w for w, _ in sizes), max(h for _, h in sizes)


ARTICLE_PLAN = Plan(
    widths=(320, 640, 960, 1280, 1920),
    crops=(
        ("og", 1200, 630),
        ("1x1", 1200, 1200),
        ("4x3", 1200, 900),
        ("4x3-320", 320, 240),  # list cards' thumbnails on phones: a few KB, not a 1200 crop
        ("4x3-640", 640, 480),
        ("16x9", 1200, 675),
    ),
)
PORTRAIT_PLAN = Plan(crops=(("sq96", 96, 96), ("sq192", 192, 192), ("sq400", 400, 400)))


def plan_key(source_name: str, focal: tuple[float, float], plan: Plan) -> str:
    """Changes whenever the picture, its focal point or the plan changes."""
    text = f"{source_name}|{focal[0]:.3f},{focal[1]:.3f}|{plan}"
    return hashlib.sha256(text.encode()).hexdigest()[:16]


def is_current(record: dict, key: str) -> bool:
    return bool(record) and record.get("key") == key


def focal_box(width, height, ratio, focal):
    """The largest box of the given ratio that holds the focal point as centred as it can be."""
    box_w, box_h = (
        (width, round(width / ratio))
        if width / height <= ratio
        else (round(height * ratio), height)
    )
    box_w, box_h = min(box_w, width), min(box_h, height)
    left = min(max(round(focal[0] * width - box_w / 2), 0), width - box_w)
    top = min(max(round(focal[1] * height - box_h / 2), 0), height - box_h)
    return left, top, left + box_w, top + box_h


def _encode(image, fmt) -> bytes:
    buffer = io.BytesIO()
    if fmt == "WEBP":
        image.save(buffer, "WEBP", quality=80, method=4)
    elif fmt == "PNG":
        image.save(buffer, "PNG", optimize=True)
    else:
        image.convert("RGB").save(buffer, "JPEG", quality=82, optimize=True, progressive=True)
    return buffer.getvalue()


def make(field_file, focal, plan: Plan, key: str) -> dict:
    """Decode the original once and write every rendition; returns the record to store."""
    storage = field_file.storage
    with field_file.open("rb") as handle:
        image = Image.open(handle, formats=ALLOWED_FORMATS)
        image.draft("RGB", plan.decode_size)  # JPEG: decode at a reduced scale when possible
        image.load()
    has_alpha = image.mode in ("RGBA", "LA", "PA") or "transparency" in image.info
    image = image.convert("RGBA" if has_alpha else "RGB")
    fallback, fallback_ext = ("PNG", "png") if has_alpha else ("JPEG", "jpg")
    stem = field_file.name.rsplit(".", 1)[0].replace("/", "-")
    folder = f"renditions/{stem}/{key}"

    def save(name, picture):
        stored = {}
        for fmt, ext in (("WEBP", "webp"), (fallback, fallback_ext)):
            encoded = _encode(picture, fmt)
            stored[ext] = storage.save(f"{folder}/{name}.{ext}", ContentFile(encoded))
            record["bytes"][stored[ext]] = len(encoded)  # its weight, shown to readers saving data
        return [picture.width, picture.height, stored["webp"], stored[fallback_ext]]

    record = {"key": key, "widths": [], "crops": {}, "bytes": {}}
    width, height = image.size
    current = image
    for target in sorted((w for w in plan.widths if w <= width), reverse=True) or (
        [width] if plan.widths else []
    ):
        current = current.resize((target, max(1, round(height * target / width))), Image.LANCZOS)
        record["widths"].insert(0, save(f"w{target}", current))
    for name, crop_w, crop_h in plan.crops:
        box = focal_box(width, height, crop_w / crop_h, focal)
        region = image.crop(box)
        scale = min(1.0, crop_w / region.width)
        size = (max(1, round(region.width * scale)), max(1, round(region.height * scale)))
        record["crops"][name] = save(name, region.resize(size, Image.LANCZOS))
    return record


def ensure(instance, field_name, record_field, focal, plan, ask=None) -> dict | None:
    """The current renditions of an instance's image: made now if missing, by one process
    only; or, given `ask`, asked for (once, for the task worker) and not made here.

    Returns None when there is no image, or when they are not made now (asked for, being
    made by another process, or failed and logged): the page then shows the original.
    """
    field_file = getattr(instance, field_name)
    if not field_file:
        return None
    key = plan_key(field_file.name, focal, plan)
    record = getattr(instance, record_field) or {}
    if is_current(record, key):
        return record
    if ask is not None:
        ask()
        return None
    lock = f"renditions:{key}"
    if cache.add(lock, True, LOCK_SECONDS) is False:
        return None  # someone else is making them right now (None: no cache, go ahead)
    try:
        record = make(field_file, focal, plan, key)
        type(instance).objects.filter(pk=instance.pk).update(**{record_field: record})
    except Exception:
        logger.exception("Could not make renditions of %s", field_file.name)
        return None
    finally:
        cache.delete(lock)
    setattr(instance, record_field, record)
    return record
