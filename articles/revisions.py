"""Comparing and restoring revisions: what changed between two saves, field by field, and
which pictures (a gallery's among them) and embeds the text gained or lost. And autosaves:
the text someone is typing, kept apart from the article and its history until they save."""

import difflib
from datetime import datetime, timedelta

from django import forms
from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.storage import default_storage
from django.utils import timezone
from django.utils.html import escape, format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _

from articles import body_pictures, embeds, rules
from articles.models import Article, Picture, Revision, Status
from articles.models.revision import AUTOSAVE_FIELDS, SNAPSHOT_FIELDS
from articles.sanitize import html_to_text, sanitize_html

TEXT_FIELDS = {"headline", "standfirst", "body", "image_alt", "image_caption"}


def _display(field, value) -> str:
    if field == "body":
        return html_to_text(value or "")
    if field == "status" and value:
        return str(Status.label_of(value))
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    if value is None:
        return "—"
    return str(value)


def _value(data: dict, field: str, other: dict):
    # A snapshot older than a text field lacks it: the field was empty then.
    if field not in data and isinstance(other.get(field), str):
        return ""
    return data.get(field)


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
        before = _display(field, _value(old, field, new))
        after = _display(field, _value(new, field, old))
        # A picture or embed changes the body, not always its words.
        changed = before != after or (field == "body" and old.get(field) != new.get(field))
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


def _thumbnail(picture) -> dict | None:
    # Only what was already made: a comparison never makes renditions itself.
    widths = (picture.renditions or {}).get("widths") if picture else None
    if not widths:
        return None
    width, height, _webp, fallback = widths[0]
    return {"src": default_storage.url(fallback), "height": round(80 * height / width)}


def media_rows(old: dict, new: dict) -> list[dict]:
    """A row for the text's pictures and one for its embeds, when they differ: what only the
    older revision shows was removed, what only the newer shows added. One query for all
    the pictures."""
    before, after = body_pictures.uses(old.get("body")), body_pictures.uses(new.get("body"))
    gone = {key: alt for key, alt in before.items() if key not in after}
    came = {key: alt for key, alt in after.items() if key not in before}
    ids = {pk for pk, _gallery in gone | came}
    library = Picture.objects.only("title", "renditions").in_bulk(ids)  # all the page reads

    def shown(uses):
        return [
            {
                "picture": library.get(pk),
                "thumbnail": _thumbnail(library.get(pk)),
                "alt": alt,
                "in_gallery": in_gallery,
            }
            for (pk, in_gallery), alt in uses.items()
        ]

    rows = []
    if gone or came:
        removed, added = (_("Pictures removed"), shown(gone)), (_("Pictures added"), shown(came))
        rows.append(
            {"kind": "pictures", "label": _("pictures in the text"), "sides": [removed, added]}
        )
    before, after = embeds.in_text(old.get("body")), embeds.in_text(new.get("body"))
    gone = [embed for embed in before if embed not in after]
    came = [embed for embed in after if embed not in before]
    if gone or came:
        removed, added = (_("Embeds removed"), gone), (_("Embeds added"), came)
        rows.append({"kind": "embeds", "label": _("embeds in the text"), "sides": [removed, added]})
    return rows


def without_deleted_pictures(html: str) -> tuple[str, int]:
    """The text without the pictures deleted from the library since, and how many went."""
    ids = {pk for pk, _gallery in body_pictures.uses(html)}
    kept = set(Picture.objects.filter(pk__in=ids).values_list("pk", flat=True)) if ids else set()
    return body_pictures.without(html, ids - kept), len(ids - kept)


# --- autosaves ------------------------------------------------------------------------------
BODY_MAX_LENGTH = 500_000  # characters of HTML: a very long story is a tenth of it


class AutosaveText(forms.Form):
    """What an autosave takes, as typed (not stripped), within the article's own sizes."""

    headline = forms.CharField(
        required=False, strip=False, max_length=Article._meta.get_field("headline").max_length
    )
    standfirst = forms.CharField(
        required=False, strip=False, max_length=Article._meta.get_field("standfirst").max_length
    )
    body = forms.CharField(required=False, strip=False, max_length=BODY_MAX_LENGTH)


def autosave(article, user, posted) -> datetime | None:
    """Keep the text `user` is typing into `article` as their one autosave: never the article
    itself, its version, its history or its workflow. Refused to whoever may not edit the
    article (PermissionDenied) and for text the article could not hold (ValidationError);
    None, and nothing kept, when they kept one less than AUTOSAVE_SECONDS ago."""
    if not rules.can_edit(user, article):
        raise PermissionDenied(_("You may not change this article."))
    form = AutosaveText(posted)
    if not form.is_valid():
        raise ValidationError(form.errors.as_data())
    text = {name: form.cleaned_data[name] for name in AUTOSAVE_FIELDS}
    text["body"] = sanitize_html(text["body"])  # what a save would store
    since = timezone.now() - timedelta(seconds=settings.AUTOSAVE_SECONDS)
    return Revision.keep_autosave(article, user, text, unless_after=since)


def autosave_offer(article, user) -> Revision | None:
    """The autosave to offer back on opening the article: kept since its last save and
    different from it; this person's own first, else the latest anyone kept."""
    newer = (
        Revision.autosaves.filter(article=article, created_at__gt=article.updated_at)
        .select_related("user")
        .order_by("-created_at")
    )
    differing = [
        kept
        for kept in newer
        if any(kept.data.get(name) != getattr(article, name) for name in AUTOSAVE_FIELDS)
    ]
    mine = [kept for kept in differing if kept.user_id == user.pk]
    return (mine or differing or [None])[0]


def discard_autosave(article, user, autosave_id) -> None:
    """Whoever may edit the article may set an autosave of it aside: saving would too."""
    if not rules.can_edit(user, article):
        raise PermissionDenied(_("You may not change this article."))
    Revision.autosaves.filter(article=article, pk=autosave_id).delete()


def drop_autosave(article, user) -> None:
    """They saved: their autosave of the article is spent."""
    Revision.autosaves.filter(article=article, user=user).delete()
