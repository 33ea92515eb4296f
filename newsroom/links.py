"""Addresses of the pages named by a slug: a list page shows dozens of them, so each kind's
address is reversed once per language and the slug put in its place."""

import re
from functools import lru_cache

from django.urls import get_script_prefix, get_urlconf, reverse
from django.utils.translation import get_language

SLUG = re.compile(r"[-a-zA-Z0-9_]+")  # Django's slug path converter
PLACEHOLDER = "slug-goes-here"


def slug_url(name: str, slug: str) -> str:
    """reverse(name, kwargs={"slug": slug}), for a URL whose only argument is a slug."""
    if not SLUG.fullmatch(slug):
        return reverse(name, kwargs={"slug": slug})  # raises NoReverseMatch, as Django would
    before, after = _around_slug(name, get_language(), get_script_prefix(), get_urlconf())
    return f"{before}{slug}{after}"


@lru_cache(maxsize=64)
def _around_slug(name: str, language: str, script_prefix: str, urlconf) -> tuple[str, str]:
    before, after = reverse(name, kwargs={"slug": PLACEHOLDER}, urlconf=urlconf).split(PLACEHOLDER)
    return before, after
