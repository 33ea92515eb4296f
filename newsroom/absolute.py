"""Absolute addresses for share links, feeds and metadata, always built on SITE_URL."""

from django.conf import settings


def absolute(url: str) -> str:
    """SITE_URL + a site path; a URL that is already absolute (a CDN, S3) stays as it is."""
    if url.startswith(("http://", "https://")):
        return url
    return settings.SITE_URL + url
