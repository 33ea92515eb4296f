"""Pictures for the demo, drawn with Pillow so nothing is downloaded."""

import io
import random
import zlib

from django.core.files.base import ContentFile
from PIL import Image, ImageChops, ImageDraw, ImageFilter, ImageFont

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


def photo(label: str, width: int = 2400, height: int = 1600) -> ContentFile:
    """A landscape that reads and weighs like a camera's photo: sky, sun glow, clouds, ridges
    fading into haze, a street of buildings in front, soft focus, grain and a vignette. The
    label seeds every choice, so the same label always gives the same picture."""
    rng = random.Random(zlib.crc32(label.encode()))
    # Drawn on a canvas 1200 wide (the shapes are sized for it), then enlarged: a lens's softness.
    w, h = 1200, round(1200 * height / width)
    sky_top, sky_low = rng.choice(_SKIES)
    image = _gradient((w, h), sky_top, sky_low)
    horizon = int(h * rng.uniform(0.5, 0.62))
    _glow(image, (int(w * rng.uniform(0.2, 0.8)), int(horizon * rng.uniform(0.35, 0.8))))
    _clouds(image, horizon, rng)
    _ridges(image, horizon, sky_low, rng)
    _street(image, horizon, rng)
    image = image.filter(ImageFilter.GaussianBlur(1.2)).resize((width, height), Image.BICUBIC)
    image = _vignette(image)
    return _jpeg(_grain(image, rng), "photo.jpg")


# (top, near the horizon): dawn, noon, haze, dusk, storm
_SKIES = [
    ((38, 64, 120), (250, 190, 140)),
    ((52, 120, 200), (200, 225, 240)),
    ((120, 150, 170), (225, 220, 205)),
    ((40, 30, 80), (240, 120, 70)),
    ((60, 70, 80), (170, 175, 170)),
]


def _mix(a, b, t):
    return tuple(int(x + (y - x) * t) for x, y in zip(a, b, strict=True))


def _gradient(size, top, bottom) -> Image.Image:
    column = Image.new("RGB", (1, 256))
    column.putdata([_mix(top, bottom, (y / 255) ** 1.4) for y in range(256)])
    return column.resize(size, Image.BICUBIC)


def _glow(image, centre):
    """A sun and the light around it, blurred as a lens blurs it."""
    w, _h = image.size
    layer = Image.new("L", image.size, 0)
    draw = ImageDraw.Draw(layer)
    x, y = centre
    for radius, value in ((w // 5, 60), (w // 10, 120), (w // 40, 255)):
        draw.ellipse([x - radius, y - radius, x + radius, y + radius], fill=value)
    layer = layer.filter(ImageFilter.GaussianBlur(w // 60))
    image.paste(Image.new("RGB", image.size, (255, 240, 210)), mask=layer)


def _clouds(image, horizon, rng):
    w, _h = image.size
    layer = Image.new("L", image.size, 0)
    draw = ImageDraw.Draw(layer)
    for _ in range(rng.randint(4, 9)):
        cx, cy = rng.uniform(-0.1, 1.1) * w, rng.uniform(0.05, 0.8) * horizon
        for _ in range(rng.randint(3, 7)):
            rx, ry = rng.uniform(0.04, 0.12) * w, rng.uniform(0.015, 0.04) * w
            ox, oy = rng.uniform(-1.5, 1.5) * rx, rng.uniform(-0.6, 0.6) * ry
            draw.ellipse([cx + ox - rx, cy + oy - ry, cx + ox + rx, cy + oy + ry], fill=90)
    layer = layer.filter(ImageFilter.GaussianBlur(w // 80))
    image.paste(Image.new("RGB", image.size, (245, 245, 248)), mask=layer)


def _ridges(image, horizon, haze, rng):
    """Hills one behind the other, the far ones paler: air between them and the camera."""
    w, h = image.size
    draw = ImageDraw.Draw(image)
    near = rng.choice([(52, 70, 40), (70, 55, 40), (40, 55, 60)])
    layers = rng.randint(3, 4)
    for layer in range(layers):
        t = (layer + 1) / layers
        base = horizon - int(h * 0.12 * (1 - t)) + int(h * 0.04 * layer)
        level, points = base, [(0, h)]
        for x in range(0, w + 16, 16):
            level += rng.uniform(-6, 6) * (1.4 - t)
            level = min(max(level, base - h * 0.12), base + h * 0.05)
            points.append((x, level))
        points.append((w, h))
        draw.polygon(points, fill=_mix(haze, near, 0.35 + 0.65 * t))


def _street(image, horizon, rng):
    """Buildings with lit windows, a few trees and people in front of them."""
    w, h = image.size
    draw = ImageDraw.Draw(image)
    ground = horizon + int(h * 0.12)
    x = rng.randint(-40, 0)
    while x < w:
        bw, bh = rng.randint(40, 140), rng.randint(40, 220)
        wall = _mix(rng.choice([(200, 170, 130), (170, 90, 60), (220, 210, 190)]), (0, 0, 0), 0.3)
        draw.rectangle([x, ground - bh, x + bw, ground + 10], fill=wall)
        for wx in range(x + 8, x + bw - 10, 18):
            for wy in range(ground - bh + 10, ground - 10, 24):
                lit = rng.random() < 0.3
                draw.rectangle(
                    [wx, wy, wx + 8, wy + 12], fill=(250, 210, 120) if lit else (40, 40, 45)
                )
        x += bw + rng.randint(0, 30)
    image.paste(_gradient((w, h - ground), (150, 130, 105), (70, 60, 50)), (0, ground))
    for _ in range(rng.randint(5, 12)):
        tx = rng.randint(0, w)
        crown = rng.randint(25, 60)
        draw.rectangle([tx - 4, ground - crown, tx + 4, ground + 20], fill=(50, 35, 25))
        draw.ellipse(
            [tx - crown, ground - 2.2 * crown, tx + crown, ground - 0.6 * crown], fill=(40, 70, 35)
        )
    colours = [(200, 40, 40), (240, 190, 40), (40, 90, 170), (240, 240, 235), (30, 30, 30)]
    for _ in range(rng.randint(20, 60)):
        px, py = rng.randint(0, w), ground + rng.randint(20, h - ground - 10)
        size = 10 + (py - ground) // 5
        draw.ellipse([px - size // 4, py - size, px + size // 4, py - size // 2], fill=(60, 40, 30))
        draw.rounded_rectangle(
            [px - size // 3, py - size // 2, px + size // 3, py + size],
            size // 6,
            fill=rng.choice(colours),
        )


def _vignette(image) -> Image.Image:
    mask = Image.radial_gradient("L").resize(image.size, Image.BICUBIC)
    return Image.composite(
        Image.new("RGB", image.size, (0, 0, 0)), image, mask.point(lambda v: v // 3)
    )


def _grain(image, rng) -> Image.Image:
    """A sensor's noise: a few levels either way, at the scale of two pixels."""
    w, h = image.size
    noise = Image.frombytes("L", (w // 2, h // 2), rng.randbytes((w // 2) * (h // 2)))
    noise = noise.point(lambda v: v // 16).resize((w, h), Image.BICUBIC)
    return ImageChops.add(image, Image.merge("RGB", [noise] * 3), 1.0, -8)
