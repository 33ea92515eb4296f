"""The feeds' stored items (articles/feed_entries.py): written once, never shown out of date."""

import logging
import xml.etree.ElementTree as ET
from datetime import timedelta

import pytest
from django.db.models import F
from django.test import RequestFactory
from django.test.utils import override_settings

from articles import feed_entries, workflow
from articles.feeds import ArticleFeed
from articles.models import Article, FeedEntry
from articles.models.archive import Archive
from tests.public.changes import (
    add_byline,
    add_tag,
    assert_change_shows,
    delete_tag,
    edit_headline,
    remove_byline,
    remove_tag,
    rename_author,
    rename_section,
    rename_tag,
)

ATOM = "{http://www.w3.org/2005/Atom}"
RSS, SITE_ATOM = "/flux/rss/", "/flux/atom/"
ALL_FEEDS = [RSS, SITE_ATOM, "/flux/rubrique/securite/rss/", "/flux/mot-cle/aes/atom/"]


def feed(client, path) -> str:
    response = client.get(path)
    assert response.status_code == 200
    return response.content.decode()


@pytest.mark.parametrize("path", ALL_FEEDS)
def test_later_readers_get_the_feed_the_first_one_got(client, story, path):
    first = feed(client, path)
    assert story.headline in first
    assert FeedEntry.objects.filter(article=story).count() == 1
    assert feed(client, path) == first


def test_one_entry_serves_both_formats(client, story):
    rss, atom = ET.fromstring(feed(client, RSS)), ET.fromstring(feed(client, SITE_ATOM))
    assert FeedEntry.objects.count() == 1
    assert rss.find("channel/item/title").text == story.headline
    assert atom.find(f"{ATOM}entry/{ATOM}title").text == story.headline


# What an item shows, changed, then what the feed must show at once, or no longer show.
CHANGES = [
    (rename_author, "Nouveau Nom", None),
    (add_byline, "Nouveau Nom", None),
    (remove_byline, None, "Aminata Traoré"),
    (rename_section, "<category>Nouveau Nom</category>", None),
    (add_tag, "<category>Nouveau Nom</category>", None),
    (rename_tag, "<category>Nouveau Nom</category>", None),
    (remove_tag, None, "<category>AES</category>"),
    (delete_tag, None, "<category>AES</category>"),
    (edit_headline, "<title>Nouveau Nom</title>", None),
]


@pytest.mark.parametrize(
    ("change", "shown", "gone"), CHANGES, ids=lambda c: getattr(c, "__name__", "")
)
def test_a_change_shows_in_the_feed_at_once(client, story, change, shown, gone):
    assert_change_shows(lambda: feed(client, RSS), story, change, shown, gone)


def test_an_entry_written_before_a_change_is_never_shown_after_it(client, story):
    feed(client, RSS)
    old = FeedEntry.objects.get()
    rename_author(story)
    # A reader who wrote the item before the change stores it after: with the old numbers.
    FeedEntry.objects.update(rss=old.rss, version=old.version, generation=old.generation)
    assert "Nouveau Nom" in feed(client, RSS)


def test_unpublishing_takes_a_stored_entry_out_of_every_feed(client, story, editor):
    for path in ALL_FEEDS:
        assert story.headline in feed(client, path)
    workflow.apply_transition(Article.objects.get(pk=story.pk), "unpublish", editor)
    for path in ALL_FEEDS:
        response = client.get(path)
        # A tag no published article carries has no feed.
        assert response.status_code == (404 if "mot-cle" in path else 200)
        assert story.headline not in response.content.decode(), path


def test_entries_follow_the_settings_they_were_written_with(client, story):
    with override_settings(SITE_URL="https://premier.example"):
        assert "https://premier.example/article/" in feed(client, RSS)
    with override_settings(SITE_URL="https://second.example"):
        xml = feed(client, RSS)
    assert "https://second.example/article/" in xml and "premier" not in xml


def test_the_feed_is_as_new_as_its_latest_correction(client, story):
    revised = story.published_at + timedelta(days=2)
    Article.objects.filter(pk=story.pk).update(revised_at=revised, version=F("version") + 1)
    channel = ET.fromstring(feed(client, RSS)).find("channel")
    assert channel.findtext("lastBuildDate") == revised.strftime("%a, %d %b %Y %H:%M:%S +0000")
    updated = ET.fromstring(feed(client, SITE_ATOM)).findtext(f"{ATOM}updated")
    assert updated == revised.isoformat()


def test_each_feed_names_its_own_address(client, story):
    for path in ALL_FEEDS:
        root = ET.fromstring(feed(client, path))
        selves = [
            link.get("href") for link in root.iter(f"{ATOM}link") if link.get("rel") == "self"
        ]
        assert selves == ["https://news.example.test" + path]


def test_an_empty_feed_is_still_a_feed(client, db):
    channel = ET.fromstring(feed(client, RSS)).find("channel")
    assert channel.find("item") is None and channel.findtext("lastBuildDate")


# A transaction of its own: in a test's, the foreign key is checked only at the end.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_failed_store_still_gives_the_reader_the_feed(story, caplog):
    """The article is deleted while a reader writes its item: storing it fails at commit."""
    request = RequestFactory().get(RSS)

    def items_then_deleted(articles):
        items = ArticleFeed().made_items(articles, None, request)
        Article.objects.filter(pk=story.pk).delete()
        return items

    with caplog.at_level(logging.WARNING, logger="articles.html.card_store"):
        made = feed_entries.make([story.pk], items_then_deleted)
    assert story.headline in made[story.pk].rss
    assert "Could not store FeedEntry" in caplog.text
    assert not FeedEntry.objects.exists()
    assert Archive()[0:30] == []
