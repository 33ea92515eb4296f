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
    colours = [(i * 37 % 256, i * 91 % 256, 255 - i % 256) for i in range(frames)]  # all differ
    pictures = [Image.new("RGB", (width, height), colour) for colour in colours]
    return encoded(pictures[0], "GIF", save_all=True, append_images=pictures[1:], duration=50)


def many_frames_gif(frames) -> bytes:
    """A 1 × 1 GIF of `frames` frames, written byte by byte: 23 bytes a frame, so a few
    megabytes hold hundreds of thousands of frames that each cost time to decode."""
    header = b"GIF89a" + struct.pack("<HHBBB", 1, 1, 0x80, 0, 0) + b"\x00\x00\x00\xff\xff\xff"
    loop = b"\x21\xff\x0bNETSCAPE2.0\x03\x01\x00\x00\x00"
    frame = (
        b"\x21\xf9\x04\x08\x01\x00\x00\x00"  # graphic control: 10 ms, restore background
        + b"\x2c"
        + struct.pack("<HHHHB", 0, 0, 1, 1, 0)  # image descriptor: 1 × 1 at 0, 0
        + b"\x02\x02\x44\x01\x00"  # LZW data: clear code, one pixel, end
    )
    return header + loop + frame * frames + b"\x3b"


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
