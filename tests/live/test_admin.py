"""The desk: editors start and end coverage, the Live group posts in one step, editors
change entries. A forged POST from anyone else is refused and changes nothing."""

import uuid

import pytest
from django.urls import reverse

from live.models import LiveCoverage, LiveEntry
from tests.conftest import client_for


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
