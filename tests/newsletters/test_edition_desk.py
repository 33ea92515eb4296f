"""Editions on the desk: editors build, arrange, preview, test and send; nobody else can."""

from datetime import timedelta

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from newsletters import build
from newsletters.models import Edition, EditionStory
from tests.conftest import client_for
from tests.newsletters.conftest import reader


@pytest.fixture
def digest(editor, news):
    return build.digest(editor)


def url(name, edition=None):
    return reverse(f"admin:newsletters_edition_{name}", args=[edition.pk] if edition else [])


def test_an_editor_drafts_the_digest_in_one_click(editor, news):
    desk = client_for(editor)
    assert desk.get(url("new_digest")).status_code == 405
    answer = desk.post(url("new_digest"))
    edition = Edition.objects.get()
    assert answer.status_code == 302 and answer["Location"] == url("change", edition)
    assert edition.articles() == [news[1], news[2], news[0]]
    page = desk.get(url("change", edition)).content.decode()
    assert url("schedule", edition) in page and url("preview", edition) in page


def test_an_editor_reorders_drops_and_writes_the_introduction(editor, digest, news):
    desk = client_for(editor)
    stories = list(digest.stories.order_by("position"))
    data = {
        "kind": "digest",
        "subject": "L’essentiel du lundi",
        "day": timezone.localdate().strftime("%d/%m/%Y"),
        "introduction": "Bonjour,\n\nVoici les nouvelles.",
        "stories-TOTAL_FORMS": "4",  # with the empty row a new story would take
        "stories-INITIAL_FORMS": "3",
        "stories-MIN_NUM_FORMS": "0",
        "stories-MAX_NUM_FORMS": "1000",
    }
    for n, (story, position) in enumerate(zip(stories, (2, 1, 9), strict=True)):
        data |= {
            f"stories-{n}-id": story.pk,
            f"stories-{n}-edition": digest.pk,
            f"stories-{n}-article": story.article_id,
            f"stories-{n}-position": position,
        }
    data["stories-2-DELETE"] = "on"
    answer = desk.post(url("change", digest), data)
    assert answer.status_code == 302, [
        f.errors for f in answer.context["inline_admin_formsets"][0].formset.forms
    ] + [answer.context["adminform"].form.errors]
    digest.refresh_from_db()
    assert digest.introduction == "Bonjour,\n\nVoici les nouvelles."
    assert digest.articles() == [stories[1].article, stories[0].article]


def test_the_preview_shows_the_email_and_the_whatsapp_text_with_a_copy_button(editor, digest):
    page = client_for(editor).get(url("preview", digest)).content.decode()
    assert "<iframe" in page and "srcdoc=" in page and "sandbox" in page
    assert 'id="whatsapp-text"' in page and 'data-copy="whatsapp-text"' in page
    assert "%%" not in page


def test_a_test_goes_to_the_editor_from_the_desk(editor, digest):
    reader("a@example.org")
    answer = client_for(editor).post(url("send_test", digest))
    assert answer.status_code == 302
    assert [m.to for m in mail.outbox] == [[editor.email]]


def test_scheduling_reads_the_time_in_the_sites_time_zone(editor, digest, settings):
    settings.TIME_ZONE = "Asia/Tokyo"  # nine hours from UTC: a time read as UTC would show
    when = (timezone.localtime() + timedelta(days=1)).replace(second=0, microsecond=0)
    client_for(editor).post(url("schedule", digest), {"send_at": when.strftime("%Y-%m-%dT%H:%M")})
    digest.refresh_from_db()
    assert digest.state == Edition.State.SCHEDULED and digest.send_at == when
    assert digest.scheduled_by == editor

    client_for(editor).post(url("unschedule", digest))
    digest.refresh_from_db()
    assert digest.state == Edition.State.DRAFT and digest.send_at is None


@pytest.mark.parametrize("value", ["", "demain", "2026-13-40T25:00", "2020-01-01T08:00"])
def test_a_bad_sending_time_is_refused_and_changes_nothing(editor, digest, value):
    answer = client_for(editor).post(url("schedule", digest), {"send_at": value}, follow=True)
    assert answer.status_code == 200
    assert any(m.level_tag == "error" for m in answer.context["messages"])
    assert Edition.objects.get(pk=digest.pk).state == Edition.State.DRAFT


