"""A published article's log of corrections and updates: editors log, readers see at once."""

import json
import re
import xml.etree.ElementTree as ET
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core.cache import cache
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from articles import freshness, workflow
from articles.models import Article, ArticleNote, Revision
from tests.admin_forms import article_post
from tests.conftest import client_for
from tests.migrations import migrate
from tests.public import conftest as public
from tests.public.conftest import publish

# The reader's pages' published story and hidden articles (tests/public/conftest.py).
story, security, hidden_articles = public.story, public.security, public.hidden_articles

LOGGED_AT = datetime(2026, 12, 4, 15, 5, tzinfo=ZoneInfo("Africa/Abidjan"))
TIME_TAG = '<time datetime="2026-12-04T15:05:00+00:00">4 décembre 2026 à 15 h 05</time>'
CHANGE = "admin:articles_article_change"


@pytest.fixture
def published(in_review, editor):
    """Published on 28 November 2026, before any entry here is logged."""
    return publish(in_review, editor)


def log(article, user, text="Le montant était de 3 milliards, non de 30.", kind="correction"):
    with time_machine.travel(LOGGED_AT, tick=False):
        return workflow.log_note(article, user, kind, text)


def heading(kind="correction", time_tag=TIME_TAG) -> str:
    """The entry's heading as French readers read it ("Rectificatif du … :")."""
    msgid = "Update of %(date)s:" if kind == "update" else "Correction of %(date)s:"
    with translation.override("fr"):
        return translation.gettext(msgid) % {"date": time_tag}


def json_ld(html) -> dict:
    found = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    return json.loads(found.group(1))


# --- rules ----------------------------------------------------------------------------------
def test_an_editor_logs_a_correction_with_the_revision_readers_see(published, editor):
    note = log(published, editor)
    assert note.created_by == editor and note.created_at == LOGGED_AT
    assert note.revision == Revision.objects.filter(article=published).first()  # the newest
    article = Article.objects.get(pk=published.pk)
    assert article.revised_at == LOGGED_AT and article.generation > published.generation
    assert list(article.corrections.values_list("kind", "text")) == [
        ("correction", "Le montant était de 3 milliards, non de 30.")
    ]


def test_a_journalist_may_not_log_even_on_their_own_article(published, journalist):
    with pytest.raises(PermissionDenied):
        log(published, journalist)
    assert not ArticleNote.objects.exists()


@pytest.mark.parametrize("state", ["draft", "review", "scheduled", "unpublished"])
def test_an_article_readers_cannot_see_takes_no_entry(article_in, editor, state):
    article = article_in(state)
    with pytest.raises(ValidationError, match="Seul un article publié"):
        log(article, editor)
    assert not ArticleNote.objects.exists()


def test_an_empty_entry_is_refused(published, editor):
    with pytest.raises(ValidationError):
        log(published, editor, text="   ")
    assert not ArticleNote.objects.exists()


# --- the article page -----------------------------------------------------------------------
def test_the_page_shows_the_latest_entry_on_top_and_every_entry_below(client, story, editor):
    log(story, editor, "Première erreur corrigée.")
    with time_machine.travel(LOGGED_AT.replace(day=5, hour=9, minute=30), tick=False):
        workflow.log_note(story, editor, "update", "Le ministre a réagi depuis.")
    html = client.get(story.get_absolute_url()).content.decode()
    later = '<time datetime="2026-12-05T09:30:00+00:00">5 décembre 2026 à 09 h 30</time>'
    top, body, bottom = (
        html.index('class="note-latest"'),
        html.index('class="article-body"'),
        html.index('id="corrections"'),
    )
    assert top < body < bottom
    assert html.index(heading("update", later)) < body  # the latest, on top
    assert "Le ministre a réagi depuis." in html[top:body]
    log_below = html[bottom:]
    assert log_below.index(heading("update", later)) < log_below.index(heading())
    assert "Première erreur corrigée." in log_below and "Première erreur" not in html[top:body]
    assert "Mis à jour le" in html


def test_entries_are_escaped_as_written(client, story, editor):
    log(story, editor, "<script>alert(1)</script> « cité »")
    html = client.get(story.get_absolute_url()).content.decode()
    assert "<script>alert(1)" not in html
    assert html.count("&lt;script&gt;alert(1)&lt;/script&gt; « cité »") == 2


def test_json_ld_carries_the_corrections_and_the_latest_time(client, story, editor):
    log(story, editor, 'Un "chiffre" était faux </script>')
    with time_machine.travel(LOGGED_AT.replace(day=6), tick=False):
        workflow.log_note(story, editor, "update", "Une réaction ajoutée.")
    data = json_ld(client.get(story.get_absolute_url()).content.decode())
    assert data["correction"] == [
        {
            "@type": "CorrectionComment",
            "text": 'Un "chiffre" était faux </script>',
            "datePublished": "2026-12-04T15:05:00+00:00",
        }
    ]  # an update is news, not a correction
    assert data["dateModified"] == "2026-12-06T15:05:00+00:00"


