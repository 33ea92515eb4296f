"""What a feed item carries besides its headline and standfirst: the text in full, with
absolute addresses a feed reader can follow, the featured picture (RSS enclosure, Atom
enclosure link, Media RSS), and the article's corrections and updates."""

import re

from django.core.files.storage import default_storage
from django.template.loader import render_to_string
from django.utils.formats import date_format
from django.utils.safestring import mark_safe
from django.utils.timezone import localtime
from django.utils.translation import gettext_lazy as _

from articles import body_pictures, embeds
from newsroom.absolute import absolute

TYPES = {"jpg": "image/jpeg", "png": "image/png", "webp": "image/webp"}
# The headings the article's page gives its log's entries (includes/macros.html: note_heading).
NOTE_HEADINGS = {"correction": _("Correction of %(date)s:"), "update": _("Update of %(date)s:")}
_SITE_LINK = re.compile(r'href="(/[^/"][^"]*)"')


def full_text(body: str, pictures: dict) -> str:
    """The text for feed readers: each library picture as one absolute <img>, each embed
    as a link to the post (a feed reader frames nothing), links to this site absolute."""

    def picture(shown, alt, _in_gallery):
        largest = (shown.images or {}).get("widths", [])[-1:]
        if not largest:
            return ""
        width, height, _webp, fallback = largest[0]
        url = absolute(default_storage.url(fallback))
        context = {"url": url, "alt": alt, "width": width, "height": height}
        return render_to_string("feeds/picture.html", context, using="jinja2")

    def embed(shown, caption):
        context = {"embed": shown, "caption": mark_safe(caption)}
        return render_to_string("feeds/embed.html", context, using="jinja2")

    html = body_pictures.substitute(body, pictures, picture)
    html = embeds.replace_in_text(html, embed).replace('<figure data-gallery="">', "<figure>")
    return _SITE_LINK.sub(lambda m: f'href="{absolute(m.group(1))}"', html)


def featured_picture(article) -> dict | None:
    """The share crop (1200×630, what link previews show) of the featured picture:
    its absolute url, size, type and bytes, with its alt text and credit."""
    crop = (article.images or {}).get("crops", {}).get("og")
    if not crop or not default_storage.exists(crop[3]):
        return None
    return {
        "url": absolute(default_storage.url(crop[3])),
        "width": crop[0],
        "height": crop[1],
        "type": TYPES.get(crop[3].rsplit(".", 1)[-1].lower(), "image/jpeg"),
        "length": str(default_storage.size(crop[3])),
        "alt": article.image_alt,
        "credit": article.image_credit,
    }


def note_heading(note) -> str:
    """The entry's heading as text, in the site's time zone: "Correction of 4 December
    2026 at 15 h 05:"."""
    when = date_format(localtime(note.created_at), "DATETIME_FORMAT")
    return NOTE_HEADINGS[note.kind] % {"date": when}


def note_line(note) -> str:
    """The entry as one line of text: its heading, then what it says."""
    return f"{note_heading(note)} {note.text}"


def log(notes) -> str:
    """The article's log, newest first, as its page shows it under the text ("" if none)."""
    if not notes:
        return ""
    entries = [(note_heading(note), note.text) for note in notes]
    return render_to_string("feeds/log.html", {"entries": entries}, using="jinja2")
