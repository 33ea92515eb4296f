"""The desk: editors start and end coverage, the Live group posts in one step, editors
change entries. A forged POST from anyone else is refused and changes nothing."""

import re
import uuid
from html import unescape

import pytest
from django.contrib.admin.models import LogEntry
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation
from django.utils.html import escape

from live.admin.coverage import LiveCoverageAdmin
from live.models import LiveCoverage, LiveEntry
from tests.conftest import client_for
from tests.factories import UserFactory


def post_url(coverage):
    return reverse("admin:live_livecoverage_post", args=[coverage.pk])


def entry_form(**fields):
    return {
        "token": str(uuid.uuid4()),
        "title": "",
        "body": "<p>Les bureaux ferment.</p>",
        **fields,
    }


def test_the_fast_form_speaks_french(coverage, live_journalist):
    page = client_for(live_journalist).get(post_url(coverage)).content.decode()
    assert "Publier maintenant" in page and "Moment clé" in page and "Dernières entrées" in page
    assert "Publier dans «\u00a0" in page


def test_a_live_journalist_posts_in_one_step(coverage, live_journalist, committed):
    client = client_for(live_journalist)
    data = entry_form(title="Fermeture", is_key_event="on")
    response = committed(client.post, post_url(coverage), data)
    assert response.status_code == 302 and response["Location"] == post_url(coverage)
    entry = LiveEntry.objects.get()
    assert entry.title == "Fermeture" and entry.is_key_event and not entry.is_pinned
    assert entry.author == live_journalist


def test_a_double_click_posts_one_entry(coverage, live_journalist):
    client = client_for(live_journalist)
    data = entry_form()
    assert client.post(post_url(coverage), data).status_code == 302
    assert client.post(post_url(coverage), data).status_code == 302
    assert LiveEntry.objects.count() == 1


def test_a_plain_journalist_s_forged_post_is_refused(coverage, journalist):
    client = client_for(journalist)
    assert client.get(post_url(coverage)).status_code == 403
    assert client.post(post_url(coverage), entry_form()).status_code == 403
    assert not LiveEntry.objects.exists()


def test_posting_on_ended_coverage_is_an_error_on_the_form(coverage, editor, live_journalist):
    coverage.end_by(editor, "Fin.")
    response = client_for(live_journalist).post(post_url(coverage), entry_form())
    assert response.status_code == 200 and "Ce direct est terminé." in response.content.decode()
    assert not LiveEntry.objects.exists()


def test_an_editor_starts_coverage_from_the_desk(published, editor):
    client = client_for(editor)
    response = client.post(reverse("admin:live_livecoverage_add"), {"article": published.pk})
    coverage = LiveCoverage.objects.get(article=published)
    assert response.status_code == 302 and response["Location"] == post_url(coverage)
    assert coverage.is_running and coverage.started_by == editor


@pytest.mark.parametrize("who", ["live_journalist", "journalist"])
def test_only_editors_start_coverage(published, who, request):
    client = client_for(request.getfixturevalue(who))
    response = client.post(reverse("admin:live_livecoverage_add"), {"article": published.pk})
    assert response.status_code == 403 and not LiveCoverage.objects.exists()


def test_an_editor_ends_coverage_with_a_summary(coverage, editor):
    url = reverse("admin:live_livecoverage_end", args=[coverage.pk])
    response = client_for(editor).post(url, {"closing_summary": "Merci de nous avoir suivis."})
    assert response.status_code == 302
    coverage.refresh_from_db()
    assert coverage.ended_at and coverage.closing_summary == "Merci de nous avoir suivis."


def test_a_live_journalist_cannot_end_coverage(coverage, live_journalist):
    url = reverse("admin:live_livecoverage_end", args=[coverage.pk])
    assert client_for(live_journalist).post(url, {"closing_summary": "Fin."}).status_code == 403
    coverage.refresh_from_db()
    assert coverage.is_running and coverage.closing_summary == ""


def change_form(entry, **fields):
    return {
        "title": entry.title,
        "body": entry.body,
        "is_key_event": "on" if entry.is_key_event else "",
        "is_pinned": "on" if entry.is_pinned else "",
        **fields,
    }