def test_json_ld_without_entries_has_no_correction(client, story):
    data = json_ld(client.get(story.get_absolute_url()).content.decode())
    assert "correction" not in data
    assert data["dateModified"] == data["datePublished"]


def test_later_readers_read_the_log_from_the_cache(
    client, story, editor, django_assert_num_queries
):
    for i in range(3):
        log(story, editor, f"Erreur {i}.")
    client.get(story.get_absolute_url())
    with django_assert_num_queries(1):  # the article and Read also's articles, as before
        html = client.get(story.get_absolute_url()).content.decode()
    assert "Erreur 2." in html


def test_the_first_reader_reads_the_log_in_one_query_however_long(client, story, editor):
    def first_reader_queries():
        cache.clear()
        with CaptureQueriesContext(connection) as queries:
            client.get(story.get_absolute_url())
        return len(queries)

    never_revised = first_reader_queries()
    log(story, editor, "Une.")
    before = first_reader_queries()
    assert before == never_revised + 1  # the log, read once the article has one
    for i in range(5):
        log(story, editor, f"Encore {i}.")
    assert first_reader_queries() == before


# --- the page of every entry, and its feed ----------------------------------------------------
@pytest.fixture
def two_logs(story, editor, hidden_articles):
    log(story, editor, "La date était fausse.")
    other = publish(hidden_articles["draft"], editor)
    with time_machine.travel(LOGGED_AT.replace(day=5), tick=False):
        workflow.log_note(other, editor, "update", "<b>Nouveau</b> bilan.")
    return story, Article.objects.get(pk=other.pk)


def test_the_log_page_lists_entries_newest_first_with_their_articles(client, two_logs):
    story, other = two_logs
    html = client.get("/rectificatifs/").content.decode()
    assert html.index("&lt;b&gt;Nouveau&lt;/b&gt; bilan.") < html.index("La date était fausse.")
    entry = ArticleNote.objects.get(article=story)
    assert f'href="{story.get_absolute_url()}#note-{entry.pk}"' in html
    assert f'id="note-{entry.pk}"' in client.get(story.get_absolute_url()).content.decode()
    assert heading() in html
    assert reverse("articles:corrections") == "/rectificatifs/"
    assert "La date était fausse." in client.get("/en/rectificatifs/").content.decode()


def test_the_log_page_and_feed_forget_an_article_taken_down(client, two_logs, editor):
    story, other = two_logs
    workflow.apply_transition(other, "unpublish", editor, comment="Retrait.")
    assert "Nouveau" not in client.get("/rectificatifs/").content.decode()
    assert "Nouveau" not in client.get(reverse("feeds:corrections-rss")).content.decode()
    assert "La date était fausse." in client.get("/rectificatifs/").content.decode()


def test_the_log_page_is_paged(client, story, editor):
    for i in range(21):
        log(story, editor, f"Entrée {i:02}.")
    first = client.get("/rectificatifs/").content.decode()
    second = client.get("/rectificatifs/?page=2").content.decode()
    assert first.count("<li><h2>") == 20 and second.count("<li><h2>") == 1
    assert 'rel="next" href="?page=2"' in first
    assert client.get("/rectificatifs/?page=abc").status_code == 200


def test_the_feed_carries_each_entry_escaped(client, two_logs):
    story, other = two_logs
    response = client.get(reverse("feeds:corrections-rss"))
    assert response.status_code == 200
    items = ET.fromstring(response.content).find("channel").findall("item")
    assert [item.findtext("description") for item in items] == [
        "&lt;b&gt;Nouveau&lt;/b&gt; bilan.",
        "La date était fausse.",
    ]
    entry = ArticleNote.objects.get(article=story)
    assert items[1].findtext("link").endswith(f"{story.get_absolute_url()}#note-{entry.pk}")
    assert items[0].findtext("guid") != items[1].findtext("guid")


def test_the_footer_links_to_the_log(client, story):
    assert 'href="/rectificatifs/"' in client.get("/").content.decode()


# --- the admin --------------------------------------------------------------------------------
def add_entry(article, text, kind="correction"):
    return article_post(
        article,
        **{
            "corrections-TOTAL_FORMS": "1",
            "corrections-0-kind": kind,
            "corrections-0-text": text,
        },
    )


def test_an_editor_sees_the_log_and_adds_an_entry(published, editor):
    log(published, editor, "Déjà consigné.")
    client = client_for(editor)
    page = client.get(reverse(CHANGE, args=[published.pk])).content.decode()
    assert "Déjà consigné." in page and 'name="corrections-1-text"' in page
    assert 'name="corrections-0-text"' not in page  # the entry logged is not editable
    response = client.post(reverse(CHANGE, args=[published.pk]), add_entry(published, "Ajout."))
    assert response.status_code == 302
    note = published.corrections.get(text="Ajout.")
    assert note.created_by == editor and note.revision is not None


def test_an_editor_cannot_log_on_a_draft_from_the_admin(draft, editor):
    client = client_for(editor)
    page = client.get(reverse(CHANGE, args=[draft.pk])).content.decode()
    assert 'name="corrections-0-text"' not in page
    client.post(reverse(CHANGE, args=[draft.pk]), add_entry(draft, "Forgée."))
    assert not ArticleNote.objects.exists()


