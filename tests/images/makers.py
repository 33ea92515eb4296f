"""Hostile and ordinary image files, built by the tests themselves."""

import io
import struct
import zlib

from PIL import Image


def png_header_only(width, height) -> bytes:
    """A valid PNG signature and header claiming a huge size, with a tiny compressed body."""

    def chunk(kind, data):
        return (
            struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
        )

    ihdr = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)  # 8-bit greyscale
    body = zlib.compress(b"\x00" * 1024, 9)  # would inflate far past this if decoded
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", body) + chunk(b"IEND", b"")


def encoded(image, fmt, **options) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, fmt, **options)
    return buffer.getvalue()


def animated_gif(width, height, frames) -> bytes:
    pictures = [Image.new("P", (width, height), i % 200) for i in range(frames)]
    return encoded(pictures[0], "GIF", save_all=True, append_images=pictures[1:], duration=50)


def jpeg_with_everything(width=400, height=200) -> bytes:
    """Left half red, right half blue, with GPS, serial, owner, XMP, a comment and
    orientation 6 (the camera was turned: upright, the picture is 200 × 400, red on top)."""
    image = Image.new("RGB", (width, height), "blue")
    image.paste("red", (0, 0, width // 2, height))
    exif = Image.Exif()
    exif[0x0112] = 6  # Orientation: rotate 90° clockwise to view
    exif[0x010F] = "CameraMaker"
    exif[0xA431] = "SERIAL-123456"  # BodySerialNumber
    exif[0xA430] = "Jean Source"  # CameraOwnerName
    gps = exif.get_ifd(0x8825)
    gps[1], gps[2] = "N", (5.0, 19.0, 0.0)  # Abidjan-ish
    gps[3], gps[4] = "W", (4.0, 1.0, 0.0)
    xmp = b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:Description photoshop:City="Bouake"/></x:xmpmeta>'
    return encoded(image, "JPEG", exif=exif, xmp=xmp, comment=b"secret source location")