def test_an_editor_corrects_an_entry_and_its_earlier_text_is_kept(coverage, post, editor):
    entry = post(coverage, body="<p>12 blessés.</p>")
    url = reverse("admin:live_liveentry_change", args=[entry.pk])
    data = change_form(entry, body="<p>11 blessés.</p>", is_correction="on")
    assert client_for(editor).post(url, data).status_code == 302
    entry.refresh_from_db()
    assert entry.body == "<p>11 blessés.</p>" and entry.earlier_body == "<p>12 blessés.</p>"
    assert entry.corrected_at is not None


def test_an_editor_s_edit_is_not_a_correction(coverage, post, editor):
    entry = post(coverage)
    url = reverse("admin:live_liveentry_change", args=[entry.pk])
    assert client_for(editor).post(url, change_form(entry, is_pinned="on")).status_code == 302
    entry.refresh_from_db()
    assert entry.is_pinned and entry.corrected_at is None and entry.earlier_body == ""


def test_a_live_journalist_s_forged_change_and_deletion_are_refused(
    coverage, post, live_journalist
):
    entry = post(coverage, body="<p>Texte juste.</p>")
    client = client_for(live_journalist)
    change = reverse("admin:live_liveentry_change", args=[entry.pk])
    assert client.post(change, change_form(entry, body="<p>Changé.</p>")).status_code == 403
    delete = reverse("admin:live_liveentry_delete", args=[entry.pk])
    assert client.post(delete, {"post": "yes"}).status_code == 403
    entry.refresh_from_db()
    assert entry.body == "<p>Texte juste.</p>"


def test_an_editor_deletes_an_entry(coverage, post, editor):
    entry = post(coverage)
    delete = reverse("admin:live_liveentry_delete", args=[entry.pk])
    assert client_for(editor).post(delete, {"post": "yes"}).status_code == 302
    assert not LiveEntry.objects.exists()


def test_the_desk_lists_coverage_and_entries_in_french(coverage, post, editor):
    post(coverage)
    client = client_for(editor)
    listing = client.get(reverse("admin:live_livecoverage_changelist")).content.decode()
    assert "En direct" in listing and coverage.article.headline in listing
    page = client.get(reverse("admin:live_livecoverage_change", args=[coverage.pk]))
    html = page.content.decode()
    assert "Publier une entrée" in html and "Terminer le direct" in html
    entries = client.get(reverse("admin:live_liveentry_changelist"))
    assert entries.status_code == 200


# --- two starts at once ---------------------------------------------------------------------
ADD = reverse("admin:live_livecoverage_add")


@pytest.fixture
def other_editor(db):
    return UserFactory(
        username="ibrahim", first_name="Ibrahim", last_name="Diallo", group="Editors"
    )


@pytest.fixture
def started_meanwhile(monkeypatch, other_editor, committed):
    """Another editor's start lands after this request's form was checked and before it is
    saved: what two editors, or a double click, do at the same instant."""
    save_form = LiveCoverageAdmin.save_form

    def racing(self, request, form, change):
        committed(LiveCoverage.start_by, other_editor, form.cleaned_data["article"])
        return save_form(self, request, form, change)

    monkeypatch.setattr(LiveCoverageAdmin, "save_form", racing)


def test_the_second_of_two_starts_at_once_lands_on_the_running_coverage(
    published, editor, other_editor, started_meanwhile
):
    client = Client(raise_request_exception=False)
    client.force_login(editor)
    logged = LogEntry.objects.count()
    response = client.post(ADD, {"article": published.pk}, follow=True)
    coverage = LiveCoverage.objects.get(article=published)
    assert response.redirect_chain == [(post_url(coverage), 302)]
    assert [str(m) for m in response.context["messages"]] == ["Ce direct a déjà commencé."]
    assert coverage.is_running and coverage.started_by == other_editor  # changed by no one
    assert LogEntry.objects.count() == logged  # nothing added, so nothing logged


def test_a_start_refused_for_an_ended_coverage_lands_on_its_page(
    published, editor, other_editor, monkeypatch, committed
):
    save_form = LiveCoverageAdmin.save_form

    def racing(self, request, form, change):
        coverage = committed(LiveCoverage.start_by, other_editor, form.cleaned_data["article"])
        committed(coverage.end_by, other_editor, "Fin.")
        return save_form(self, request, form, change)

    monkeypatch.setattr(LiveCoverageAdmin, "save_form", racing)
    client = Client(raise_request_exception=False)
    client.force_login(editor)
    response = client.post(ADD, {"article": published.pk}, follow=True)
    coverage = LiveCoverage.objects.get(article=published)
    change = reverse("admin:live_livecoverage_change", args=[coverage.pk])
    assert response.redirect_chain == [(change, 302)]
    assert [str(m) for m in response.context["messages"]] == ["Ce direct est terminé."]
    assert coverage.ended_by == other_editor and coverage.closing_summary == "Fin."


