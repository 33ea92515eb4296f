"""Reading a WordPress export (WXR 1.0, 1.1 or 1.2) safely, one item at a time.

The file is parsed with defusedxml and any DTD is refused, which rules out entity
expansion (billion laughs) and external entities (XXE) whatever they are hidden in. Items
are streamed and dropped once read, so a large export never sits in memory whole.

WXR versions differ by namespace (http://wordpress.org/export/1.0/ … /1.2/) and by what
the channel lists (1.0 has no <wp:author>): tags are read by short name ("wp:post_id")
whatever the version.
"""

import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit
from xml.etree.ElementTree import ParseError

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import iterparse
from django.utils.translation import gettext as _

WORDPRESS_NAMESPACE = "http://wordpress.org/export/"
OTHER_NAMESPACES = {
    "http://purl.org/dc/elements/1.1/": "dc",
    "http://purl.org/rss/1.0/modules/content/": "content",
}
KNOWN_VERSIONS = ("1.0", "1.1", "1.2")
_VERSION = re.compile(r"^\d+\.\d+$")


class WxrError(Exception):
    """The file cannot be imported; the message says why, for the person running it."""


@dataclass
class Author:
    login: str
    email: str = ""
    display_name: str = ""
    first_name: str = ""
    last_name: str = ""
    description: str = ""


@dataclass
class Category:
    slug: str
    name: str
    parent_slug: str = ""
    description: str = ""


@dataclass
class Term:
    """A category or tag as an item lists it."""

    domain: str
    slug: str
    name: str


@dataclass
class Item:
    """One <item>: a post, a page, an attachment, a menu entry…"""

    post_id: int | None
    post_type: str = ""
    title: str = ""
    link: str = ""
    guid: str = ""
    pub_date: str = ""
    creator: str = ""
    content: str = ""
    excerpt: str = ""
    post_date: str = ""
    post_date_gmt: str = ""
    post_name: str = ""
    status: str = ""
    password: str = ""
    attachment_url: str = ""
    terms: list[Term] = field(default_factory=list)
    meta: dict[str, str] = field(default_factory=dict)
    comments: int = 0


@dataclass
class Channel:
    """Everything but the posts: read in a first pass over the whole file."""

    version: str = ""
    site: str = ""
    base_path: str = ""
    language: str = ""
    authors: dict[str, Author] = field(default_factory=dict)
    categories: dict[str, Category] = field(default_factory=dict)
    attachments: dict[int, Item] = field(default_factory=dict)
    item_types: Counter = field(default_factory=Counter)

    @property
    def item_count(self) -> int:
        return sum(self.item_types.values())


def read_channel(path) -> Channel:
    """The whole file is read and checked here, before anything is written anywhere."""
    channel, seen_rss = Channel(), False
    fields = {}
    for name, element in _channel_children(path):
        if name is None:
            seen_rss = True
        elif name == "item":
            item = _item(element)
            channel.item_types[item.post_type or "post"] += 1
            if item.post_type == "attachment" and item.post_id is not None:
                channel.attachments[item.post_id] = item
        elif name == "wp:author":
            author = Author(**_author_fields(element))
            if author.login:
                channel.authors[author.login] = author
        elif name == "wp:category":
            category = _category(element)
            if category.slug:
                channel.categories[category.slug] = category
        else:
            fields.setdefault(name, (element.text or "").strip())
    if not seen_rss or "wp:wxr_version" not in fields:
        raise WxrError(_("This is not a WordPress export file (WXR): no wp:wxr_version."))
    channel.version = fields["wp:wxr_version"]
    if not _VERSION.match(channel.version):
        raise WxrError(
            _("Unknown WordPress export version “%(version)s”.") % {"version": channel.version}
        )
    blog_url = fields.get("wp:base_blog_url") or fields.get("link") or ""
    channel.site = site_identifier(blog_url)
    channel.base_path = urlsplit(blog_url.strip()).path.rstrip("/")
    channel.language = fields.get("language", "")
    return channel


def iter_items(path) -> Iterator[Item]:
    """The items, in file order, each forgotten once the caller is done with it."""
    for name, element in _channel_children(path):
        if name == "item":
            yield _item(element)


def site_identifier(url: str) -> str:
    """'HTTPS://News.Example.com/' and 'https://news.example.com' are one site."""
    parts = urlsplit(url.strip())
    return f"{parts.scheme.lower()}://{parts.netloc.lower()}{parts.path.rstrip('/')}"[:200]


