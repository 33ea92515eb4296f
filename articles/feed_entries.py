"""The feeds' items, stored as Django's feed writer wrote them: one row an article and language
(FeedEntry, models/rendering.py), made by the first feed that lists the article after it
changed, and kept while it matches as cards are (html/card_store.py).

The syndication framework built each of a feed's 30 items from the article's model, its
tags and a dozen lookups, and wrote it again for every reader: 90% of the RSS feed's CPU
(8.1 ms a request against the bare template's 0.55; bench/profile_page.py). Stored, a feed
is its channel and 30 strings from one statement.
"""

from datetime import UTC, datetime
from io import StringIO
from typing import NamedTuple

from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.xmlutils import SimplerXMLGenerator

from articles.html import card_store
from articles.models.archive import ORDER, Archive
from articles.models.page import load_tags
from articles.models.published import published, published_params
from articles.models.rendering import FeedEntry
from newsroom.sql import aware, placeholders, rows

STATEMENT = f"""
SELECT a.id, a.published_at, a.revised_at, e.{{column}}
FROM (
  SELECT {card_store.ARTICLE_COLUMNS}, a.revised_at
  FROM {{source}}
  WHERE {published("a")}{{condition}}
  ORDER BY {{order}}
  LIMIT %s) a
{card_store.matching("articles_feedentry", "e")}
ORDER BY {ORDER}
"""


class Written(NamedTuple):
    """An article's item in both formats, as FeedEntry stores it."""

    rss: str
    atom: str


class StoredItems:
    """A feed writer whose items are given as the XML it wrote when they were stored."""

    stored: list[str] = ()
    latest: datetime | None = None

    def write_items(self, handler):
        for xml in self.stored:
            # XMLGenerator writes this text as it is: XML this same writer escaped.
            handler.ignorableWhitespace(xml)

    def latest_post_date(self):
        return self.latest or datetime.now(tz=UTC)


class StoredRss(StoredItems, Rss201rev2Feed):
    pass


class StoredAtom(StoredItems, Atom1Feed):
    pass


def fill(feed: StoredItems, archive: Archive, length: int, items_of) -> None:
    """Give the feed the first `length` articles of the archive, stored, or made now by
    `items_of(articles)` (the feed generator's item dicts, in their order) and stored."""
    column = "atom" if isinstance(feed, Atom1Feed) else "rss"
    statement = archive.statement(STATEMENT, column=column)
    params = [*published_params(), *archive.params, length, *card_store.join_params()]
    found = rows(statement, params, prepared=archive.prepared)
    missing = [pk for pk, _published, _revised, xml in found if xml is None]
    made = make(missing, items_of) if missing else {}
    feed.stored = [
        xml if xml is not None else getattr(made[pk], column)
        for pk, _published, _revised, xml in found
        if xml is not None or pk in made  # else unpublished since the list was read
    ]
    listed = [times for pk, *times, xml in found if xml is not None or pk in made]
    feed.latest = max((aware(time) for times in listed for time in times if time), default=None)


def make(ids: list[int], items_of) -> dict[int, Written]:
    """{id: Written} of these articles, stored."""
    articles = Archive(f" AND a.id IN ({placeholders(ids)})", ids)[0 : len(ids)]
    load_tags(articles)
    rss, atom = Rss201rev2Feed("", "", ""), Atom1Feed("", "", "")
    made = {
        article.pk: Written(written(rss, "item", item), written(atom, "entry", item))
        for article, item in zip(articles, items_of(articles), strict=True)
    }
    card_store.store(FeedEntry, articles, made)
    return made


def written(generator, tag: str, item: dict) -> str:
    """One item as the generator writes it inside its feed."""
    out = StringIO()
    handler = SimplerXMLGenerator(out, "utf-8", short_empty_elements=True)
    handler.startElement(tag, generator.item_attributes(item))
    generator.add_item_elements(handler, item)
    handler.endElement(tag)
    return out.getvalue()
