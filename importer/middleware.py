"""Old WordPress addresses → their new articles, with a permanent redirect.

Last in the chain (inside the page cache, so answers are cached like any page):
- `?p=123` on the home page is answered first, as WordPress did, since the home page
  would otherwise hide it;
- every other old address (`/2024/03/05/slug/`, `/2024/03/slug/`, `/slug/`, the export's
  own permalink, `?p=123` on another path) only where the site itself would answer 404,
  so a real page is never shadowed — the admin, for one, paginates with `?p=`. When no
  URL pattern matches (the usual case for old addresses) that is known before any view
  runs, and the 404 page is not rendered for nothing.
Only articles published now are redirected to: anything else stays a 404.
"""

from django.conf import settings
from django.http import HttpResponsePermanentRedirect
from django.urls import is_valid_path, reverse

from importer import legacy

HOME_PATHS = ("/", "/index.php")
MAX_POST_ID_DIGITS = 19


class LegacyRedirectMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method not in ("GET", "HEAD"):
            return self.get_response(request)
        post_key = _post_id_key(request)
        if post_key and request.path_info in HOME_PATHS:
            redirect = _redirect(request, [post_key])
            if redirect:
                return redirect
        keys = [post_key] if post_key else []
        keys.append(legacy.path_key(request.path_info))
        path, urlconf = request.path_info, getattr(request, "urlconf", None)
        if not _answers(path, urlconf):
            if _slash_will_be_appended(path, urlconf):
                return self.get_response(request)  # CommonMiddleware turns it into a redirect
            return _redirect(request, keys) or self.get_response(request)
        response = self.get_response(request)
        if response.status_code != 404:
            return response
        return _redirect(request, keys) or response


def _answers(path, urlconf) -> bool:
    """Whether one of the site's URL patterns matches `path`."""
    return bool(is_valid_path(path, urlconf))


def _slash_will_be_appended(path, urlconf) -> bool:
    return (
        settings.APPEND_SLASH
        and not path.endswith("/")
        and bool(is_valid_path(f"{path}/", urlconf))
    )


def _post_id_key(request) -> str | None:
    value = request.GET.get("p", "")
    if value.isascii() and value.isdigit() and len(value) <= MAX_POST_ID_DIGITS:
        return legacy.post_id_key(int(value))
    return None


def _redirect(request, keys):
    """A 301 to the first key's article readers may see, keeping the other query terms."""
    targets = legacy.published_targets(keys)
    slug = next((targets[key] for key in keys if key in targets), None)
    if slug is None:
        return None
    query = request.GET.copy()
    query.pop("p", None)
    url = reverse("articles:detail", kwargs={"slug": slug})
    return HttpResponsePermanentRedirect(f"{url}?{query.urlencode()}" if query else url)