# --- the XML itself ----------------------------------------------------------------------
def _channel_children(path):
    """(short name, element) for each complete child of <channel>; (None, None) first,
    once the root is known to be <rss>. Elements are detached once the caller is done."""
    depth, channel = 0, None
    for event, element in _events(path):
        if event == "start":
            depth += 1
            if depth == 1:
                if element.tag != "rss":
                    raise WxrError(_("This is not a WordPress export file (WXR): no <rss>."))
                yield None, None
            elif depth == 2:
                channel = element if element.tag == "channel" else None
            continue
        depth -= 1
        if depth == 2 and channel is not None:
            yield short_name(element.tag), element
            channel.remove(element)  # keeps memory flat, however long the file


def _events(path):
    try:
        # forbid_dtd: no DOCTYPE at all, so no entity of any kind and no external reference.
        yield from iterparse(
            str(path),
            events=("start", "end"),
            forbid_dtd=True,
            forbid_entities=True,
            forbid_external=True,
        )
    except DefusedXmlException:
        raise WxrError(
            _(
                "Refused: the file declares a DTD or entities, which a WordPress export never "
                "does (a way to exhaust memory or read server files). Nothing was imported."
            )
        ) from None
    except ParseError as error:
        line, column = error.position
        raise WxrError(
            _(
                "The file is not valid XML (line %(line)d, column %(column)d): it is damaged or "
                "cut short. Nothing was imported."
            )
            % {"line": line, "column": column}
        ) from None
    except OSError as error:
        raise WxrError(
            _("Cannot read %(path)s: %(error)s") % {"path": Path(path), "error": error.strerror}
        ) from None


def short_name(tag: str) -> str:
    """'{http://wordpress.org/export/1.2/}post_id' → 'wp:post_id', for every version."""
    if not tag.startswith("{"):
        return tag
    namespace, name = tag[1:].split("}", 1)
    if namespace.startswith(WORDPRESS_NAMESPACE):
        return ("excerpt:" if namespace.endswith("/excerpt/") else "wp:") + name
    return f"{OTHER_NAMESPACES.get(namespace, namespace)}:{name}"


def _texts(element) -> dict[str, str]:
    texts = {}
    for child in element:
        texts.setdefault(short_name(child.tag), child.text or "")
    return texts


def _author_fields(element) -> dict[str, str]:
    texts = _texts(element)
    return {
        "login": texts.get("wp:author_login", "").strip(),
        "email": texts.get("wp:author_email", "").strip(),
        "display_name": texts.get("wp:author_display_name", ""),
        "first_name": texts.get("wp:author_first_name", ""),
        "last_name": texts.get("wp:author_last_name", ""),
        "description": texts.get("wp:author_description", ""),
    }


def _category(element) -> Category:
    texts = _texts(element)
    return Category(
        slug=texts.get("wp:category_nicename", "").strip(),
        name=texts.get("wp:cat_name", ""),
        parent_slug=texts.get("wp:category_parent", "").strip(),
        description=texts.get("wp:category_description", ""),
    )


def _item(element) -> Item:
    texts, terms, plain_terms, meta, comments = {}, [], [], {}, 0
    for child in element:
        name = short_name(child.tag)
        if name == "category" and child.get("domain"):
            # WXR 1.0 writes tags with domain="tag"; later versions with "post_tag".
            slug = (child.get("nicename") or "").strip()
            terms.append(Term(child.get("domain"), slug, child.text or ""))
        elif name == "category":
            # Early 1.0 files repeat each category as plain RSS: only used if alone.
            plain_terms.append(Term("category", "", child.text or ""))
        elif name == "wp:postmeta":
            pair = _texts(child)
            meta.setdefault(pair.get("wp:meta_key", ""), pair.get("wp:meta_value", ""))
        elif name == "wp:comment":
            comments += 1
        else:
            texts.setdefault(name, child.text or "")
    post_id = texts.get("wp:post_id", "").strip()
    return Item(
        post_id=int(post_id) if post_id.isascii() and post_id.isdigit() else None,
        post_type=texts.get("wp:post_type", "post").strip() or "post",
        title=texts.get("title", ""),
        link=texts.get("link", "").strip(),
        guid=texts.get("guid", "").strip(),
        pub_date=texts.get("pubDate", "").strip(),
        creator=texts.get("dc:creator", "").strip(),
        content=texts.get("content:encoded", ""),
        excerpt=texts.get("excerpt:encoded", ""),
        post_date=texts.get("wp:post_date", "").strip(),
        post_date_gmt=texts.get("wp:post_date_gmt", "").strip(),
        post_name=texts.get("wp:post_name", "").strip(),
        status=texts.get("wp:status", "").strip(),
        password=texts.get("wp:post_password", ""),
        attachment_url=texts.get("wp:attachment_url", "").strip(),
        terms=terms or plain_terms,
        meta=meta,
        comments=comments,
    )
