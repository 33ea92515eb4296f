"""WordPress shortcodes: those Newsroom has an element for become it, the others go, counted.

[caption] becomes a figure, [gallery ids="…"] a gallery (without ids, of the pictures
attached to the post, as WordPress shows them), [embed], and [video] or [audio] pointing
at a site Newsroom embeds, an embed (importer/figures.py). Sound and video files are not
imported: their shortcodes are removed and reported. A bracketed word is only taken for a
shortcode when it looks like one — it has attributes, a closing tag, an underscore
(plugins' names), or is one WordPress itself knows — so the "[sic]" and "[1]" of ordinary
text stay. Enclosing shortcodes lose their tags and keep what they enclose (text, or the
address an [embed] pointed at). "[[gallery]]" is how WordPress writes a literal
"[gallery]": it stays, as text.
"""

import html
import re
from bisect import bisect_left
from collections import Counter

from django.utils.html import escape, strip_tags
from django.utils.translation import gettext as _

from articles import embeds
from importer import figures

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
VIDEO_SOURCES = ("src", "mp4", "m4v", "webm", "ogv", "wmv", "flv")
AUDIO_SOURCES = ("src", "mp3", "ogg", "m4a", "wav")
_ESCAPED = re.compile(r"\[(\[[^\[\]]*\])\]")
_CONVERTED = re.compile(
    r"\[(caption|wp_caption|gallery|embed|video|audio)(?![\w-])([^\[\]]*?)(/)?\]", re.IGNORECASE
)
_OPENING = re.compile(r"\[([A-Za-z][\w-]*)(\s[^\[\]]*|/)?\]")
_CLOSING = re.compile(r"\[/([A-Za-z][\w-]*)\]")
_ATTRIBUTE = re.compile(r"""([\w-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s'"\]]+))""")
_IMAGE_FIRST = re.compile(
    r"^\s*(?:<a\b[^>]*>\s*)?(<img\b[^>]*>)(?:\s*</a>)?(.*)$", re.DOTALL | re.IGNORECASE
)
_ATTACHMENT_ID = re.compile(r"attachment_(\d{1,12})")
_URL_LINE = re.compile(r"^([ \t]*)(https?://[^\s<>\"]+)([ \t]*)$", re.MULTILINE | re.IGNORECASE)
_URL_PARAGRAPH = re.compile(r"(<p(?:\s[^>]*)?>\s*)(https?://[^\s<>\"]+)(\s*</p>)", re.IGNORECASE)
# Private-use characters cannot come from a post, so they safely hold "[[…]]" aside.
_HIDE_OPEN, _HIDE_CLOSE = "\ue000", "\ue001"


def attributes(text: str) -> dict[str, str]:
    return {
        match.group(1).lower(): next(g for g in match.groups()[1:] if g is not None)
        for match in _ATTRIBUTE.finditer(text or "")
    }


def expand(text: str, media) -> tuple[str, Counter, list[str]]:
    """The shortcodes Newsroom has an element for, as that element: [caption], [gallery],
    [embed], [video], [audio]. Returns the text, what could not be shown (counted as
    removed) and a line for each thing a person should check.

    Read as WordPress's do_shortcode reads them: an opening tag encloses everything up to
    the first closing tag of its name, if there is one; "[[name]]" is written text.
    """
    expander = _Expander(media)
    text = expander.expand(_hidden(text))
    return _shown(text, escaped=True), expander.removed, expander.problems


