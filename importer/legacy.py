"""Old WordPress addresses: one spelling shared by the importer that stores them and the
middleware that answers them."""

import re
from urllib.parse import unquote, urlsplit

from articles.models import Article
from importer.models import ADDRESS_MAX_LENGTH

_WORDPRESS_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2}) ")


def post_id_key(post_id: int) -> str:
    """The plain permalink, `/?p=123`, on whatever path it was requested."""
    return f"?p={post_id}"


def path_key(path: str) -> str:
    """'/2024/03/05/Hello' and '/2024//03/05/hello/' are the same address."""
    parts = [part for part in path.split("/") if part]
    return ("/" + "/".join(parts) + "/" if parts else "/").lower()


def addresses_for(post, base_path: str) -> set[str]:
    """Every address WordPress answered for this post: ?p=ID, the date-based forms (with
    the day and with the month only), /slug/, and the permalink in the export itself."""
    keys = {post_id_key(post.post_id)}
    slug = unquote(post.post_name).strip("/")
    if slug:
        keys.add(path_key(f"{base_path}/{slug}/"))
        # WordPress builds these from the local date, not the GMT one.
        date = _WORDPRESS_DATE.match(post.post_date or "")
        if date and date.group(1) != "0000":
            year, month, day = date.groups()
            keys.add(path_key(f"{base_path}/{year}/{month}/{day}/{slug}/"))
            keys.add(path_key(f"{base_path}/{year}/{month}/{slug}/"))
    link = urlsplit(post.link or "")
    if link.path.strip("/") and not link.query:
        keys.add(path_key(unquote(link.path)))
    return {key for key in keys if len(key) <= ADDRESS_MAX_LENGTH}


def published_targets(keys) -> dict[str, str]:
    """{old address: slug} for the keys that lead to an article readers may see now.

    One query on the unique key index; anything unpublished stays a 404.
    """
    return dict(
        Article.objects.published()
        .filter(legacy_addresses__key__in=list(keys))
        .values_list("legacy_addresses__key", "slug")
    )
