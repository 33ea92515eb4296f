"""Comparing and restoring revisions: what changed between two saves, field by field."""

import difflib

from django.utils.html import escape, format_html
from django.utils.safestring import mark_safe

from articles.models.revision import SNAPSHOT_FIELDS
from articles.sanitize import html_to_text

TEXT_FIELDS = {"headline", "standfirst", "body", "correction", "image_alt", "image_caption"}


def _display(field, value) -> str:
    if field == "body":
        return html_to_text(value or "")
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    if value is None:
        return "—"
    return str(value)


def word_diff(old: str, new: str) -> tuple[str, str]:
    """Both texts, escaped, with removed words in <del> and added words in <ins>."""
    a, b = old.split(), new.split()
    left, right = [], []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        old_words, new_words = escape(" ".join(a[i1:i2])), escape(" ".join(b[j1:j2]))
        if op == "equal":
            left.append(old_words)
            right.append(new_words)
        else:
            if old_words:
                left.append(f"<del>{old_words}</del>")
            if new_words:
                right.append(f"<ins>{new_words}</ins>")
    return mark_safe(" ".join(left)), mark_safe(" ".join(right))


def compare(old: dict, new: dict) -> list[dict]:
    """One row per field: label, both values marked up, and whether it changed."""
    rows = []
    for field, label in SNAPSHOT_FIELDS:
        before, after = _display(field, old.get(field)), _display(field, new.get(field))
        changed = before != after
        if changed and field in TEXT_FIELDS:
            left, right = word_diff(before, after)
        elif changed:
            left, right = format_html("<del>{}</del>", before), format_html("<ins>{}</ins>", after)
        else:
            left = right = escape(before)
        rows.append({"field": field, "label": label, "old": left, "new": right, "changed": changed})
    return rows


def changed_labels(old: dict, new: dict) -> list[str]:
    return [str(row["label"]) for row in compare(old, new) if row["changed"]]
