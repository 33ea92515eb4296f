"""Old WordPress addresses → their new pages, with a permanent redirect.

Last in the chain (inside the page cache, so answers are cached like any page):
- on the home page, WordPress's query forms are answered first, as WordPress did, since
  the home page would otherwise hide them: `?p=123` (a post), `?cat=5`, `?tag=sahel`,
  `?author=3`, and `?s=words` (its search, ours at /recherche/);
- every other old address (`/2024/03/05/slug/`, `/slug/`, `/category/afrique/`,
  `/tag/sahel/`, `/author/awa/`, the export's own permalinks, and their `/feed/`,
  `/page/N/` and `/amp/` forms) only where the site itself would answer 404, so a real
  page is never shadowed — the admin, for one, paginates with `?p=`. When no URL pattern
  matches (the usual case for old addresses) that is known before any view runs, and the
  404 page is not rendered for nothing.
Only articles published now are redirected to: anything else stays a 404. A redirect costs
one look-up on the key index and one count of its use.
"""

from urllib.parse import urlencode

from django.conf import settings
from django.http import HttpResponsePermanentRedirect
from django.urls import is_valid_path, reverse

from importer import addresses, legacy

HOME_PATHS = ("/", "/index.php")
# WordPress's own query terms: never carried to the new address.
WORDPRESS_TERMS = (*addresses.QUERY_NAMES, "s", "amp")


class LegacyRedirectMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method not in ("GET", "HEAD"):
            return self.get_response(request)
        asked = addresses.requested_query_keys(request.GET)
        if request.path_info in HOME_PATHS:
            redirect = _from_home(request, asked)
            if redirect:
                return redirect
        path, urlconf = request.path_info, getattr(request, "urlconf", None)
        if not _answers(path, urlconf):
            if _slash_will_be_appended(path, urlconf):
                return self.get_response(request)  # CommonMiddleware turns it into a redirect
            return _redirect(request, asked) or self.get_response(request)
        response = self.get_response(request)
        if response.status_code != 404:
            return response
        return _redirect(request, asked) or response


def _answers(path, urlconf) -> bool:
    """Whether one of the site's URL patterns matches `path`."""
    return bool(is_valid_path(path, urlconf))


def _slash_will_be_appended(path, urlconf) -> bool:
    return (
        settings.APPEND_SLASH
        and not path.endswith("/")
        and bool(is_valid_path(f"{path}/", urlconf))
    )


def _from_home(request, asked):
    """WordPress's query forms on its home page: a post, category, tag or author, else a
    search; None when they lead nowhere (the home page answers)."""
    if asked:
        found = legacy.destinations(asked)
        for key in asked:
            if key in found:
                return _moved(request, found[key], found[key].url)
    if "s" in request.GET:
        query = {"q": request.GET["s"]}
        return HttpResponsePermanentRedirect(f"{reverse('articles:search')}?{urlencode(query)}")
    return None


def _redirect(request, asked):
    """A 301 for the first key that leads somewhere: the query's, then the path's forms."""
    forms = addresses.forms(request.path_info)
    keys = asked + [form.key for form in forms if form.key != "/"]
    found = legacy.destinations(keys) if keys else {}
    for key in asked:
        if key in found:
            return _moved(request, found[key], found[key].url)
    for form in forms:
        if form.key == "/":  # /feed/, /page/2/, /amp/ of the old home page
            destination = legacy.Destination(None, reverse("articles:home"))
        else:
            destination = found.get(form.key)
        if destination is None:
            continue
        if form.kind == "feed":
            url = legacy.feed_of(destination.url, form.feed)
            return _moved(request, destination, url, keep_query=False) if url else None
        if form.kind == "page":
            url = legacy.page_of(destination.url, form.number)
            return _moved(request, destination, url, keep_query=False)
        return _moved(request, destination, destination.url)
    return None


def _moved(request, destination, url, keep_query=True):
    """The permanent redirect, keeping the query terms that are not WordPress's own."""
    if destination.pk is not None:
        legacy.count_use(destination.pk)
    query = request.GET.copy()
    for name in WORDPRESS_TERMS:
        query.pop(name, None)
    if keep_query and query:
        url = f"{url}{'&' if '?' in url else '?'}{query.urlencode()}"
    return HttpResponsePermanentRedirect(url)
