"""Posts written in the block editor: `<!-- wp:name {"json"} -->…<!-- /wp:name -->`.

Read as WordPress's own parser reads them (its block serialization grammar): a comment opens,
closes or is a whole block (`/-->`), its attributes are JSON, blocks nest, text between
top-level blocks is "freeform" HTML kept as it is. Where WordPress gives up (a closer with
no opener) this reader skips the stray comment instead, and broken JSON only loses the
attributes: a damaged post keeps its text.

Each block then becomes what Newsroom's editor makes: pictures and galleries as library
figures, embeds as `<figure data-embed>`, pull quotes as `<blockquote class="pull-quote">`,
tables unwrapped from their figure. Any other block keeps its inner HTML, which the article's
sanitiser cleans like every body.
"""

import html
import json
import re
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from importer import figures

# WordPress's own tokenizer, possessive so that a damaged comment cannot make it backtrack.
_DELIMITER = re.compile(
    r"<!--\s+(?P<closer>/)?wp:(?P<namespace>[a-z][a-z0-9_-]*/)?(?P<name>[a-z][a-z0-9_-]*)\s+"
    r"(?P<attrs>\{(?:[^}]++|\}++(?=\})|(?!\}\s+/?-->).)*+\}\s+)?(?P<void>/)?-->",
    re.DOTALL,
)
MOST_DEPTH = 100  # deeper nesting is no post's layout: the rest is read as flat blocks
_FIGCAPTION = re.compile(r"<figcaption\b[^>]*>(.*?)</figcaption>", re.DOTALL | re.IGNORECASE)
_GALLERY_CAPTION = re.compile(
    r"<figcaption\b[^>]*\bblocks-gallery-caption\b[^>]*>(.*?)</figcaption>",
    re.DOTALL | re.IGNORECASE,
)
_TABLE = re.compile(r"<table\b.*?</table>", re.DOTALL | re.IGNORECASE)
_BLOCKQUOTE_INSIDE = re.compile(r"<blockquote\b[^>]*>(.*)</blockquote>", re.DOTALL | re.IGNORECASE)
_CITE = re.compile(r"<cite\b[^>]*>(.*?)</cite>", re.DOTALL | re.IGNORECASE)
_EMBED_WRAPPER = re.compile(
    r"<div\b[^>]*\bwp-block-embed__wrapper\b[^>]*>(.*?)</div>", re.DOTALL | re.IGNORECASE
)
_TAGS = re.compile(r"<[^>]*>")
_SOURCE = re.compile(r"""<(?:video|audio|source)\b[^>]*?\bsrc=["']([^"']*)""", re.IGNORECASE)
_VOID = {"core/more", "core/nextpage"}  # reading breaks WordPress draws itself


@dataclass
class Block:
    name: str
    attrs: dict
    inner: list = field(default_factory=list)  # strings and Blocks, in order
    broken_attrs: bool = False

    @property
    def html(self) -> str:
        """The block's own HTML, without its inner blocks."""
        return "".join(part for part in self.inner if isinstance(part, str))

    @property
    def blocks(self) -> list["Block"]:
        return [part for part in self.inner if isinstance(part, Block)]


def parse(text: str) -> list:
    """The post as a list of freeform strings and Blocks."""
    document, stack, position = [], [], 0

    def add(part):
        (stack[-1].inner if stack else document).append(part)

    for token in _DELIMITER.finditer(text):
        if token.start() > position:
            add(text[position : token.start()])
        position = token.end()
        name = (token["namespace"] or "core/") + token["name"]
        if token["closer"]:
            if stack:  # WordPress stops at a closer with no opener; this skips it
                block = stack.pop()
                add(block)
            continue
        attrs, broken = _attributes(token["attrs"])
        block = Block(name, attrs, broken_attrs=broken)
        if token["void"] or len(stack) >= MOST_DEPTH:
            add(block)
        else:
            stack.append(block)
    if position < len(text):
        add(text[position:])
    while stack:  # unclosed at the end of the post: closed there, as WordPress does
        block = stack.pop()
        add(block)
    return document


def _attributes(raw) -> tuple[dict, bool]:
    if not raw:
        return {}, False
    try:
        attrs = json.loads(raw)
    except (ValueError, RecursionError):
        return {}, True
    return (attrs, False) if isinstance(attrs, dict) else ({}, True)