def test_a_double_click_s_second_start_lands_on_the_running_coverage(published, editor):
    client = client_for(editor)
    assert client.post(ADD, {"article": published.pk}, follow=True).status_code == 200
    response = client.post(ADD, {"article": published.pk}, follow=True)
    coverage = LiveCoverage.objects.get(article=published)
    assert response.redirect_chain == [(post_url(coverage), 302)]
    assert [str(m) for m in response.context["messages"]] == ["Ce direct a déjà commencé."]
    assert coverage.started_by == editor


# --- the article's desk page -----------------------------------------------------------------
# Read in English: the French of the newest words comes with the next catalogue update.
def english(name, *args):
    with translation.override("en"):
        return reverse(name, args=args)


def live_links(user, article):
    """The links in the article page's workflow bar that lead to its live coverage."""
    html = client_for(user).get(english("admin:articles_article_change", article.pk)).content
    group = re.search(r'<div class="workflow-actions workflow-live".*?</div>', html.decode(), re.S)
    if group is None:
        return []
    return [
        (label, unescape(href))
        for href, label in re.findall(r'<a class="button" href="([^"]+)">([^<]+)</a>', group[0])
    ]


def test_an_editor_starts_live_coverage_from_the_article_page(published, editor):
    start = english("admin:live_livecoverage_add") + f"?article={published.pk}"
    assert live_links(editor, published) == [("Start live coverage", start)]
    client = client_for(editor)
    form = client.get(start).content.decode()
    assert f'<option value="{published.pk}" selected>{escape(published.headline)}</option>' in form
    response = client.post(start, {"article": published.pk})
    coverage = LiveCoverage.objects.get(article=published)
    assert response.status_code == 302 and response["Location"] == english(
        "admin:live_livecoverage_post", coverage.pk
    )
    assert coverage.is_running and coverage.started_by == editor


def test_an_editor_posts_to_and_ends_running_coverage_from_the_article_page(coverage, editor):
    assert live_links(editor, coverage.article) == [
        ("Post a live entry", english("admin:live_livecoverage_post", coverage.pk)),
        ("End live coverage", english("admin:live_livecoverage_end", coverage.pk)),
    ]


def test_an_editor_opens_ended_coverage_from_the_article_page(coverage, editor):
    coverage.end_by(editor, "Fin.")
    assert live_links(editor, coverage.article) == [
        ("Live coverage ended", english("admin:live_livecoverage_change", coverage.pk)),
    ]


def test_a_live_journalist_only_posts_from_the_article_page(coverage, live_journalist, editor):
    assert live_links(live_journalist, coverage.article) == [
        ("Post a live entry", english("admin:live_livecoverage_post", coverage.pk)),
    ]
    coverage.end_by(editor, "Fin.")
    assert live_links(live_journalist, coverage.article) == []


def test_a_live_journalist_cannot_start_from_the_article_page(published, live_journalist):
    assert live_links(live_journalist, published) == []


def test_a_plain_journalist_gets_no_live_link(coverage, journalist):
    assert live_links(journalist, coverage.article) == []


def test_the_new_article_page_has_no_live_link(editor):
    html = client_for(editor).get(english("admin:articles_article_add")).content.decode()
    assert "workflow-live" not in html and "?article=" not in html


@pytest.mark.parametrize("who", ["editor", "live_journalist", "journalist"])
def test_the_live_links_cost_the_article_page_one_query_at_most(coverage, who, request):
    user = request.getfixturevalue(who)
    client = client_for(user)
    with CaptureQueriesContext(connection) as queries:
        page = client.get(english("admin:articles_article_change", coverage.article.pk))
    assert page.status_code == 200
    asked = [q["sql"] for q in queries.captured_queries if '"live_livecoverage"' in q["sql"]]
    assert len(asked) == (0 if who == "journalist" else 1)
