"""Issue 31, the desk's bugs: impossible publication dates, a publication time that lost its
fractional seconds, "view on site" for an article readers cannot see, and a presence warning
that outlived the person."""

import re
from datetime import UTC, datetime, timedelta

import pytest
from django.contrib.messages import get_messages
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone

from articles import workflow
from articles.models import Article, EditSession
from articles.models.lock import LIVE_FOR
from tests.admin_forms import article_post
from tests.conftest import client_for

YEAR_ONE = datetime(1, 1, 1, 10, 0, tzinfo=UTC)
EDGES = [datetime(1900, 1, 1, tzinfo=UTC), datetime(2200, 12, 31, 23, 59, 59, tzinfo=UTC)]
BANNER = 'class="edit-session-banner" role="alert">'


def change(article):
    return reverse("admin:articles_article_change", args=[article.pk])


def shown_publication_time(page: str) -> dict:
    """The publication time as the change form shows it, as a browser would send it back."""
    return {
        name: re.search(rf'name="{name}" value="([^"]*)"', page).group(1)
        for name in ("published_at_0", "published_at_1")
    }


# --- 1. publication dates outside 1900–2200 ---------------------------------------------
@pytest.mark.parametrize("day", ["01/01/0001", "31/12/9999"])
def test_the_admin_form_refuses_a_publication_date_outside_the_range(published, editor, day):
    before = Article.objects.get(pk=published.pk)
    data = article_post(before, published_at_0=day, published_at_1="10:00:00")
    response = client_for(editor).post(change(published), data)
    assert response.status_code == 200
    assert "Choisissez une date entre 1900 et 2200." in response.content.decode()
    after = Article.objects.get(pk=published.pk)
    assert after.published_at == before.published_at and after.version == before.version


@pytest.mark.parametrize("when", ["0001-01-01T10:00", "9999-12-31T23:59"])
def test_scheduling_outside_the_range_says_which_dates_are_allowed(in_review, editor, when):
    response = client_for(editor).post(
        reverse("admin:articles_article_transition", args=[in_review.pk]),
        {"_transition": "schedule", "_publish_at": when, "_version": str(in_review.version)},
    )
    assert response.status_code == 302
    assert [str(m) for m in get_messages(response.wsgi_request)] == [
        "Choisissez une date entre 1900 et 2200."
    ]
    in_review.refresh_from_db()
    assert in_review.status == "review" and in_review.published_at is None
    assert not in_review.transitions.filter(name="schedule").exists()


def test_the_workflow_refuses_year_one_as_outside_the_range(in_review, editor):
    with pytest.raises(workflow.ValidationError) as refused:
        workflow.apply_transition(in_review, "schedule", editor, when=YEAR_ONE)
    assert refused.value.message_dict["publish_at"] == ["Choisissez une date entre 1900 et 2200."]
    assert Article.objects.get(pk=in_review.pk).status == "review"


def test_no_impossible_date_can_be_stored_even_by_a_direct_update(published):
    with pytest.raises(IntegrityError), transaction.atomic():
        Article.objects.filter(pk=published.pk).update(published_at=YEAR_ONE)
    assert Article.objects.get(pk=published.pk).published_at.year == timezone.now().year


@pytest.mark.parametrize("when", EDGES)
def test_the_article_page_sitemap_and_editors_list_render_the_ranges_ends(
    client, published, editor, when
):
    Article.objects.filter(pk=published.pk).update(published_at=when, first_published_at=when)
    if when < timezone.now():  # the far end is a scheduled article: no public page yet
        assert client.get(published.get_absolute_url()).status_code == 200
    sitemap = client.get("/sitemap-articles.xml")
    assert sitemap.status_code == 200
    staff = client_for(editor)
    changelist = reverse("admin:articles_article_changelist")
    local = timezone.localtime(when)  # 1900's first minutes are still 1899 in Abidjan
    month = f"?published_at__year={local.year}&published_at__month={local.month}"
    for query in ("", month, f"{month}&published_at__day={local.day}"):
        response = staff.get(changelist + query)
        assert response.status_code == 200, query
        assert published.headline in response.content.decode(), query
    for year in (1899, 2201):  # a year either side, for the ends' local time
        assert staff.get(f"{changelist}?published_at__year={year}").status_code == 200
    assert staff.get(change(published)).status_code == 200


@pytest.mark.parametrize(
    "query",
    [
        "published_at__year=9999",
        "published_at__year=9999&published_at__month=12",
        "published_at__year=9999&published_at__month=12&published_at__day=31",
        "published_at__year=1",
    ],
)
def test_the_editors_list_refuses_a_year_outside_the_range_without_a_500(editor, query):
    staff = client_for(editor)
    staff.raise_request_exception = False
    response = staff.get(f"{reverse('admin:articles_article_changelist')}?{query}")
    assert response.status_code == 400


# --- 2. the publication time keeps its fractional seconds ------------------------------
def test_saving_a_published_article_keeps_its_publication_time_exactly(
    published, editor, committed
):
    stored = Article.objects.get(pk=published.pk).published_at
    assert stored.microsecond  # set by publishing: now(), to the microsecond
    staff = client_for(editor)
    shown = shown_publication_time(staff.get(change(published)).content.decode())
    article = Article.objects.get(pk=published.pk)
    data = article_post(article, headline="Titre corrigé", **shown)
    assert committed(staff.post, change(published), data).status_code == 302
    saved = Article.objects.get(pk=published.pk)
    assert saved.headline == "Titre corrigé" and saved.published_at == stored
    assert saved.revisions.first().data["published_at"] == stored.isoformat()


