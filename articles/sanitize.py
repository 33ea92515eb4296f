"""The one allowlist for article bodies, shared by the admin editor and every save."""

import re
from html import unescape

import nh3
from django.conf import settings
from django.urls import reverse_lazy
from django.utils.html import strip_tags

from articles import embeds

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
    # A picture from the library, picked in its own window (articles/admin/pictures.py).
    "Figure": {"pickerUrl": reverse_lazy("admin:articles_picture_pick")},
    "Gallery": {"pickerUrl": reverse_lazy("admin:articles_picture_pick")},  # ours: settings
    "Embed": {"resolveUrl": reverse_lazy("admin:articles_article_embed")},  # ours too
    "PullQuote": True,  # ours too
    "Image": True,
    "Caption": True,
    "NoSpellCheck": False,  # django-prose-editor turns the browser's spell-checker off
    "MenuLabels": True,  # ours: the toolbar's words translated (settings)
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
    "figure": {"data-gallery", "data-embed"},  # several pictures; another site's post
    "img": {"src", "alt", "width", "height", "data-file"},  # data-file: a library picture's id
    "ol": {"start"},
    "th": {"colspan", "rowspan"},
    "td": {"colspan", "rowspan"},
}
URL_SCHEMES = {"http", "https", "mailto", "tel"}

# In nh3's output every attribute value is in double quotes, with any quote inside escaped.
_IMAGE = re.compile(r'<img((?:\s+[\w-]+="[^"]*")*)\s*/?>')
# A figure holding no picture (an embed holds none), once figures are not nested.
_FIGURE_WITHOUT_IMAGE = re.compile(
    r"<figure(?![^>]*data-embed=)[^>]*>(?:(?!<img\b|</?figure>).)*</figure>", re.DOTALL
)
# Another site's player as pasted, or a link the editor has not resolved: read into an embed.
_IFRAME = re.compile(
    r"""<iframe\b[^>]*?\bsrc\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))[^>]*>(?:.*?</iframe\s*>)?""",
    re.IGNORECASE | re.DOTALL,
)
_EMBED_ADDRESS = re.compile(r'<figure\b[^>]*?\bdata-embed-url="([^"]*)"[^>]*>', re.IGNORECASE)


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
    if name == "data-gallery":
        return ""
    if name == "data-embed":
        embed = embeds.stored(value)
        return embed and embed.value
    if name == "data-file":
        return value if value.isascii() and value.isdigit() and len(value) < 12 else None
    if name in ("colspan", "rowspan"):  # a small whole number, or nothing
        return value if value.isascii() and value.isdigit() and 1 <= int(value) <= 50 else None
    return value


_cleaner = nh3.Cleaner(
    tags=ALLOWED_TAGS,
    attributes=ALLOWED_ATTRIBUTES,
    attribute_filter=_attribute,
    url_schemes=URL_SCHEMES,
    link_rel="noopener noreferrer",
    allowed_classes={"blockquote": {"pull-quote"}},  # the one class the text may carry
    strip_comments=True,
)


_FIGURE_TAG = re.compile(r"<figure\b[^>]*>|</figure>")


def _unnest_figures(html: str) -> str:
    """A figure inside a figure loses its own tags (the editor cannot hold one)."""
    depth, kept, start = 0, [], 0
    for tag in _FIGURE_TAG.finditer(html):
        kept.append(html[start : tag.start()])
        start = tag.end()
        closing = tag.group(0) == "</figure>"
        if closing:
            depth = max(depth - 1, 0)
        if depth == 0:
            kept.append(tag.group(0))
        if not closing:
            depth += 1
    kept.append(html[start:])
    return "".join(kept)


def _tidy(html: str) -> str:
    """No picture without its source, no figure without its picture, none in another."""
    html = _unnest_figures(html).replace(' class=""', "")  # a class not allowed leaves this
    html = _IMAGE.sub(lambda m: m.group(0) if ' src="' in m.group(1) else "", html)
    while (emptied := _FIGURE_WITHOUT_IMAGE.sub("", html)) != html:
        html = emptied
    return html


def _read_embeds(html: str) -> str:
    """Pasted players and unresolved links become embeds; any other <iframe> goes."""

    def embed_of(address: str) -> str:
        embed = embeds.from_address(unescape(address))
        return embed and f'<figure data-embed="{embed.value}">'

    html = _IFRAME.sub(
        lambda m: (embed_of(m.group(1) or m.group(2) or m.group(3)) or "<figure>") + "</figure>",
        html,
    )
    return _EMBED_ADDRESS.sub(lambda m: embed_of(m.group(1)) or "<figure>", html)


def sanitize_html(html: str) -> str:
    """Allowlisted tags, attributes and URL schemes, and our own pictures only; idempotent:
    badly nested markup can read differently once serialised, so it is cleaned until stable."""
    cleaned = _read_embeds(html or "")
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
