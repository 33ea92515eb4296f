"""Pictures for the demo, drawn with Pillow so nothing is downloaded."""

import io
import zlib

from django.core.files.base import ContentFile
from PIL import Image, ImageDraw, ImageFont

PALETTE = ["#1b4965", "#5fa8d3", "#ca6702", "#9b2226", "#2a9d8f", "#6a4c93", "#3d405b"]


def _colour(seed: str) -> str:
    return PALETTE[zlib.crc32(seed.encode()) % len(PALETTE)]


def _jpeg(image: Image.Image, name: str) -> ContentFile:
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=82, optimize=True)
    return ContentFile(buffer.getvalue(), name=name)


def portrait(name: str, size: int = 480) -> ContentFile:
    """A square with the person's initials."""
    image = Image.new("RGB", (size, size), _colour(name))
    draw = ImageDraw.Draw(image)
    initials = "".join(part[0] for part in name.split()[:2]).upper()
    font = ImageFont.load_default(size=size // 3)
    draw.text((size / 2, size / 2), initials, fill="white", font=font, anchor="mm")
    return _jpeg(image, "portrait.jpg")


def scene(label: str, width: int = 1600, height: int = 900) -> ContentFile:
    """A sky-to-sand gradient with a sun and a horizon, coloured by the section's name."""
    top, bottom = Image.new("RGB", (1, 1), _colour(label)).getpixel((0, 0)), (240, 230, 210)
    image = Image.new("RGB", (width, height))
    draw = ImageDraw.Draw(image)
    for y in range(height):
        t = y / height
        draw.line(
            [(0, y), (width, y)],
            fill=tuple(int(a + (b - a) * t) for a, b in zip(top, bottom, strict=True)),
        )
    sun = zlib.crc32(label.encode()) % (width // 2) + width // 4
    draw.ellipse([sun - 90, height // 3 - 90, sun + 90, height // 3 + 90], fill=(255, 236, 179))
    draw.rectangle([0, int(height * 0.72), width, height], fill=(120, 94, 60))
    return _jpeg(image, "scene.jpg")
