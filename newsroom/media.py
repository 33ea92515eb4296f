"""Serving uploaded media from the storage, for deployments without a separate file server.

Only the folders uploads go to, only image types, each with its own Content-Type and
`nosniff`, so no stored file is ever taken for HTML. Names are random and never reused, so
responses can be cached for good.
"""

from django.conf import settings
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


class MediaMiddleware:
    """Media on this server's storage is answered here, before sessions, languages and the
    page cache: the same bytes for every reader, so nothing adds `Vary: Cookie` or
    `Accept-Language` (a CDN would keep a copy per reader). A CDN or bucket URL: not ours."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.prefix = settings.MEDIA_URL if settings.MEDIA_URL.startswith("/") else None

    def __call__(self, request):
        if self.prefix and request.path.startswith(self.prefix):
            return serve_media(request, request.path[len(self.prefix) :])
        return self.get_response(request)
