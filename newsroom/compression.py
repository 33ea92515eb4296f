"""Compressed pages: brotli or gzip, as the reader's browser accepts.

The page cache keeps a page compressed for each encoding, so a hit compresses nothing;
Django's GZipMiddleware compresses the rest (the desk, pages not kept).
"""

import gzip

import brotli
from django.utils.cache import patch_vary_headers

# Fast levels: a first reader waits for the compression; higher ones save little on a page.
BROTLI_QUALITY = 5
GZIP_LEVEL = 6
MIN_BYTES = 200  # smaller answers grow when compressed
COMPRESSIBLE_TYPES = ("text/", "application/rss+xml", "application/atom+xml", "application/xml")
COMPRESSIBLE_TYPES += ("application/json", "application/ld+json", "image/svg+xml")


def _accepted(header: str) -> dict[str, float]:
    """Each coding the browser names, with its quality (RFC 9110: `br;q=0` refuses it)."""
    accepted = {}
    for item in header.split(","):
        name, *params = (part.strip() for part in item.split(";"))
        quality = 1.0
        for param in params:
            key, _, value = param.partition("=")
            if key.strip().lower() == "q":
                try:
                    quality = float(value)
                except ValueError:
                    quality = 0.0
        if name:
            accepted[name.lower()] = quality
    return accepted


def negotiate(request) -> str:
    """'br', 'gzip' or 'identity': the best coding this browser takes."""
    accepted = _accepted(request.headers.get("Accept-Encoding", ""))
    for coding in ("br", "gzip"):
        if accepted.get(coding, accepted.get("*", 0.0)) > 0:
            return coding
    return "identity"


def compressible(response) -> bool:
    return (
        not getattr(response, "streaming", False)
        and not response.has_header("Content-Encoding")
        and response.get("Content-Type", "").startswith(COMPRESSIBLE_TYPES)
        and len(response.content) >= MIN_BYTES
    )


def compress(response, coding: str) -> None:
    """Compress the response's body in place (it must be compressible)."""
    patch_vary_headers(response, ("Accept-Encoding",))
    if coding == "br":
        response.content = brotli.compress(response.content, quality=BROTLI_QUALITY)
    elif coding == "gzip":
        response.content = gzip.compress(response.content, compresslevel=GZIP_LEVEL, mtime=0)
    else:
        return
    response["Content-Encoding"] = coding
    response["Content-Length"] = str(len(response.content))
