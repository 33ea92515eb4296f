"""Published articles as IPTC ninjs 2.0 news items (https://iptc.org/standards/ninjs/).

ninjs has no corrections: an article's log of corrections and updates goes into its
descriptions, newest first, with the role "correction" or "update".
"""

from django.core.files.storage import default_storage

from articles import feed_content
from newsroom.absolute import absolute
from newsroom.links import slug_url

STANDARD = {
    "name": "ninjs",
    "version": "2.0",
    "schema": "https://www.iptc.org/std/ninjs/ninjs-schema_2.0.json",
}
TYPES = {"jpg": "image/jpeg", "jpeg": "image/jpeg", "png": "image/png", "webp": "image/webp"}
TYPES |= {"gif": "image/gif", "avif": "image/avif"}


def article(item) -> dict:
    """One published article, read with queries.with_details."""
    names = [author.display_name for author in item.byline_authors]
    news = {
        "uri": absolute(item.get_absolute_url()),
        "standard": STANDARD,
        "type": "text",
        "representationtype": "full",
        "version": str(item.version),
        "firstcreated": (item.first_published_at or item.published_at).isoformat(),
        "versioncreated": item.last_modified.isoformat(),
        "contentcreated": item.created_at.isoformat(),
        "pubstatus": "usable",
        "language": item.language,
        "slugline": item.slug,
        "altids": [{"role": "id", "value": str(item.pk)}],
        "headlines": [{"role": "main", "value": item.headline}],
        "descriptions": [{"role": "summary", "value": item.standfirst}]
        + [{"role": note.kind, "value": note.text} for note in item.notes],
        "bodies": [
            {
                "role": "main",
                "contenttype": "text/html",
                "value": feed_content.full_text(item.body, item.pictures_in_body),
            }
        ],
        "by": ", ".join(names),
        "people": [person(author) for author in item.byline_authors],
        "subjects": [section(item.section), *(tag(t) for t in item.tag_list)],
    }
    if item.picture_id:
        news["associations"] = [featured_picture(item)]
    return news


def person(author) -> dict:
    return {
        "name": author.display_name,
        "rel": "author",
        "uri": absolute(author.get_absolute_url()),
        "literal": author.slug,
    }


def section(shown) -> dict:
    return {
        "name": shown.name,
        "rel": "section",
        "uri": absolute(shown.get_absolute_url()),
        "literal": shown.slug,
    }


def tag(shown) -> dict:
    return {
        "name": shown.name,
        "rel": "tag",
        "uri": absolute(slug_url("articles:tag", shown.slug)),
        "literal": shown.slug,
    }


def featured_picture(item) -> dict:
    """The featured picture with its renditions; its original until they are made."""
    picture = item.picture
    descriptions = [{"role": "alt", "value": item.image_alt}]
    if item.image_caption:
        descriptions.append({"role": "caption", "value": item.image_caption})
    return {
        "name": "featureimage",
        "type": "picture",
        "uri": absolute(default_storage.url(picture.file.name)),
        "descriptions": descriptions,
        "by": item.image_credit,
        "renditions": renditions(picture),
    }


def renditions(picture) -> list[dict]:
    made = picture.images
    if not made:
        return [_rendition("original", picture.width, picture.height, picture.file.name)]
    sizes = [(f"w{width}", [width, height, *files]) for width, height, *files in made["widths"]]
    sizes += list(made["crops"].items())
    return [
        _rendition(f"{name}.{path.rsplit('.', 1)[-1]}", width, height, path)
        for name, (width, height, *paths) in sizes
        for path in paths
    ]


def _rendition(name: str, width, height, path: str) -> dict:
    extension = path.rsplit(".", 1)[-1].lower()
    return {
        "name": name,
        "href": absolute(default_storage.url(path)),
        "contenttype": TYPES.get(extension, "application/octet-stream"),
        "width": width,
        "height": height,
    }
