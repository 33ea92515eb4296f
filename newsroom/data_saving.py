"""Lighter pages for readers who ask for them: phones in data-saving mode send `Save-Data: on`.

Such a page offers smaller renditions, and its pictures below the first screen wait for a
tap, showing their weight. The page cache and the kept fragments keep both kinds apart.
"""

from contextvars import ContextVar

from django.utils.cache import patch_vary_headers

_saving = ContextVar("saving_data", default=False)


def requested(request) -> bool:
    return request.headers.get("Save-Data", "").strip().lower() == "on"


def active() -> bool:
    """Whether the page being rendered is for a reader saving data."""
    return _saving.get()


class SaveDataMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = _saving.set(requested(request))
        try:
            response = self.get_response(request)
        finally:
            _saving.reset(token)
        if response.get("Content-Type", "").startswith("text/html"):
            patch_vary_headers(response, ("Save-Data",))
        return response
