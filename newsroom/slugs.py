"""Readable, ASCII-safe, unique slugs."""

from django.utils.text import slugify

# Leaves room for a "-NNN" suffix when the readable part collides.
_SUFFIX_ROOM = 6


def readable_slug(text: str, max_length: int, fallback: str) -> str:
    """Slugify to ASCII and cut at a word boundary; `fallback` when nothing Latin remains."""
    slug = slugify(text or "") or fallback
    limit = max_length - _SUFFIX_ROOM
    if len(slug) > limit:
        cut = slug[:limit]
        slug = cut.rsplit("-", 1)[0] if "-" in cut else cut
    return slug.strip("-") or fallback


def unique_slug(text, model, max_length, exclude_pk=None, fallback="item", field="slug"):
    """The readable slug, with -2, -3… appended until no other row of `model` uses it."""
    base = readable_slug(text, max_length, fallback)
    others = model._default_manager.exclude(pk=exclude_pk) if exclude_pk else model._default_manager
    taken = set(others.filter(**{f"{field}__startswith": base}).values_list(field, flat=True))
    candidate, n = base, 2
    while candidate in taken:
        candidate = f"{base}-{n}"
        n += 1
    return candidate
