"""WordPress shortcodes: [caption] becomes a figure, every other one is removed and counted.

A bracketed word is only taken for a shortcode when it looks like one — it has attributes,
a closing tag, an underscore (plugins' names), or is one WordPress itself knows — so the
"[sic]" and "[1]" of ordinary text stay. Enclosing shortcodes lose their tags and keep
what they enclose (text, or the address an [embed] pointed at). "[[gallery]]" is how
WordPress writes a literal "[gallery]": it stays, as text.
"""

import re
from collections import Counter

from django.utils.html import format_html
from django.utils.safestring import mark_safe

KNOWN = {
    "audio",
    "caption",
    "contact-form",
    "contact-form-7",
    "embed",
    "gallery",
    "playlist",
    "video",
    "wp_caption",
}
_ESCAPED = re.compile(r"\[(\[[^\[\]]*\])\]")
_CAPTION = re.compile(r"\[(caption|wp_caption)\b([^\]]*)\](.*?)\[/\1\]", re.DOTALL | re.IGNORECASE)
_OPENING = re.compile(r"\[([A-Za-z][\w-]*)(\s[^\[\]]*|/)?\]")
_CLOSING = re.compile(r"\[/([A-Za-z][\w-]*)\]")
_ATTRIBUTE = re.compile(r"""([\w-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s'"\]]+))""")
_IMAGE_FIRST = re.compile(
    r"^\s*(?:<a\b[^>]*>\s*)?(<img\b[^>]*>)(?:\s*</a>)?(.*)$", re.DOTALL | re.IGNORECASE
)
# Private-use characters cannot come from a post, so they safely hold "[[…]]" aside.
_HIDE_OPEN, _HIDE_CLOSE = "\ue000", "\ue001"


def attributes(text: str) -> dict[str, str]:
    return {
        match.group(1).lower(): next(g for g in match.groups()[1:] if g is not None)
        for match in _ATTRIBUTE.finditer(text or "")
    }


def captions_to_figures(text: str) -> str:
    """[caption …]<img …> Text[/caption] → <figure><img …><figcaption>Text</figcaption></figure>.

    The link WordPress puts around the picture (to the full size on the old site) is
    dropped; the caption may also come from the caption="…" attribute of old posts.
    """

    def figure(match):
        found = _IMAGE_FIRST.match(match.group(3))
        if found is None:
            return match.group(3)
        image, caption = found.group(1), found.group(2).strip()
        caption = caption or attributes(match.group(2)).get("caption", "")  # HTML too
        caption = " ".join(caption.split())
        if not caption:
            return format_html("<figure>{}</figure>", mark_safe(image))
        # Raw fragments of the post: the body is sanitised as a whole when it is saved.
        return format_html(
            "<figure>{}<figcaption>{}</figcaption></figure>", mark_safe(image), mark_safe(caption)
        )

    return _CAPTION.sub(figure, text)


def remove_shortcodes(text: str) -> tuple[str, Counter]:
    """The text without shortcodes, and how many of each name were removed."""
    removed = Counter()
    text = _ESCAPED.sub(lambda m: _HIDE_OPEN + m.group(1)[1:-1] + _HIDE_CLOSE, text)
    closed = {name.lower() for name in _CLOSING.findall(text)}

    def opening(match):
        name, rest = match.group(1).lower(), match.group(2) or ""
        if name in KNOWN or name in closed or "_" in name or "=" in rest:
            removed[name] += 1
            return ""
        return match.group(0)

    text = _OPENING.sub(opening, text)
    text = _CLOSING.sub(lambda m: "" if m.group(1).lower() in closed else m.group(0), text)
    return text.replace(_HIDE_OPEN, "[").replace(_HIDE_CLOSE, "]"), removed
