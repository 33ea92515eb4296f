"""The corrections and updates log in feeds: its own RSS and Atom feeds, announced on
/rectificatifs/, and each article's latest entry in the site's, sections', authors' and tags'
feed items, at once."""

import xml.etree.ElementTree as ET
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation
from django.utils.html import escape

from articles import fragments, workflow
from articles.models import Article, ArticleNote
from tests.factories import ArticleFactory, AuthorFactory
from tests.public.conftest import publish

SITE = "https://news.example.test"
ATOM = "{http://www.w3.org/2005/Atom}"
CONTENT = "{http://purl.org/rss/1.0/modules/content/}encoded"
LOGGED_AT = datetime(2026, 12, 4, 15, 5, tzinfo=ZoneInfo("Africa/Abidjan"))
LATER = LOGGED_AT.replace(day=5, hour=9, minute=30)
HOSTILE = "</script><script>alert(1)</script><b onclick=x()>gras</b> & co"


def french(msgid: str, **values) -> str:
    """What French readers read (the catalog's non-breaking space before a colon too)."""
    with translation.override("fr"):
        return translation.gettext(msgid) % values


def title(kind: str, headline: str) -> str:  # "Rectificatif : …", "Mise à jour : …"
    msgid = "Update: %(headline)s" if kind == "update" else "Correction: %(headline)s"
    return french(msgid, headline=headline)


def entry_line(kind: str, date: str, text: str) -> str:  # "Rectificatif du … : …"
    msgid = "Update of %(date)s:" if kind == "update" else "Correction of %(date)s:"
    return f"{french(msgid, date=date)} {text}"


def log(article, user, text, kind="correction", when=LOGGED_AT):
    with time_machine.travel(when, tick=False):
        return workflow.log_note(article, user, kind, text)