def test_a_journalist_reads_the_log_but_cannot_add_to_it(published, journalist, editor):
    log(published, editor, "Lu par l’auteur.")
    client = client_for(journalist)
    page = client.get(reverse(CHANGE, args=[published.pk])).content.decode()
    assert "Lu par l’auteur." in page and 'name="corrections-1-text"' not in page
    response = client.post(reverse(CHANGE, args=[published.pk]), add_entry(published, "Forgée."))
    assert response.status_code == 403
    assert list(published.corrections.values_list("text", flat=True)) == ["Lu par l’auteur."]


def existing_entry_post(article, note, **changes):
    return article_post(
        article,
        **{
            "corrections-TOTAL_FORMS": "1",
            "corrections-INITIAL_FORMS": "1",
            "corrections-0-id": str(note.pk),
            "corrections-0-article": str(article.pk),
            "corrections-0-kind": note.kind,
            "corrections-0-text": note.text,
            **changes,
        },
    )


def test_an_editor_cannot_rewrite_or_remove_an_entry(published, editor):
    note = log(published, editor, "Tel que consigné.")
    data = existing_entry_post(
        published, note, **{"corrections-0-text": "Réécrit", "corrections-0-DELETE": "on"}
    )
    client_for(editor).post(reverse(CHANGE, args=[published.pk]), data)
    assert list(published.corrections.values_list("text", flat=True)) == ["Tel que consigné."]


def test_a_superuser_removes_an_entry_logged_by_mistake(published, editor, admin_user):
    note = log(published, editor, "Par erreur.")
    data = existing_entry_post(published, note, **{"corrections-0-DELETE": "on"})
    response = client_for(admin_user).post(reverse(CHANGE, args=[published.pk]), data)
    assert response.status_code == 302
    assert not ArticleNote.objects.exists()


def test_a_superuser_still_saves_an_unpublished_article_with_a_log(published, editor, admin_user):
    note = log(published, editor, "Consigné en public.")
    workflow.apply_transition(published, "unpublish", editor, "Retiré pour vérification.")
    data = existing_entry_post(published, note, headline="Titre revu hors ligne")
    response = client_for(admin_user).post(reverse(CHANGE, args=[published.pk]), data)
    assert response.status_code == 302  # the log's rows are read as they are, not refused
    published.refresh_from_db()
    assert published.headline == "Titre revu hors ligne"
    assert list(published.corrections.values_list("text", flat=True)) == ["Consigné en public."]


# --- the page cache ---------------------------------------------------------------------------
@pytest.fixture
def page_cache_on(settings, monkeypatch):
    settings.PAGE_CACHE_ENABLED = True
    monkeypatch.setattr(freshness, "_cache_down_until", 0.0)
    cache.clear()


def test_an_entry_shows_at_once_with_the_page_cache_on(
    client, page_cache_on, published, editor, committed
):
    committed(lambda: None)
    pages = [published.get_absolute_url(), "/en" + published.get_absolute_url(), "/rectificatifs/"]
    for url in pages:
        client.get(url)
        assert client.get(url)["X-Page-Cache"] == "hit", url
    committed(log, published, editor, "Visible tout de suite.")
    for url in pages:
        response = client.get(url)
        assert response["X-Page-Cache"] == "miss", url
        assert "Visible tout de suite." in response.content.decode(), url


# --- the move from the old note -------------------------------------------------------------
BEFORE = ("articles", "0011_search_social_fields")


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_each_correction_note_becomes_the_first_entry_of_its_log():
    old = migrate(BEFORE)
    OldArticle = old.get_model("articles", "Article")
    section = old.get_model("articles", "Section").objects.create(name="Économie", slug="eco")
    revised = OldArticle.objects.create(
        headline="Corrigé en public",
        slug="corrige",
        section=section,
        status="published",
        correction="  Le chiffre était faux.  ",
        revised_at=LOGGED_AT,
    )
    OldArticle.objects.filter(pk=revised.pk).update(updated_at=LOGGED_AT.replace(day=9))
    revision = old.get_model("articles", "Revision").objects.create(
        article=revised, number=1, data={"headline": "Corrigé en public"}
    )
    saved = OldArticle.objects.create(
        headline="Sans date de révision", slug="sans-date", section=section, correction="Note."
    )
    OldArticle.objects.create(headline="Rien", slug="rien", section=section, correction="")
    OldArticle.objects.create(headline="Blanc", slug="blanc", section=section, correction=" \n")

    migrate(None)

    notes = {note.article_id: note for note in ArticleNote.objects.all()}
    assert set(notes) == {revised.pk, saved.pk}
    assert notes[revised.pk].text == "Le chiffre était faux."
    assert notes[revised.pk].kind == "correction" and notes[revised.pk].created_at == LOGGED_AT
    assert notes[revised.pk].revision_id == revision.pk
    assert notes[saved.pk].created_at == Article.objects.get(pk=saved.pk).updated_at
    assert notes[saved.pk].revision is None and notes[saved.pk].created_by is None
    assert not hasattr(Article.objects.get(pk=saved.pk), "correction")