class _Expander:
    def __init__(self, media):
        self.media = media
        self.removed = Counter()
        self.problems = []

    def expand(self, text: str) -> str:
        closings = {}
        for match in _CLOSING.finditer(text):
            closings.setdefault(match.group(1).lower(), []).append(match.span())
        made, position = [], 0
        while match := _CONVERTED.search(text, position):
            name, end, content = match.group(1).lower(), match.end(), None
            if not match.group(3):
                spans = closings.get(name, [])
                index = bisect_left(spans, (match.end(), 0))
                if index < len(spans):
                    content, end = text[match.end() : spans[index][0]], spans[index][1]
            made.append(text[position : match.start()])
            made.append(self.shortcode(name, attributes(match.group(2)), content))
            position = end
        made.append(text[position:])
        return "".join(made)

    def shortcode(self, name: str, found: dict[str, str], content: str | None) -> str:
        if name in ("caption", "wp_caption"):
            return self.caption(found, self.expand(content or ""))
        if name == "gallery":
            return self.gallery(found)
        if name == "embed":
            address = strip_tags(self.expand(content or "")) or found.get("url") or ""
            return self.embed(name, address)
        sources = VIDEO_SOURCES if name == "video" else AUDIO_SOURCES
        address = next((found[key] for key in sources if found.get(key, "").strip()), "")
        return self.embed(name, address)

    def caption(self, found: dict[str, str], content: str) -> str:
        image = _IMAGE_FIRST.match(content)
        if image is None:
            return content
        attachment = _ATTACHMENT_ID.fullmatch(found.get("id", "").strip())
        picture = figures.with_attachment(
            image.group(1), int(attachment.group(1)) if attachment else None
        )
        caption = image.group(2).strip() or found.get("caption", "")  # HTML too
        return figures.picture(picture, caption)

    def gallery(self, found: dict[str, str]) -> str:
        listed = (found.get("ids") or found.get("include") or "").split(",")
        ids = [value.strip() for value in listed if value.strip()]
        if not ids:
            ids = self.own_pictures(found)
            if not ids:
                self.removed["gallery"] += 1
                self.problems.append(
                    _("a gallery of the post's own pictures was removed: the export has none")
                )
                return ""
        images, problems = figures.attachment_images(self.media, ids)
        self.problems += problems
        if not images:
            self.removed["gallery"] += 1
        return figures.gallery(images)

    def own_pictures(self, found: dict[str, str]) -> list[int]:
        """Without ids, WordPress shows the pictures attached to the post (or to the post
        `id` names), by menu order, less those `exclude` names."""
        post = found.get("id", "").strip()
        post_id = int(post) if post.isascii() and post.isdigit() and len(post) < 19 else None
        excluded = {value.strip() for value in found.get("exclude", "").split(",")}
        ids = [
            attachment_id
            for attachment_id in self.media.images_of(post_id or None)
            if str(attachment_id) not in excluded
        ]
        return ids[::-1] if found.get("order", "").strip().upper() == "DESC" else ids

    def embed(self, name: str, address: str) -> str:
        address = address.strip()
        if name != "embed" and embeds.from_address(html.unescape(address)) is None:
            self.removed[name] += 1
            if address:
                message = (
                    _("video %(file)s not imported (Newsroom stores no video files)")
                    if name == "video"
                    else _("sound %(file)s not imported (Newsroom stores no sound files)")
                )
                self.problems.append(message % {"file": address[:200]})
            return ""
        made, problem = figures.embed(address)
        if not made:
            self.removed[name] += 1
        self.problems += [problem] if problem else []
        return made


def autoembed(text: str) -> str:
    """A line, or a paragraph, holding nothing but a post's or player's address shows that
    post or player in WordPress: here too, for the sites Newsroom embeds."""

    def embedded(match, keep_edges):
        found = embeds.from_address(html.unescape(match.group(2)))
        if found is None:
            return match.group(0)
        made = f'<figure data-embed="{escape(found.value)}"></figure>'
        return match.group(1) + made + match.group(3) if keep_edges else made

    text = _URL_PARAGRAPH.sub(lambda match: embedded(match, False), text)
    return _URL_LINE.sub(lambda match: embedded(match, True), text)


def remove_shortcodes(text: str) -> tuple[str, Counter]:
    """The text without shortcodes, and how many of each name were removed."""
    removed = Counter()
    text = _hidden(text)
    closed = {name.lower() for name in _CLOSING.findall(text)}

    def opening(match):
        name, rest = match.group(1).lower(), match.group(2) or ""
        if name in KNOWN or name in closed or "_" in name or "=" in rest:
            removed[name] += 1
            return ""
        return match.group(0)

    text = _OPENING.sub(opening, text)
    text = _CLOSING.sub(lambda m: "" if m.group(1).lower() in closed else m.group(0), text)
    return _shown(text), removed


def _hidden(text: str) -> str:
    return _ESCAPED.sub(lambda m: _HIDE_OPEN + m.group(1)[1:-1] + _HIDE_CLOSE, text)


def _shown(text: str, escaped: bool = False) -> str:
    """The hidden "[[…]]" back: as written (for a later pass), or as the text they show."""
    opening, closing = ("[[", "]]") if escaped else ("[", "]")
    return text.replace(_HIDE_OPEN, opening).replace(_HIDE_CLOSE, closing)
