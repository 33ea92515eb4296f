"""A WordPress post's content → a Newsroom body.

Captions become figures, other shortcodes go (counted), classic-editor text gets its
paragraphs, and every <img> either points at a file stored here or is removed: readers'
pages load nothing from the old site or any other. Article.save() then sanitises the
result like any other body.
"""

import html
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass

from django.utils.html import format_html, format_html_join

from importer.autop import autop, is_block_editor_content
from importer.shortcodes import attributes, captions_to_figures, remove_shortcodes

# (src, class attribute) → the address of the stored copy, or None to drop the picture.
ImageResolver = Callable[[str, str], str | None]

_IMAGE = re.compile(r"<img\b[^>]*>", re.IGNORECASE)
_FIGURE_WITHOUT_IMAGE = re.compile(
    r"<figure\b[^>]*>(?:(?!<img\b|</figure>).)*</figure>", re.DOTALL | re.IGNORECASE
)
_EMPTY_LINK = re.compile(r"<a\b[^>]*>\s*</a>", re.IGNORECASE)
_EMPTY_PARAGRAPH = re.compile(r"<p>\s*(?:<br\s*/?>\s*)*</p>", re.IGNORECASE)
# Spaces left at the edges of a paragraph where a shortcode or picture was removed.
_PARAGRAPH_EDGES = re.compile(r"(?<=<p>)[ \t]+|[ \t]+(?=</p>)")
_BLANK_LINES = re.compile(r"\n\s*\n")


@dataclass
class Body:
    html: str
    shortcodes: Counter


def convert(content: str, resolve_image: ImageResolver) -> Body:
    text = (content or "").replace("\r\n", "\n").replace("\r", "\n")
    text = captions_to_figures(text)
    text, removed = remove_shortcodes(text)
    if not is_block_editor_content(text):
        text = autop(text)
    return Body(html=rewrite_images(text, resolve_image), shortcodes=removed)


def rewrite_images(text: str, resolve_image: ImageResolver) -> str:
    """Each picture re-pointed at its stored copy; pictures with none are removed, and a
    figure left without its picture goes with its caption."""

    def image(match):
        found = {name: html.unescape(value) for name, value in attributes(match.group(0)).items()}
        src = resolve_image(found.get("src", ""), found.get("class", ""))
        if not src:
            return ""
        size = [
            (name, found[name]) for name in ("width", "height") if found.get(name, "").isdigit()
        ]
        return format_html(
            '<img src="{}" alt="{}"{}>',
            src,
            found.get("alt", ""),
            format_html_join("", ' {}="{}"', size),
        )

    text = _IMAGE.sub(image, text)
    text = _FIGURE_WITHOUT_IMAGE.sub("", text)
    text = _EMPTY_LINK.sub("", text)
    text = _PARAGRAPH_EDGES.sub("", _EMPTY_PARAGRAPH.sub("", text))
    return _BLANK_LINES.sub("\n", text)
