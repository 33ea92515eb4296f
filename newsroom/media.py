"""Serving uploaded media from the storage, for deployments without a separate file server.

Only the folders uploads go to, only image types, each with its own Content-Type and
`nosniff`, so no stored file is ever taken for HTML. Names are random and never reused, so
responses can be cached for good.
"""

from django.core.exceptions import SuspiciousFileOperation
from django.core.files.storage import default_storage
from django.http import FileResponse, Http404
from django.views.decorators.http import require_safe

SERVED_FOLDERS = (
    "pictures/",
    "articles/",
    "authors/",
    "renditions/",
)  # articles/: before the library
CONTENT_TYPES = {
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".png": "image/png",
    ".webp": "image/webp",
    ".gif": "image/gif",
    ".avif": "image/avif",
}


@require_safe
def serve_media(request, path):
    suffix = "." + path.rsplit(".", 1)[-1].lower() if "." in path else ""
    content_type = CONTENT_TYPES.get(suffix)
    if content_type is None or not path.startswith(SERVED_FOLDERS) or ".." in path.split("/"):
        raise Http404
    try:
        handle = default_storage.open(path, "rb")
    except (FileNotFoundError, SuspiciousFileOperation, OSError):
        raise Http404 from None
    response = FileResponse(handle, content_type=content_type)
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "public, max-age=31536000, immutable"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    return response