def get_xml(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return ET.fromstring(response.content)  # well-formed, or this raises


def atom_entries(client):
    return get_xml(client, reverse("feeds:corrections-atom")).findall(f"{ATOM}entry")


def rss_items(client):
    return get_xml(client, reverse("feeds:corrections-rss")).find("channel").findall("item")


def feed_texts(client) -> str:
    """Everything both corrections feeds say, decoded once as a feed reader does."""
    return " ".join(
        "".join(get_xml(client, reverse(f"feeds:corrections-{kind}")).itertext())
        for kind in ("rss", "atom")
    )


def article_feeds(story):
    author, section = story.bylines.first().author.slug, story.section.slug
    return [
        reverse("feeds:site-rss"),
        reverse("feeds:site-atom"),
        reverse("feeds:section-rss", args=[section]),
        reverse("feeds:section-atom", args=[section]),
        reverse("feeds:author-rss", args=[author]),
        reverse("feeds:author-atom", args=[author]),
        reverse("feeds:tag-rss", args=["aes"]),
        reverse("feeds:tag-atom", args=["aes"]),
    ]


def item_of(client, url, article):
    """(description, full text, updated or None) of the article's item in this feed."""
    root = get_xml(client, url)
    address = SITE + article.get_absolute_url()
    if root.tag == "rss":
        item = next(i for i in root.iter("item") if i.findtext("link") == address)
        return item.findtext("description"), item.findtext(CONTENT), None
    entry = next(
        e for e in root.iter(f"{ATOM}entry") if e.find(f"{ATOM}link").get("href") == address
    )
    return (
        entry.findtext(f"{ATOM}summary"),
        entry.findtext(f"{ATOM}content"),
        entry.findtext(f"{ATOM}updated"),
    )


@pytest.fixture
def other(editor, security):
    article = ArticleFactory(
        headline="Le budget adopté", section=security, authors=[AuthorFactory()]
    )
    return publish(article, editor)


@pytest.fixture
def two_entries(story, other, editor):
    """A correction of the story, then an update of the other article."""
    correction = log(story, editor, "La date était fausse.")
    update = log(other, editor, "Le ministre a réagi.", kind="update", when=LATER)
    return correction, update


# --- the corrections' Atom feed ----------------------------------------------------------------
def test_the_atom_feed_lists_each_entry_newest_first(client, story, other, two_entries):
    correction, update = two_entries
    root = get_xml(client, reverse("feeds:corrections-atom"))
    assert reverse("feeds:corrections-atom") == "/flux/rectificatifs/atom/"
    assert root.findtext(f"{ATOM}updated") == "2026-12-05T09:30:00+00:00"
    assert root.find(f"{ATOM}link[@rel='self']").get("href") == SITE + "/flux/rectificatifs/atom/"
    assert root.findtext(f"{ATOM}author/{ATOM}name")
    entries = root.findall(f"{ATOM}entry")
    assert [e.findtext(f"{ATOM}title") for e in entries] == [
        title("update", other.headline),
        title("correction", story.headline),
    ]
    assert [e.findtext(f"{ATOM}id") for e in entries] == [
        f"{SITE}{other.get_absolute_url()}#note-{update.pk}",
        f"{SITE}{story.get_absolute_url()}#note-{correction.pk}",
    ]
    assert [e.find(f"{ATOM}link").get("href") for e in entries] == [
        f"{SITE}{other.get_absolute_url()}#note-{update.pk}",
        f"{SITE}{story.get_absolute_url()}#note-{correction.pk}",
    ]
    assert [e.findtext(f"{ATOM}published") for e in entries] == [
        "2026-12-05T09:30:00+00:00",
        "2026-12-04T15:05:00+00:00",
    ]
    assert [e.findtext(f"{ATOM}updated") for e in entries] == [
        "2026-12-05T09:30:00+00:00",
        "2026-12-04T15:05:00+00:00",
    ]
    assert [e.findtext(f"{ATOM}summary") for e in entries] == [
        "Le ministre a réagi.",
        "La date était fausse.",
    ]


def test_rss_and_atom_carry_the_same_entries(client, two_entries):
    items, entries = rss_items(client), atom_entries(client)
    assert [i.findtext("guid") for i in items] == [e.findtext(f"{ATOM}id") for e in entries]
    assert [i.findtext("title") for i in items] == [e.findtext(f"{ATOM}title") for e in entries]
    assert [i.findtext("pubDate") for i in items] == [
        "Sat, 05 Dec 2026 09:30:00 +0000",
        "Fri, 04 Dec 2026 15:05:00 +0000",
    ]


def test_entries_are_dated_in_the_sites_time_zone(client, settings, story, other, editor):
    settings.TIME_ZONE = "Europe/Paris"
    log(story, editor, "Heure de Paris.")
    (entry,) = atom_entries(client)
    assert entry.findtext(f"{ATOM}published") == "2026-12-04T16:05:00+01:00"
    assert rss_items(client)[0].findtext("pubDate") == "Fri, 04 Dec 2026 16:05:00 +0100"
    description, _text, _updated = item_of(client, reverse("feeds:site-rss"), story)
    line = entry_line("correction", "4 décembre 2026 à 16 h 05", "Heure de Paris.")
    assert description.endswith(f"<br>\n{line}")


def test_hostile_text_stays_text_in_the_corrections_feeds(client, story, editor):
    log(story, editor, HOSTILE)
    summary = atom_entries(client)[0].find(f"{ATOM}summary")
    description = rss_items(client)[0].findtext("description")
    # Feed readers decode these once more, as HTML: what they read must be the text.
    assert summary.get("type") == "html"
    for html in (summary.text, description):
        assert html == escape(HOSTILE)
        assert "<" not in html and ">" not in html


def test_the_corrections_feeds_read_one_query_however_many_entries(
    client, story, other, editor, django_assert_num_queries
):
    for i in range(3):
        log(story, editor, f"Erreur {i}.")
        log(other, editor, f"Ajout {i}.", kind="update")
    for kind in ("rss", "atom"):
        with django_assert_num_queries(1):  # the entries, each with its article
            assert client.get(reverse(f"feeds:corrections-{kind}")).status_code == 200


# --- what readers must never see ---------------------------------------------------------------
def test_entries_of_articles_readers_cannot_see_never_appear(
    client, story, editor, hidden_articles
):
    log(story, editor, "Visible.")
    for state, article in hidden_articles.items():
        # Past the workflow, which refuses them: the feeds must not rely on it.
        ArticleNote.objects.create(article=article, text=f"Note {state} zanzibar")
    shown = feed_texts(client) + client.get("/rectificatifs/").content.decode()
    assert "Visible." in shown
    assert "zanzibar" not in shown
    assert len(atom_entries(client)) == len(rss_items(client)) == 1


def test_an_article_taken_down_takes_its_entries_with_it(client, story, other, editor):
    log(story, editor, "Du récit.")
    log(other, editor, "Du budget.")
    assert "Du budget." in feed_texts(client)
    workflow.apply_transition(other, "unpublish", editor, comment="Retrait.")
    shown = feed_texts(client)
    assert "Du budget." not in shown and "budget adopté" not in shown
    assert "Du récit." in shown
    assert "Du budget." not in "".join(get_xml(client, reverse("feeds:site-rss")).itertext())


# --- the page of the log announces its feeds --------------------------------------------------
def test_the_log_page_announces_and_links_both_feeds(client, db):
    html = client.get("/rectificatifs/").content.decode()
    head, body = html.split("</head>", 1)
    assert (
        '<link rel="alternate" type="application/rss+xml" title="Rectificatifs et mises à jour'
        ' (RSS)" href="/flux/rectificatifs/rss/">' in head
    )
    assert (
        '<link rel="alternate" type="application/atom+xml" title="Rectificatifs et mises à jour'
        ' (Atom)" href="/flux/rectificatifs/atom/">' in head
    )
    assert 'href="/flux/rectificatifs/rss/"' in body and 'href="/flux/rectificatifs/atom/"' in body


# --- the articles' own feeds -------------------------------------------------------------------
def test_each_article_feed_item_ends_with_the_latest_entry(client, story, editor):
    log(story, editor, "La date était fausse.")
    log(story, editor, "Le ministre a réagi.", kind="update", when=LATER)
    latest = entry_line("update", "5 décembre 2026 à 09 h 30", "Le ministre a réagi.")
    for url in article_feeds(story):
        description, text, updated = item_of(client, url, story)
        assert description == f"{escape(story.standfirst)}<br>\n{escape(latest)}", url
        assert "La date était fausse." not in description, url
        # The text in full ends with the whole log, newest first, as the page shows it.
        log_html = text[text.index("<aside>") :]
        assert log_html.index("Mise à jour du 5 décembre") < log_html.index("Rectificatif du 4")
        assert "La date était fausse." in log_html and text.endswith("</aside>"), url
        if updated is not None:
            assert updated == "2026-12-05T09:30:00+00:00", url


def test_an_item_without_entries_is_as_before(client, story):
    description, text, updated = item_of(client, reverse("feeds:site-atom"), story)
    assert description == escape(story.standfirst)
    assert "<aside>" not in text
    assert updated == "2026-11-28T14:05:00+00:00"


def test_hostile_text_stays_text_in_article_feed_items(client, story, editor):
    log(story, editor, HOSTILE)
    for url in (reverse("feeds:site-rss"), reverse("feeds:site-atom")):
        description, text, _updated = item_of(client, url, story)
        assert description.endswith(escape(HOSTILE)), url
        for html in (description, text):
            assert "<script>" not in html and "<b onclick" not in html, url


def test_a_new_entry_shows_in_every_article_feed_at_once(client, story, editor):
    before = {url: item_of(client, url, story)[0] for url in article_feeds(story)}  # kept
    key = fragments._own_key("feed-item", Article.objects.get(pk=story.pk))
    log(story, editor, "Tout de suite.")
    # The entry bumped the article's generation (articles/changes.py): its items' keys moved.
    assert fragments._own_key("feed-item", Article.objects.get(pk=story.pk)) != key
    for url, description in before.items():
        assert "Tout de suite." not in description
        assert item_of(client, url, story)[0].endswith("Tout de suite."), url


def test_a_new_entry_shows_at_once_with_the_page_cache_on(
    client, settings, story, editor, committed
):
    settings.PAGE_CACHE_ENABLED = True
    committed(lambda: None)
    urls = [
        reverse("feeds:site-rss"),
        *(reverse(f"feeds:corrections-{k}") for k in ("rss", "atom")),
    ]
    for url in urls:
        client.get(url)
        assert client.get(url)["X-Page-Cache"] == "hit", url
    committed(log, story, editor, "Sans attendre.")
    for url in urls:
        response = client.get(url)
        assert "Sans attendre." in response.content.decode(), url


def test_the_first_reader_of_a_feed_reads_the_logs_in_one_query(client, story, other, editor):
    def first_reader_queries():
        fragments.cache.clear()
        with CaptureQueriesContext(connection) as queries:
            client.get(reverse("feeds:site-rss"))
        return len(queries)

    log(story, editor, "Une.")
    before = first_reader_queries()
    for i in range(4):
        log(story, editor, f"Encore {i}.")
        log(other, editor, f"Aussi {i}.", kind="update")
    assert first_reader_queries() == before
