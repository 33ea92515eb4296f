"""Pictures from the media library inside an article's text.

The editor stores `<img src="…" alt="…" data-file="ID">` (django-prose-editor's Image,
picked from the library): the id says which picture, the alt text is this use's. Readers
get the picture's renditions in place of that `<img>` (articles/templating.py).
"""

import re
from html import escape, unescape

# In sanitised HTML (nh3) every attribute value is in double quotes.
_IMAGE = re.compile(r'<img((?:\s+[\w-]+="[^"]*")*)\s*/?>')
_ATTRIBUTE = re.compile(r'([\w-]+)="([^"]*)"')
_GALLERY = re.compile(r'<figure data-gallery="">(.*?)</figure>', re.DOTALL)
GALLERY_MOST = 30  # pictures in one gallery: a reader swipes through a few dozen at most


def _attributes(tag_attributes: str) -> dict[str, str]:
    return {name: unescape(value) for name, value in _ATTRIBUTE.findall(tag_attributes)}


def _tag(attributes: dict[str, str]) -> str:
    return "<img" + "".join(f' {k}="{escape(v)}"' for k, v in attributes.items()) + ">"


def picture_ids(html: str) -> list[int]:
    """The library pictures the text shows, in order, each once."""
    ids = []
    for match in _IMAGE.finditer(html or ""):
        file = _attributes(match.group(1)).get("data-file", "")
        if file.isdigit() and int(file) not in ids:
            ids.append(int(file))
    return ids


def uses(html: str) -> dict[tuple[int, bool], str]:
    """Each library picture the text shows, in order, keyed by its id and whether it is in a
    gallery, with its alt text there."""
    html = html or ""
    galleries = [match.span() for match in _GALLERY.finditer(html)]
    found = {}
    for match in _IMAGE.finditer(html):
        attributes = _attributes(match.group(1))
        file = attributes.get("data-file", "")
        if file.isdigit():
            in_gallery = any(start < match.start() < end for start, end in galleries)
            found.setdefault((int(file), in_gallery), attributes.get("alt", ""))
    return found


def without(html: str, ids: set[int]) -> str:
    """The text without the <img> of these library pictures (a figure left empty goes when
    the text is sanitised)."""

    def drop(match):
        file = _attributes(match.group(1)).get("data-file", "")
        return "" if file.isdigit() and int(file) in ids else match.group(0)

    return _IMAGE.sub(drop, html or "")


def largest_gallery(html: str) -> int:
    """How many pictures the text's largest gallery holds."""
    galleries = _GALLERY.finditer(html or "")
    return max((len(_IMAGE.findall(gallery.group(1))) for gallery in galleries), default=0)


def complete(html: str, pictures: dict) -> str:
    """Each library picture with its alt text (the library's where this use has none); a
    reference to a picture not in the library is dropped, the <img> kept as it was."""

    def fill(match):
        attributes = _attributes(match.group(1))
        file = attributes.get("data-file")
        if file is None:
            return match.group(0)
        picture = pictures.get(int(file)) if file.isdigit() else None
        if picture is None:
            del attributes["data-file"]
        elif not attributes.get("alt", "").strip():
            attributes["alt"] = picture.alt_text
        return _tag(attributes)

    return _IMAGE.sub(fill, html or "")


def substitute(html: str, pictures: dict, render) -> str:
    """The text with each library picture's <img> replaced by
    `render(picture, alt, in_gallery)`."""
    html = html or ""
    galleries = [match.span() for match in _GALLERY.finditer(html)]

    def replace(match):
        attributes = _attributes(match.group(1))
        file = attributes.get("data-file", "")
        picture = pictures.get(int(file)) if file.isdigit() else None
        if picture is None:
            return match.group(0)
        in_gallery = any(start < match.start() < end for start, end in galleries)
        return render(picture, attributes.get("alt") or picture.alt_text, in_gallery)

    return _IMAGE.sub(replace, html)