def test_a_changed_publication_time_is_still_saved(published, editor):
    article = Article.objects.get(pk=published.pk)
    data = article_post(article, published_at_0="02/01/2025", published_at_1="08:30:00")
    assert client_for(editor).post(change(published), data).status_code == 302
    assert Article.objects.get(pk=published.pk).published_at == datetime(
        2025, 1, 2, 8, 30, tzinfo=UTC
    )


def test_an_edit_conflict_does_not_list_an_unchanged_publication_time(
    published, editor, admin_user, committed
):
    first, second = client_for(editor), client_for(admin_user)
    opened = Article.objects.get(pk=published.pk)
    shown = shown_publication_time(first.get(change(published)).content.decode())
    started = {"started_version": str(opened.version), **shown}
    mine = article_post(opened, headline="Version de Mariam", **started)
    assert committed(first.post, change(published), mine).status_code == 302
    theirs = article_post(opened, standfirst="Chapô de l’admin", **started)
    response = committed(second.post, change(published), theirs)
    assert response.status_code == 200
    conflict = re.search(r"modifications\s:\s([^)]*)\)", response.content.decode()).group(1)
    assert conflict == "titre"  # not "titre, date de publication"
    assert Article.objects.get(pk=published.pk).standfirst == opened.standfirst


# --- 3. "view on site" on an article readers cannot see --------------------------------
def view_on_site(page: str) -> str | None:
    found = re.search(r'<a href="([^"]*)" class="viewsitelink"', page)
    return found.group(1) if found else None


@pytest.mark.parametrize("state", ["draft", "review", "scheduled", "unpublished"])
def test_view_on_site_of_an_article_readers_cannot_see_opens_its_preview(article_in, editor, state):
    article = article_in(state)
    staff = client_for(editor)
    link = view_on_site(staff.get(change(article)).content.decode())
    assert link == reverse("admin:articles_article_preview", args=[article.pk])
    preview = staff.get(link)
    assert preview.status_code == 200 and article.headline in preview.content.decode()


def test_view_on_site_of_a_published_article_opens_its_public_page(client, published, editor):
    link = view_on_site(client_for(editor).get(change(published)).content.decode())
    assert link == published.get_absolute_url()
    assert client.get(link).status_code == 200


# --- 4. presence ends when the person is done ------------------------------------------
def test_saving_ends_the_savers_presence(draft, journalist, editor):
    author = client_for(journalist)
    author.get(change(draft))
    assert EditSession.objects.filter(article=draft, user=journalist).exists()
    article = Article.objects.get(pk=draft.pk)
    assert author.post(change(draft), article_post(article, headline="Fini")).status_code == 302
    assert not EditSession.objects.filter(article=draft).exists()
    assert BANNER not in client_for(editor).get(change(draft)).content.decode()


def test_submitting_for_review_ends_the_authors_presence(draft, journalist, editor):
    author = client_for(journalist)
    author.get(change(draft))
    response = author.post(
        reverse("admin:articles_article_transition", args=[draft.pk]),
        {"_transition": "submit", "_version": str(draft.version)},
    )
    assert response.status_code == 302
    assert Article.objects.get(pk=draft.pk).status == "review"
    assert not EditSession.objects.filter(article=draft).exists()
    page = client_for(editor).get(change(draft)).content.decode()
    assert BANNER not in page and "Awa Koné has been" not in page


def test_a_refused_transition_keeps_the_presence(in_review, editor):
    staff = client_for(editor)
    staff.get(change(in_review))
    staff.post(
        reverse("admin:articles_article_transition", args=[in_review.pk]),
        {"_transition": "send_back", "_version": str(in_review.version)},  # no comment
    )
    assert Article.objects.get(pk=in_review.pk).status == "review"
    assert EditSession.objects.filter(article=in_review, user=editor).exists()


def test_leaving_the_page_ends_ones_own_presence_only(draft, journalist, editor):
    client_for(journalist).get(change(draft))
    leave = reverse("admin:articles_article_editing_leave", args=[draft.pk])
    staff = client_for(editor)
    assert staff.post(leave).status_code == 204  # someone else's presence stays
    assert EditSession.objects.filter(article=draft, user=journalist).exists()
    author = client_for(journalist)
    assert author.get(leave).status_code == 405
    assert author.post(leave).status_code == 204
    assert not EditSession.objects.filter(article=draft).exists()
    assert BANNER not in staff.get(change(draft)).content.decode()


def test_leaving_is_refused_to_someone_who_cannot_edit_the_article(draft, colleague):
    leave = reverse("admin:articles_article_editing_leave", args=[draft.pk])
    assert client_for(colleague).post(leave).status_code in (403, 404)


def test_the_change_page_tells_the_browser_where_to_say_it_left(draft, journalist):
    page = client_for(journalist).get(change(draft)).content.decode()
    leave = reverse("admin:articles_article_editing_leave", args=[draft.pk])
    assert f'data-leave="{leave}"' in page


def test_a_presence_not_refreshed_for_ninety_seconds_is_not_shown(draft, journalist, editor):
    assert timedelta(seconds=60) < LIVE_FOR <= timedelta(seconds=90)
    client_for(journalist).get(change(draft))
    staff = client_for(editor)
    EditSession.objects.update(seen_at=timezone.now() - timedelta(seconds=30))
    assert BANNER in staff.get(change(draft)).content.decode()
    EditSession.objects.update(seen_at=timezone.now() - timedelta(seconds=95))
    assert BANNER not in staff.get(change(draft)).content.decode()
    assert EditSession.objects.get(article=draft).user == editor
