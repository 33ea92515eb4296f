"""The one allowlist for article bodies, shared by the admin editor and every save."""

import re
from html import unescape

import nh3
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
}
ALLOWED_ATTRIBUTES = {
    "a": {"href", "title"},
    "img": {"src", "alt", "width", "height"},
    "ol": {"start"},
}
URL_SCHEMES = {"http", "https", "mailto", "tel"}

_cleaner = nh3.Cleaner(
    tags=ALLOWED_TAGS,
    attributes=ALLOWED_ATTRIBUTES,
    url_schemes=URL_SCHEMES,
    link_rel="noopener noreferrer",
    strip_comments=True,
)


def sanitize_html(html: str) -> str:
    """Allowlisted tags, attributes and URL schemes only; idempotent."""
    return _cleaner.clean(html or "").strip()


def html_to_text(html: str) -> str:
    """The readable text of a body: tags dropped, entities decoded, spaces between blocks."""
    spaced = re.sub(r"</(p|h2|h3|h4|li|blockquote|figcaption)>|<br\s*/?>", " ", html or "")
    return " ".join(unescape(strip_tags(spaced)).split())
