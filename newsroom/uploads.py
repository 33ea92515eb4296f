"""Server-made names for uploaded files: the uploaded name is never trusted or kept."""

import secrets
from pathlib import PurePosixPath

from django.utils import timezone
from django.utils.deconstruct import deconstructible


@deconstructible
class RandomUploadPath:
    """`folder/YYYY/MM/<random>.<ext>`; the extension is only a hint for the browser."""

    def __init__(self, folder: str):
        self.folder = folder

    def __call__(self, instance, filename: str) -> str:
        suffix = PurePosixPath(filename.replace("\x00", "")).suffix.lower()
        if suffix not in {".jpg", ".jpeg", ".png", ".webp", ".gif", ".avif"}:
            suffix = ".bin"
        now = timezone.now()
        return f"{self.folder}/{now:%Y/%m}/{secrets.token_hex(16)}{suffix}"

    def __eq__(self, other):
        return isinstance(other, RandomUploadPath) and other.folder == self.folder
