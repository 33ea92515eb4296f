"""How an old WordPress address is spelled as a key, and the forms WordPress built on one.

Pure functions, shared by the importer that stores keys, the middleware that looks them up
and the admin where editors type them. A key is a path ("/category/afrique/") or one of
WordPress's query forms ("?p=123", "?cat=5", "?tag=sahel", "?author=3").
"""

import re
from dataclasses import dataclass
from urllib.parse import parse_qsl, unquote, urlsplit

# Longer paths than this are not kept (no WordPress permalink comes close).
ADDRESS_MAX_LENGTH = 500
# WordPress's plain permalinks: ?p=ID, ?cat=ID, ?author=ID are numbers, ?tag= a slug.
QUERY_NAMES = ("p", "cat", "tag", "author")
NUMBERED = ("p", "cat", "author")
MAX_ID_DIGITS = 19  # the largest id a database column holds
MAX_PAGE_DIGITS = 6
FEED_NAMES = {"rss2": "rss", "rss": "rss", "rdf": "rss", "atom": "atom"}


def path_key(path: str) -> str:
    """'/2024/03/05/Hello' and '/2024//03/05/hello/' are the same address."""
    parts = [part for part in path.split("/") if part]
    return ("/" + "/".join(parts) + "/" if parts else "/").lower()


def query_key(name: str, value: str) -> str | None:
    """'?cat=5' for cat=5; None for what WordPress would not have answered."""
    value = value.strip()
    if name in NUMBERED:
        if value.isascii() and value.isdigit() and len(value) <= MAX_ID_DIGITS:
            return f"?{name}={int(value)}"
        return None
    if name == "tag" and value.strip("/"):
        key = f"?tag={value.strip('/').lower()}"
        return key if len(key) <= ADDRESS_MAX_LENGTH else None
    return None


def post_id_key(post_id: int) -> str:
    """The plain permalink, `/?p=123`, on whatever path it was requested."""
    return f"?p={post_id}"


def requested_query_keys(query) -> list[str]:
    """The keys a request's query asks for, in WordPress's order (a post before the rest)."""
    keys = (query_key(name, query.get(name, "")) for name in QUERY_NAMES if name in query)
    return [key for key in keys if key]


def normal_key(text: str) -> str | None:
    """The key of an address as an editor pastes it: 'https://old.example.com/Category/x',
    '/category/x/', '/?cat=5' or '?p=12'; None when it names no old page."""
    parts = urlsplit(text.strip())
    for name, value in parse_qsl(parts.query):
        if name in QUERY_NAMES:
            return query_key(name, value)
    path = unquote(parts.path)
    if not path.strip("/"):
        return None  # the home page answers itself
    key = path_key(path)
    return key if len(key) <= ADDRESS_MAX_LENGTH else None


def nicename(login: str) -> str:
    """The author's part of /author/…/: WordPress's user_nicename, made from the login as
    WordPress makes it (sanitize_title); the export itself does not carry it."""
    name = re.sub(r"&.+?;", "", login[:50].lower()).replace(".", "-")
    name = re.sub(r"[^%a-z0-9 _-]", "", name)
    name = re.sub(r"\s+", "-", name)
    return re.sub(r"-+", "-", name).strip("-")


@dataclass(frozen=True)
class Form:
    """What a requested path may stand for: a key, and how to answer from its new page
    (`kind` "" for the page itself, "feed" for its feed, "page" for page `number`)."""

    key: str
    kind: str = ""
    number: int = 1
    feed: str = "rss"


def forms(path: str) -> list[Form]:
    """The path itself, then what it is without WordPress's suffixes: /amp/ (the light
    version), /feed/ (with rss2, rss, rdf or atom), /page/N/ (a listing's later pages)."""
    parts = [part for part in path.split("/") if part]
    found = [Form(path_key(path))]
    words = [part.lower() for part in parts]
    if words and words[-1] == "amp":
        parts, words = parts[:-1], words[:-1]
        found.append(Form(_joined(parts)))
    if len(words) >= 2 and words[-2] == "page" and _page_number(words[-1]):
        found.append(Form(_joined(parts[:-2]), "page", int(words[-1])))
    elif words and words[-1] == "feed":
        found.append(Form(_joined(parts[:-1]), "feed"))
    elif len(words) >= 2 and words[-2] == "feed" and words[-1] in FEED_NAMES:
        found.append(Form(_joined(parts[:-2]), "feed", feed=FEED_NAMES[words[-1]]))
    return found


def _joined(parts) -> str:
    return path_key("/".join(parts))


def _page_number(text: str) -> bool:
    return text.isascii() and text.isdigit() and len(text) <= MAX_PAGE_DIGITS and int(text) > 0