def test_send_now_sends(editor, digest, django_capture_on_commit_callbacks):
    reader("a@example.org")
    with django_capture_on_commit_callbacks(execute=True):
        client_for(editor).post(url("schedule", digest), {"now": "1"})
    assert [m.to for m in mail.outbox] == [["a@example.org"]]
    assert Edition.objects.get(pk=digest.pk).state == Edition.State.SENT
    page = client_for(editor).get(url("change", digest)).content.decode()
    assert url("schedule", digest) not in page and 'class="delivery-sent"' in page


def test_journalists_and_outsiders_see_nothing_and_forge_nothing(journalist, outsider, digest):
    for user in (journalist, outsider):
        desk = client_for(user)
        assert desk.get(url("changelist")).status_code == 403
        assert desk.get(url("preview", digest)).status_code == 403
        for step in ("schedule", "send_test", "unschedule"):
            assert desk.post(url(step, digest), {"now": "1"}).status_code == 403
        assert desk.post(url("new_digest")).status_code == 403
    assert Edition.objects.get(pk=digest.pk).state == Edition.State.DRAFT
    assert Edition.objects.count() == 1 and not mail.outbox


def test_a_sent_edition_is_read_only_on_the_desk(editor, digest, committed):
    committed(digest.schedule, editor)
    desk = client_for(editor)
    story = digest.stories.first()
    answer = desk.post(url("change", digest), {"subject": "Réécrit", "kind": "digest"})
    assert answer.status_code == 403
    assert desk.post(url("delete", digest), {"post": "yes"}).status_code == 403
    bulk = {"action": "delete_selected", "_selected_action": [digest.pk], "post": "yes"}
    desk.post(url("changelist"), bulk)
    assert Edition.objects.filter(pk=digest.pk).exists()
    assert Edition.objects.get(pk=digest.pk).subject != "Réécrit"
    assert EditionStory.objects.filter(pk=story.pk).exists()


def test_a_published_articles_desk_page_offers_editors_an_alert(editor, journalist, news):
    change = reverse("admin:articles_article_change", args=[news[0].pk])
    alert = f"{url('add')}?article={news[0].pk}"
    assert alert in client_for(editor).get(change).content.decode()
    assert alert not in client_for(journalist).get(change).content.decode()

    form = client_for(editor).get(alert)
    assert form.context["adminform"].form.initial["subject"] == news[0].headline
    [inline] = form.context["inline_admin_formsets"]
    assert inline.formset.forms[0].initial["article"] == news[0].pk


def test_only_published_articles_can_be_chosen(editor, digest, draft):
    data = {
        "kind": "digest",
        "subject": "Avec un brouillon",
        "day": timezone.localdate().strftime("%d/%m/%Y"),
        "stories-TOTAL_FORMS": "1",
        "stories-INITIAL_FORMS": "0",
        "stories-MIN_NUM_FORMS": "0",
        "stories-MAX_NUM_FORMS": "1000",
        "stories-0-article": draft.pk,
        "stories-0-position": 1,
    }
    answer = client_for(editor).post(url("change", digest), data)
    assert answer.status_code == 200  # the form again, with its error
    assert not digest.stories.filter(article=draft).exists()


def test_an_editor_deletes_a_draft(editor, digest):
    answer = client_for(editor).post(url("delete", digest), {"post": "yes"})
    assert answer.status_code == 302 and not Edition.objects.exists()


def test_the_list_costs_the_same_however_many_editions_were_sent(
    editor, news, committed, django_assert_num_queries
):
    for email in ("a@example.org", "b@example.org"):
        reader(email)
    desk = client_for(editor)

    def sent_edition():
        edition = build.digest(editor)
        committed(edition.schedule, editor)

    sent_edition()
    desk.get(url("changelist"))  # the session and permissions, once
    with django_assert_num_queries(9) as first:
        desk.get(url("changelist"))
    for _ in range(3):
        sent_edition()
    with django_assert_num_queries(len(first.captured_queries)):
        page = desk.get(url("changelist")).content.decode()
    assert page.count("2 / 2") == 4  # each edition's deliveries done, of its recipients
