"""Opening uploaded images safely, and rewriting them without any metadata.

Only the allowlisted decoders ever run; size and pixel count are checked from the headers
before a single pixel is decoded, so decompression bombs are refused in milliseconds.
"""

import io
import time

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from PIL import Image, ImageOps, UnidentifiedImageError, features

ALLOWED_FORMATS = ["JPEG", "PNG", "WEBP", "GIF"] + (["AVIF"] if features.check("avif") else [])
EXTENSIONS = {"JPEG": ".jpg", "PNG": ".png", "WEBP": ".webp", "GIF": ".gif", "AVIF": ".avif"}

# Pillow's own bomb check would only warn up to twice its limit: ours comes first and is strict.
Image.MAX_IMAGE_PIXELS = None


def _limits():
    return settings.IMAGE_MAX_BYTES, settings.IMAGE_MAX_PIXELS


def open_checked(file) -> Image.Image:
    """Open with the allowlisted decoders only; refuse by size, pixels and integrity."""
    max_bytes, max_pixels = _limits()
    size = getattr(file, "size", None)
    if size is not None and size > max_bytes:
        raise ValidationError(
            _("The image is too large (%(size)s MB); the limit is %(max)s MB."),
            code="too_large",
            params={"size": round(size / 1e6, 1), "max": round(max_bytes / 1e6)},
        )
    file.seek(0)
    try:
        image = Image.open(file, formats=ALLOWED_FORMATS)
    except UnidentifiedImageError:
        raise ValidationError(
            _("This file is not an accepted image. Use JPEG, PNG, WebP or GIF."),
            code="format",
        ) from None
    except (OSError, ValueError, SyntaxError):
        raise ValidationError(
            _("This image is damaged and cannot be read."), code="corrupt"
        ) from None

    width, height = image.size
    if width * height > max_pixels:
        raise _too_many_pixels(width * height, max_pixels)
    max_frames = settings.IMAGE_MAX_FRAMES
    frames = _frame_count(image, min(max_frames, max_pixels // max(1, width * height)))
    if frames > max_frames:
        raise ValidationError(
            _("The animation has too many frames (more than %(max)s)."),
            code="frames",
            params={"max": max_frames},
        )
    if width * height * frames > max_pixels:
        raise _too_many_pixels(width * height * frames, max_pixels)
    try:
        image.load()  # bounded now: decodes the first frame, finds truncation and corruption
    except (OSError, ValueError, SyntaxError, EOFError):
        raise ValidationError(
            _("This image is damaged and cannot be read."), code="corrupt"
        ) from None
    return image


def _frame_count(image, stop_after: int) -> int:
    """Frames in an animation, counted from headers; stops as soon as the limit is passed."""
    if not getattr(image, "is_animated", False):
        return 1
    count = 1
    try:
        while count <= stop_after:
            image.seek(count)
            count += 1
    except EOFError:
        pass
    finally:
        image.seek(0)
    return count


def _too_many_pixels(pixels, max_pixels):
    return ValidationError(
        _("The image has too many pixels (%(mp)s megapixels); the limit is %(max)s."),
        code="pixels",
        params={"mp": round(pixels / 1e6, 1), "max": round(max_pixels / 1e6)},
    )


def clean_copy(image: Image.Image) -> tuple[bytes, str]:
    """The picture upright, re-encoded in its own format with no EXIF, XMP, IPTC or comment.

    Returns the bytes and the file extension. Trailing data (an HTML polyglot) is dropped too.
    """
    source_format = image.format
    icc = image.info.get("icc_profile")  # colour, not metadata about anyone: kept
    buffer = io.BytesIO()
    if getattr(image, "is_animated", False) and source_format in ("GIF", "WEBP"):
        frames, durations = [], []
        deadline = time.monotonic() + settings.IMAGE_MAX_DECODE_SECONDS
        for index in range(image.n_frames):
            if time.monotonic() > deadline:
                raise ValidationError(
                    _("This animation takes too long to process; make it shorter or smaller."),
                    code="too_slow",
                )
            image.seek(index)
            frame = image.convert("RGBA")
            frame.info = {}  # nothing of the source's metadata may ride along
            frames.append(frame)
            durations.append(image.info.get("duration", 100))
        frames[0].save(
            buffer,
            source_format,
            save_all=True,
            append_images=frames[1:],
            duration=durations,
            loop=image.info.get("loop", 0),
            disposal=2,
        )
    else:
        # In place: a 24-megapixel picture is 72 MB decoded, and a copy would double that.
        upright = ImageOps.exif_transpose(image, in_place=True) or image
        upright.info = {}  # EXIF, XMP, IPTC, comments: none of it is written back
        options = {"icc_profile": icc} if icc else {}
        if source_format == "JPEG":
            upright = upright.convert("RGB") if upright.mode not in ("RGB", "L") else upright
            upright.save(buffer, "JPEG", quality=90, optimize=True, **options)
        elif source_format == "GIF":
            upright.save(buffer, "GIF")
        elif source_format == "WEBP":
            upright.save(buffer, "WEBP", quality=90, **options)
        elif source_format == "AVIF":
            upright.save(buffer, "AVIF", quality=80, **options)
        else:
            upright.save(buffer, "PNG", optimize=True, **options)
    return buffer.getvalue(), EXTENSIONS[source_format]
