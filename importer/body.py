"""A WordPress post's content → a Newsroom body.

Block-editor posts are read block by block (importer/blocks.py), then shortcodes are
expanded as WordPress does after the blocks (importer/shortcodes.py); classic-editor text
gets its paragraphs. Pictures, galleries, embeds, pull quotes and tables become the
elements Newsroom's editor makes, and every <img> either becomes a library picture stored
here or is removed: readers' pages load nothing from the old site or any other.
Article.save() then sanitises the result like any other body.
"""

import html
import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Protocol

from django.utils.html import format_html, format_html_join

from importer.autop import autop, is_block_editor_content
from importer.blocks import Renderer, parse
from importer.shortcodes import attributes, autoembed, expand, remove_shortcodes


@dataclass(frozen=True)
class Stored:
    """Where a picture's stored copy is, and its library picture when it has one."""

    src: str
    file_id: int | None = None


class Media(Protocol):
    def resolve(self, src: str, classes: str, alt: str) -> Stored | None:
        """The stored copy of a picture of the post; None to remove the picture."""

    def attachment_url(self, attachment_id: int) -> str | None:
        """The address of an attachment of the export; None when it has none."""

    def images_of(self, post_id: int | None) -> list[int]:
        """The ids of a post's image attachments (this post's when None), in gallery order."""


_IMAGE = re.compile(r"<img\b[^>]*>", re.IGNORECASE)
_FIGURE_WITHOUT_IMAGE = re.compile(
    r"<figure\b(?![^>]*\bdata-embed)[^>]*>(?:(?!<img\b|</?figure\b).)*</figure>",
    re.DOTALL | re.IGNORECASE,
)
# A picture alone in its paragraph becomes a figure, as the editor makes one.
_LONE_PICTURE = re.compile(
    r"<p>\s*(?:<a\b[^>]*>\s*)?(<img [^>]*data-file=[^>]*>)\s*(?:</a>\s*)?</p>", re.IGNORECASE
)
_HEADING = re.compile(r"<(/?)h([1-6])\b", re.IGNORECASE)
_EMPTY_LINK = re.compile(r"<a\b[^>]*>\s*</a>", re.IGNORECASE)
_EMPTY_PARAGRAPH = re.compile(r"<p>\s*(?:<br\s*/?>\s*)*</p>", re.IGNORECASE)
# Spaces left at the edges of a paragraph where a shortcode or picture was removed.
_PARAGRAPH_EDGES = re.compile(r"(?<=<p>)[ \t]+|[ \t]+(?=</p>)")
_BLANK_LINES = re.compile(r"\n\s*\n")


@dataclass
class Body:
    html: str
    shortcodes: Counter
    problems: list[str] = field(default_factory=list)  # for the run's notes, one line each


def convert(content: str, media: Media) -> Body:
    text = (content or "").replace("\r\n", "\n").replace("\r", "\n")
    problems = []
    block_editor = is_block_editor_content(text)
    if block_editor:
        renderer = Renderer(media)
        text = renderer.render(parse(text))
        problems += renderer.problems
    text, removed, found = expand(text, media)
    problems += found
    text, others = remove_shortcodes(text)
    removed.update(others)
    text = autoembed(text)
    if not block_editor:  # WordPress adds paragraphs to classic posts only
        text = autop(text)
    text = _HEADING.sub(_heading, text)
    return Body(html=rewrite_images(text, media), shortcodes=removed, problems=problems)


def _heading(match) -> str:
    """The text has levels 2 to 4: a title's level 1 becomes 2, levels 5 and 6 become 4."""
    level = min(max(int(match.group(2)), 2), 4)
    return f"<{match.group(1)}h{level}"


def rewrite_images(text: str, media: Media) -> str:
    """Each picture re-pointed at its stored copy; pictures with none are removed, and a
    figure left without its picture goes with its caption."""

    def image(match):
        found = {name: html.unescape(value) for name, value in attributes(match.group(0)).items()}
        alt = found.get("alt", "")
        stored = media.resolve(found.get("src", ""), found.get("class", ""), alt)
        if stored is None:
            return ""
        if stored.file_id is not None:
            return format_html(
                '<img src="{}" alt="{}" data-file="{}">', stored.src, alt, stored.file_id
            )
        size = [
            (name, found[name]) for name in ("width", "height") if found.get(name, "").isdigit()
        ]
        return format_html(
            '<img src="{}" alt="{}"{}>',
            stored.src,
            alt,
            format_html_join("", ' {}="{}"', size),
        )

    text = _IMAGE.sub(image, text)
    while (emptied := _FIGURE_WITHOUT_IMAGE.sub("", text)) != text:
        text = emptied
    text = _EMPTY_LINK.sub("", text)
    text = _LONE_PICTURE.sub(r"<figure>\1</figure>", text)
    text = _PARAGRAPH_EDGES.sub("", _EMPTY_PARAGRAPH.sub("", text))
    return _BLANK_LINES.sub("\n", text)
