"""The body elements blocks and shortcodes become: pictures, galleries, embeds.

Pictures stay WordPress's own <img> tags here (address, attachment class, alt text) until
importer/body.py turns each into a library picture or removes it; the HTML around them is
Newsroom's: `<figure><img…><figcaption>…</figcaption></figure>`, `<figure data-gallery="">`
and `<figure data-embed="provider:id">` (articles/embeds.py).
"""

import html
import re

from django.utils.html import escape, format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from articles import embeds
from articles.body_pictures import GALLERY_MOST

_IMAGE = re.compile(r"<img\b[^>]*>", re.IGNORECASE)
_CLASS = re.compile(r"""\bclass\s*=\s*(["'])(.*?)\1""", re.IGNORECASE | re.DOTALL)


def first_image(fragment: str, attachment_id: int | None = None) -> str | None:
    """The first <img> of a fragment, marked with the attachment it shows when known."""
    found = _IMAGE.search(fragment or "")
    if found is None:
        return None
    return with_attachment(found.group(0), attachment_id)


def all_images(fragment: str) -> list[str]:
    return _IMAGE.findall(fragment or "")


def with_attachment(image: str, attachment_id: int | None) -> str:
    """WordPress marks a picture's attachment with class="wp-image-ID": this adds it where a
    block's attributes give the id and the tag does not."""
    if attachment_id is None or f"wp-image-{attachment_id}" in image:
        return image
    found = _CLASS.search(image)
    if found is None:
        return image[:4] + f' class="wp-image-{attachment_id}"' + image[4:]
    start, end = found.span(2)
    return image[:start] + f"wp-image-{attachment_id} " + image[start:]


def attachment_images(media, ids) -> tuple[list[str], list[str]]:
    """<img> tags for attachments named by id (a gallery's `ids`), and a line for each id the
    export does not hold."""
    images, problems = [], []
    for value in ids:
        text = str(value).strip()
        address = media.attachment_url(int(text)) if text.isascii() and text.isdigit() else None
        if address is None:
            problems.append(
                _("gallery picture %(id)s is not in the export") % {"id": text[:20] or "?"}
            )
            continue
        images.append(format_html('<img src="{}" class="wp-image-{}" alt="">', address, int(text)))
    return images, problems


def picture(image: str, caption: str = "") -> str:
    """A picture with its caption, as the editor's Figure stores one."""
    caption = " ".join((caption or "").split())
    # Raw fragments of the post: the body is sanitised as a whole when it is saved.
    if not caption:
        return format_html("<figure>{}</figure>", mark_safe(image))
    return format_html(
        "<figure>{}<figcaption>{}</figcaption></figure>", mark_safe(image), mark_safe(caption)
    )


def gallery(images: list[str], caption: str = "") -> str:
    """One gallery, or several in a row where one would hold more than a gallery may."""
    caption = " ".join((caption or "").split())
    parts = [images[start : start + GALLERY_MOST] for start in range(0, len(images), GALLERY_MOST)]
    made = []
    for number, part in enumerate(parts, 1):
        text = f"<figcaption>{caption}</figcaption>" if caption and number == len(parts) else ""
        made.append('<figure data-gallery="">' + "".join(part) + text + "</figure>")
    return "".join(made)


def embed(address: str, caption: str = "") -> tuple[str, str | None]:
    """(HTML, problem): another site's post or player as an embed when Newsroom knows the
    site; else a link to it, reported."""
    address = html.unescape((address or "").strip())
    caption = " ".join((caption or "").split())
    if not address:
        return "", None
    found = embeds.from_address(address)
    if found is not None:
        text = f"<figcaption>{caption}</figcaption>" if caption else ""
        return f'<figure data-embed="{escape(found.value)}">{text}</figure>', None
    if not re.match(r"https?://", address, re.IGNORECASE):
        return "", _("embed “%(address)s” removed") % {"address": address[:200]}
    link = format_html('<p><a href="{}">{}</a></p>', address, address)
    text = f"<p>{caption}</p>" if caption else ""
    return link + text, _("embed %(address)s kept as a link (not a site Newsroom embeds)") % {
        "address": address[:200]
    }
