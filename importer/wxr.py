"""Reading a WordPress export (WXR 1.0, 1.1 or 1.2) safely, one item at a time.

The file is parsed with defusedxml and any DTD is refused, which rules out entity
expansion (billion laughs) and external entities (XXE) whatever they are hidden in. Items
are streamed and dropped once read, so a large export never sits in memory whole; the
attachments, which posts refer to from anywhere in the file, wait on disk
(importer/attachments.py).

WXR versions differ by namespace (http://wordpress.org/export/1.0/ … /1.2/, https on
WordPress.com) and by what the channel lists (1.0 has no <wp:author>). As WordPress's own
importer does, the prefixes are read from the file's declarations: whatever namespace the
file gives "wp", its elements are "wp:…". Namespaces WordPress is known to use are
recognised under any prefix too.
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

from importer.attachments import Attachment, Attachments

# The prefixes the importer reads, by the names WordPress writes them under.
PREFIXES = ("wp", "excerpt", "content", "dc")
# The namespaces of those prefixes in every known export, http or https.
_KNOWN_NAMESPACES = (
    (re.compile(r"^https?://wordpress\.org/export/[^/]+/excerpt/?$"), "excerpt"),
    (re.compile(r"^https?://wordpress\.org/export/[^/]+/?$"), "wp"),
    (re.compile(r"^https?://purl\.org/rss/1\.0/modules/content/?$"), "content"),
    (re.compile(r"^https?://purl\.org/dc/elements/1\.1/?$"), "dc"),
)
TAG_DOMAINS = ("post_tag", "tag")  # "tag" in WXR 1.0
KNOWN_VERSIONS = ("1.0", "1.1", "1.2")
MAX_ID_DIGITS = 19
_VERSION = re.compile(r"^\d+\.\d+$")


class WxrError(Exception):
    """The file cannot be imported; the message says why, for the person running it."""


@dataclass
class Author:
    login: str
    id: int | None = None
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
    term_id: int | None = None


@dataclass
class Tag:
    slug: str
    name: str
    term_id: int | None = None


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
    parent: int | None = None  # wp:post_parent; 0 is none
    menu_order: int = 0
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
    tags: dict[str, Tag] = field(default_factory=dict)
    attachments: Attachments = field(default_factory=Attachments)
    item_types: Counter = field(default_factory=Counter)

    @property
    def item_count(self) -> int:
        return sum(self.item_types.values())

    def close(self) -> None:
        self.attachments.close()


def read_channel(path) -> Channel:
    """The whole file is read and checked here, before anything is written anywhere.
    The caller closes the channel once done with it."""
    channel = Channel()
    try:
        return _read_channel(path, channel)
    except BaseException:
        channel.close()
        raise


def _read_channel(path, channel) -> Channel:
    seen_rss = False
    fields, names = {}, Names()
    for name, element in _channel_children(path, names):
        if name is None:
            seen_rss = True
        elif name == "item":
            item = _item(element, names)
            channel.item_types[item.post_type or "post"] += 1
            if item.post_type == "attachment" and item.post_id is not None:
                channel.attachments.add(Attachment.from_item(item))
            for term in item.terms:  # WXR 1.0 may list no <wp:tag>: the posts name them
                if term.domain in TAG_DOMAINS and term.slug:
                    channel.tags.setdefault(term.slug, Tag(term.slug, term.name))
        elif name == "wp:author":
            author = Author(**_author_fields(element, names))
            if author.login:
                channel.authors[author.login] = author
        elif name == "wp:category":
            category = _category(element, names)
            if category.slug:
                channel.categories[category.slug] = category
        elif name == "wp:tag":
            tag = _tag(element, names)
            if tag.slug:
                channel.tags[tag.slug] = tag
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
    names = Names()
    for name, element in _channel_children(path, names):
        if name == "item":
            yield _item(element, names)


def site_identifier(url: str) -> str:
    """'HTTPS://News.Example.com/' and 'https://news.example.com' are one site."""
    parts = urlsplit(url.strip())
    return f"{parts.scheme.lower()}://{parts.netloc.lower()}{parts.path.rstrip('/')}"[:200]


# --- the XML itself ----------------------------------------------------------------------
class Names:
    """Short names ("wp:post_id") for the file's tags, by the prefixes it declares."""

    def __init__(self):
        self.declared = {}
        self._short = {}

    def declare(self, prefix: str, uri: str) -> None:
        if prefix in PREFIXES and self.declared.get(uri) not in PREFIXES:
            self.declared[uri] = prefix
            self._short.clear()

    def short(self, tag: str) -> str:
        """'{https://wordpress.org/export/1.2/}post_id' → 'wp:post_id'."""
        if tag not in self._short:
            self._short[tag] = self._shortened(tag)
        return self._short[tag]

    def _shortened(self, tag: str) -> str:
        if not tag.startswith("{"):
            return tag
        namespace, name = tag[1:].split("}", 1)
        prefix = self.declared.get(namespace) or next(
            (prefix for pattern, prefix in _KNOWN_NAMESPACES if pattern.match(namespace)),
            namespace,
        )
        return f"{prefix}:{name}"


