"""URLs for the links a page shows dozens of times, without walking the resolver each time.

reverse() costs about 30 µs a call and a home page of cards makes over a hundred calls: a
fifth of its rendering. Each named URL is reversed once per language, script prefix and
URL configuration, then filled in with a plain string replace.
"""

import re
from functools import lru_cache

from django.urls import get_script_prefix, get_urlconf, reverse
from django.utils.translation import get_language, override

# A value every slug converter accepts, and that no fixed part of our patterns contains.
_SLOT = "0slot0"
# What <slug:...> accepts; anything else (a Unicode tag slug) goes through reverse(), which
# quotes or refuses it exactly as it always would.
_PLAIN_SLUG = re.compile(r"[-a-zA-Z0-9_]+\Z")


@lru_cache(maxsize=512)
def _reversed(name, with_slug, language, prefix, urlconf):
    with override(language):
        return reverse(name, urlconf=urlconf, kwargs={"slug": _SLOT} if with_slug else None)


def url_for(name: str, slug: str | None = None, language: str | None = None) -> str:
    """reverse(name, kwargs={"slug": slug}), or reverse(name) without a slug; in `language`
    when given, else the active one."""
    language = language or get_language()
    if slug is not None and not _PLAIN_SLUG.match(slug):
        with override(language):
            return reverse(name, kwargs={"slug": slug})
    pattern = _reversed(name, slug is not None, language, get_script_prefix(), get_urlconf())
    return pattern if slug is None else pattern.replace(_SLOT, slug, 1)


def url_maker(name: str):
    """url_for(name, slug) for many slugs in a row: the language, script prefix and URL
    configuration are looked up once."""
    pattern = _reversed(name, True, get_language(), get_script_prefix(), get_urlconf())

    def url(slug: str) -> str:
        if not _PLAIN_SLUG.match(slug):
            return reverse(name, kwargs={"slug": slug})
        return pattern.replace(_SLOT, slug, 1)

    return url