class Renderer:
    """Blocks → body HTML; `problems` gathers what a person should check, one line each."""

    def __init__(self, media):
        self.media = media
        self.problems = []

    def render(self, parts) -> str:
        return "".join(part if isinstance(part, str) else self.block(part) for part in parts)

    def block(self, block: Block) -> str:
        if block.broken_attrs:
            self.problems.append(
                _("block %(name)s has broken attributes: read without them")
                % {"name": block.name[:60]}
            )
        name = block.name
        if name in _VOID:
            return ""
        if name == "core/image":
            return self.image(block)
        if name == "core/gallery":
            return self.gallery(block)
        if name == "core/embed" or name.startswith("core-embed/"):
            return self.embed(block)
        if name == "core/pullquote":
            return self.pull_quote(block)
        if name == "core/quote":
            return self.quote(block)
        if name == "core/table":
            return self.table(block)
        if name in ("core/video", "core/audio"):
            return self.sound_or_video(block)
        if name == "core/block":
            self.problems.append(
                _("reusable block %(ref)s left out (its content is not in the post)")
                % {"ref": str(block.attrs.get("ref", "?"))[:20]}
            )
            return ""
        return self.render(block.inner)

    # --- the kinds Newsroom has its own element for -----------------------------------
    def image(self, block: Block) -> str:
        markup = self.render(block.inner)
        image = figures.first_image(markup, _attachment_id(block.attrs.get("id")))
        if image is None:
            return ""
        caption = _FIGCAPTION.search(markup)
        return figures.picture(image, caption.group(1) if caption else "")

    def gallery(self, block: Block) -> str:
        images = []
        for inner in block.blocks:
            if inner.name == "core/image":
                found = figures.first_image(
                    self.render(inner.inner), _attachment_id(inner.attrs.get("id"))
                )
                images += [found] if found else []
        markup = block.html
        if not block.blocks:  # before WordPress 5.9: the pictures are in the gallery's HTML
            images = figures.all_images(markup)
            ids = block.attrs.get("ids")
            if not images and isinstance(ids, list):
                images, missing = figures.attachment_images(self.media, ids)
                self.problems += missing
        caption = _GALLERY_CAPTION.search(markup)
        return figures.gallery(images, caption.group(1) if caption else "")

    def embed(self, block: Block) -> str:
        markup = self.render(block.inner)
        address = block.attrs.get("url")
        if not isinstance(address, str) or not address.strip():
            wrapper = _EMBED_WRAPPER.search(markup)
            address = _TAGS.sub("", wrapper.group(1)) if wrapper else ""
        caption = _FIGCAPTION.search(markup)
        made, problem = figures.embed(address, caption.group(1) if caption else "")
        self.problems += [problem] if problem else []
        return made

    def sound_or_video(self, block: Block) -> str:
        source = _SOURCE.search(self.render(block.inner))
        address = html.unescape(source.group(1)) if source else ""
        message = (
            _("video %(file)s not imported (Newsroom stores no video files)")
            if block.name == "core/video"
            else _("sound %(file)s not imported (Newsroom stores no sound files)")
        )
        self.problems.append(message % {"file": address[:200] or "?"})
        return ""

    def pull_quote(self, block: Block) -> str:
        return self.quote(block, opening='<blockquote class="pull-quote">')

    def quote(self, block: Block, opening: str = "<blockquote>") -> str:
        markup = self.render(block.inner)
        inside = _BLOCKQUOTE_INSIDE.search(markup)
        if inside is None:
            return markup
        return f"{opening}{_citation(inside.group(1))}</blockquote>"

    def table(self, block: Block) -> str:
        markup = self.render(block.inner)
        table = _TABLE.search(markup)
        if table is None:
            return markup
        caption = _FIGCAPTION.search(markup)
        # The sanitiser keeps no figure without a picture: the caption follows the table.
        return table.group(0) + (f"<p>{caption.group(1)}</p>" if caption else "")


def _citation(quote_html: str) -> str:
    """A quotation's source as its own last paragraph (the text keeps no <cite>)."""
    return _CITE.sub(
        lambda m: f"<p>— {m.group(1).strip()}</p>" if m.group(1).strip() else "", quote_html
    )


def _attachment_id(value) -> int | None:
    if isinstance(value, int) and not isinstance(value, bool) and value > 0:
        return value
    if isinstance(value, str) and value.isascii() and value.isdigit():
        return int(value)
    return None
