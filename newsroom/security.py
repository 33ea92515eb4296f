"""The admin's Content-Security-Policy: the site's, plus exactly the rich-text editor's import map."""

import base64
import hashlib
import re
from functools import cache

from django_prose_editor.widgets import prose_editor_admin_media, prose_editor_media

ADMIN_PATH = re.compile(r"^/(?:[a-z]{2}/)?admin/")
IMPORT_MAP = re.compile(r'<script type="importmap">(.*?)</script>', re.S)


@cache
def editor_import_map_hash() -> str:
    """The hash of the editor's inline import map, as the admin renders it."""
    media = str(prose_editor_media(base=prose_editor_admin_media, preset="configurable"))
    content = IMPORT_MAP.search(media).group(1)
    digest = hashlib.sha256(content.encode()).digest()
    return "'sha256-" + base64.b64encode(digest).decode() + "'"


class AdminPolicyMiddleware:
    """Allows the admin its one known inline script (by hash, not 'unsafe-inline'), and the
    inline styles Django's admin widgets use. Public pages keep the strict policy."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if ADMIN_PATH.match(request.path):
            response._csp_update = {
                "script-src": [editor_import_map_hash()],
                "style-src": ["'unsafe-inline'"],
            }
            response["Referrer-Policy"] = "same-origin"  # stricter than the public pages
        return response