def _channel_children(path, names):
    """(short name, element) for each complete child of <channel>; (None, None) first,
    once the root is known to be <rss>. Elements are detached once the caller is done."""
    depth, channel = 0, None
    for event, element in _events(path):
        if event == "start-ns":
            names.declare(*element)
            continue
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
            yield names.short(element.tag), element
            channel.remove(element)  # keeps memory flat, however long the file


def _events(path):
    try:
        # forbid_dtd: no DOCTYPE at all, so no entity of any kind and no external reference.
        yield from iterparse(
            str(path),
            events=("start-ns", "start", "end"),
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


def _texts(element, names) -> dict[str, str]:
    texts = {}
    for child in element:
        texts.setdefault(names.short(child.tag), child.text or "")
    return texts


def _number(text: str) -> int | None:
    """A WordPress id, or None when it is none (or more than a database column holds)."""
    text = text.strip()
    if not (text.isascii() and text.isdigit()) or len(text) > MAX_ID_DIGITS:
        return None
    return int(text) if int(text) < 2**63 else None


def _order(text: str) -> int:
    """wp:menu_order, which may be negative; 0 when it is none."""
    text = text.strip()
    digits = text[1:] if text[:1] == "-" else text
    if not (digits.isascii() and digits.isdigit()) or len(digits) > 9:
        return 0
    return int(text)


def _author_fields(element, names) -> dict:
    texts = _texts(element, names)
    return {
        "login": texts.get("wp:author_login", "").strip(),
        "id": _number(texts.get("wp:author_id", "")),
        "email": texts.get("wp:author_email", "").strip(),
        "display_name": texts.get("wp:author_display_name", ""),
        "first_name": texts.get("wp:author_first_name", ""),
        "last_name": texts.get("wp:author_last_name", ""),
        "description": texts.get("wp:author_description", ""),
    }


def _category(element, names) -> Category:
    texts = _texts(element, names)
    return Category(
        slug=texts.get("wp:category_nicename", "").strip(),
        name=texts.get("wp:cat_name", ""),
        parent_slug=texts.get("wp:category_parent", "").strip(),
        description=texts.get("wp:category_description", ""),
        term_id=_number(texts.get("wp:term_id", "")),
    )


def _tag(element, names) -> Tag:
    texts = _texts(element, names)
    return Tag(
        slug=texts.get("wp:tag_slug", "").strip(),
        name=texts.get("wp:tag_name", ""),
        term_id=_number(texts.get("wp:term_id", "")),
    )


def _item(element, names) -> Item:
    texts, terms, plain_terms, meta, comments = {}, [], [], {}, 0
    for child in element:
        name = names.short(child.tag)
        if name == "category" and child.get("domain"):
            # WXR 1.0 writes tags with domain="tag"; later versions with "post_tag".
            slug = (child.get("nicename") or "").strip()
            terms.append(Term(child.get("domain"), slug, child.text or ""))
        elif name == "category":
            # Early 1.0 files repeat each category as plain RSS: only used if alone.
            plain_terms.append(Term("category", "", child.text or ""))
        elif name == "wp:postmeta":
            pair = _texts(child, names)
            meta.setdefault(pair.get("wp:meta_key", ""), pair.get("wp:meta_value", ""))
        elif name == "wp:comment":
            comments += 1
        else:
            texts.setdefault(name, child.text or "")
    return Item(
        post_id=_number(texts.get("wp:post_id", "")),
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
        parent=_number(texts.get("wp:post_parent", "")) or None,
        menu_order=_order(texts.get("wp:menu_order", "")),
        terms=terms or plain_terms,
        meta=meta,
        comments=comments,
    )
