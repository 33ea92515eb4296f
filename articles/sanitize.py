"""The one allowlist for article bodies, shared by the admin editor and every save."""

import re
from html import unescape

import nh3
from django.conf import settings
from django.utils.html import strip_tags

# What the editor can produce; everything else is dropped, whatever sent it.
EDITOR_EXTENSIONS = {
    "Bold": True,
    "Italic": True,
    "Underline": True,
    "Strike": True,
    "Subscript": True,
    "Superscript": True,
    "Heading": {"levels": [2, 3, 4]},
    "BulletList": True,
    "OrderedList": True,
    "ListItem": True,
    "Blockquote": True,
    "HardBreak": True,
    "HorizontalRule": True,
    "Link": {"enableTarget": False},
    "Table": True,  # the editor's first row is a header row
    "TableRow": True,
    "TableHeader": True,
    "TableCell": True,
    "NoSpellCheck": False,  # django-prose-editor turns the browser's spell-checker off
}

ALLOWED_TAGS = {
    "p",
    "br",
    "strong",
    "b",
    "em",
    "i",
    "u",
    "s",
    "sub",
    "sup",
    "h2",
    "h3",
    "h4",
    "ul",
    "ol",
    "li",
    "blockquote",
    "hr",
    "a",
    "figure",
    "figcaption",
    "img",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
}
ALLOWED_ATTRIBUTES = {
    "*": {"lang", "title"},  # a quotation in another language, a tooltip
    "a": {"href", "title"},
    "img": {"src", "alt", "width", "height"},
    "ol": {"start"},
    "th": {"colspan", "rowspan"},
    "td": {"colspan", "rowspan"},
}
URL_SCHEMES = {"http", "https", "mailto", "tel"}

# In nh3's output every attribute value is in double quotes, with any quote inside escaped.
_IMAGE = re.compile(r'<img((?:\s+[\w-]+="[^"]*")*)\s*/?>')
# An innermost figure holding no picture (nested ones go from the inside out).
_FIGURE_WITHOUT_IMAGE = re.compile(r"<figure>(?:(?!<img\b|</?figure>).)*</figure>", re.DOTALL)


def own_picture(src: str) -> str | None:
    """A picture stored here, as an address on this site; None for any other (another
    site's, data:, a bare name): the page's policy would refuse to show it anyway."""
    media = settings.MEDIA_URL
    if media.startswith("/") and src.startswith(settings.SITE_URL + media):
        src = src.removeprefix(settings.SITE_URL)
    if not src.startswith(media) or src.startswith("//") or ".." in src:
        return None
    return src


def _attribute(tag: str, name: str, value: str) -> str | None:
    if (tag, name) == ("img", "src"):
        return own_picture(value)
    if name in ("colspan", "rowspan"):  # a small whole number, or nothing
        return value if value.isascii() and value.isdigit() and 1 <= int(value) <= 50 else None
    return value


_cleaner = nh3.Cleaner(
    tags=ALLOWED_TAGS,
    attributes=ALLOWED_ATTRIBUTES,
    attribute_filter=_attribute,
    url_schemes=URL_SCHEMES,
    link_rel="noopener noreferrer",
    strip_comments=True,
)


def _tidy(html: str) -> str:
    """No picture without its source, and no figure without its picture."""
    html = _IMAGE.sub(lambda m: m.group(0) if ' src="' in m.group(1) else "", html)
    while (emptied := _FIGURE_WITHOUT_IMAGE.sub("", html)) != html:
        html = emptied
    return html


def sanitize_html(html: str) -> str:
    """Allowlisted tags, attributes and URL schemes, and our own pictures only; idempotent:
    badly nested markup can read differently once serialised, so it is cleaned until stable."""
    cleaned = html or ""
    for _attempt in range(5):
        again = _tidy(_cleaner.clean(cleaned)).strip()
        if again == cleaned:
            break
        cleaned = again
    return cleaned


def html_to_text(html: str) -> str:
    """The readable text of a body: tags dropped, entities decoded, spaces between blocks."""
    spaced = re.sub(r"</(p|h2|h3|h4|li|blockquote|figcaption|th|td)>|<br\s*/?>", " ", html or "")
    return " ".join(unescape(strip_tags(spaced)).split())
