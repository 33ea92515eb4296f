"""WordPress's automatic paragraphs, for posts written in the classic editor.

WordPress stores such posts with blank lines between paragraphs and single line breaks
inside them, and adds <p> and <br> only when it displays them (its wpautop filter). These
are the same rules, written for Python: a blank line makes a paragraph, a single newline a
line break, and block elements (lists, quotes, headings, figures…) are never wrapped.
Posts written in the block editor (<!-- wp:… --> comments) already carry their <p>.
"""

import re

BLOCKS = (
    r"(?:table|thead|tfoot|caption|col|colgroup|tbody|tr|td|th|div|dl|dd|dt|ul|ol|li|pre|"
    r"form|map|area|blockquote|address|style|p|h[1-6]|hr|fieldset|legend|section|article|"
    r"aside|hgroup|header|footer|nav|figure|figcaption|details|menu|summary)"
)
_TAG = re.compile(r"<[^>]*>")
_PRE = re.compile(r"<pre[\s>].*?</pre>", re.IGNORECASE | re.DOTALL)
_RULES = [
    # Space blocks out so each stands in its own chunk.
    (re.compile(r"<br\s*/?>\s*<br\s*/?>"), "\n\n"),
    (re.compile(rf"(<{BLOCKS}[\s/>])"), r"\n\n\1"),
    (re.compile(rf"(</{BLOCKS}>)"), r"\1\n\n"),
    (re.compile(r"(<hr\s*?/?>)"), r"\1\n\n"),
    (re.compile(r"\s*(<figcaption[^>]*>)"), r"\1"),
    (re.compile(r"</figcaption>\s*"), "</figcaption>"),
    (re.compile(r"\n\n+"), "\n\n"),
]
_AFTER_WRAPPING = [
    (re.compile(r"<p>\s*</p>"), ""),
    (re.compile(r"<p>([^<]+)</(div|address|form)>"), r"<p>\1</p></\2>"),
    (re.compile(rf"<p>\s*(</?{BLOCKS}[^>]*>)\s*</p>"), r"\1"),
    (re.compile(r"<p>(<li.+?)</p>"), r"\1"),
    (re.compile(r"<p><blockquote([^>]*)>", re.IGNORECASE), r"<blockquote\1><p>"),
    (re.compile(r"</blockquote></p>"), "</p></blockquote>"),
    (re.compile(rf"<p>\s*(</?{BLOCKS}[^>]*>)"), r"\1"),
    (re.compile(rf"(</?{BLOCKS}[^>]*>)\s*</p>"), r"\1"),
    # Single newlines left inside a paragraph are line breaks…
    (re.compile(r"<br\s*/?>"), "<br />"),
    (re.compile(r"(?<!<br />)\s*\n"), "<br />\n"),
    # …but never right after or before a block.
    (re.compile(rf"(</?{BLOCKS}[^>]*>)\s*<br />"), r"\1"),
    (re.compile(r"<br />(\s*</?(?:p|li|div|dl|dd|dt|th|pre|td|ul|ol)[^>]*>)"), r"\1"),
    (re.compile(r"\n</p>$"), "</p>"),
]


def is_block_editor_content(text: str) -> bool:
    return "<!-- wp:" in text


def autop(text: str) -> str:
    """Paragraphs and line breaks from blank lines and newlines, as WordPress shows them."""
    text = (text or "").replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        return ""
    preformatted = []

    def hide(match):
        preformatted.append(match.group(0))
        return f"<pre wp-pre-tag-{len(preformatted) - 1}></pre>"

    text = _PRE.sub(hide, text + "\n")
    # A newline inside a tag (between attributes) is not a line break.
    text = _TAG.sub(lambda match: match.group(0).replace("\n", " "), text)
    for pattern, replacement in _RULES:
        text = pattern.sub(replacement, text)
    chunks = [chunk for chunk in re.split(r"\n\s*\n", text) if chunk]
    text = "".join(f"<p>{chunk.strip(chr(10))}</p>\n" for chunk in chunks)
    for pattern, replacement in _AFTER_WRAPPING:
        text = pattern.sub(replacement, text)
    for number, block in enumerate(preformatted):
        text = text.replace(f"<pre wp-pre-tag-{number}></pre>", block)
    return text
