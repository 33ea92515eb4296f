"""Issue 31: while someone types, the form keeps an autosave on the server (never the article,
its history or its workflow), offered back on reopening, with who and when."""

from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from django.test import Client
from django.urls import reverse
from django.utils import formats, timezone

from articles import workflow
from articles.models import Article, Revision, Transition
from tests.admin_forms import article_post
from tests.conftest import client_for
from tests.factories import ArticleFactory, UserFactory

TYPED = {
    "headline": "Le barrage de Kossou tient encore",
    "standfirst": "Les eaux montent depuis trois jours.",
    "body": '<p onclick="steal()">Les pêcheurs attendent.</p><script>steal()</script>',
}
KEPT_BODY = "<p>Les pêcheurs attendent.</p>"
LATER = timedelta(seconds=31)


def autosave_url(article):
    return reverse("admin:articles_article_autosave", args=[article.pk])


def discard_url(article):
    return reverse("admin:articles_article_discard_autosave", args=[article.pk])


def change_url(article):
    return reverse("admin:articles_article_change", args=[article.pk])


def everything_but_autosaves(article):
    """The article's row, its workflow and its numbered history, as stored."""
    return {
        "article": Article.objects.filter(pk=article.pk).values().get(),
        "transitions": list(Transition.objects.filter(article=article).values()),
        "revisions": list(Revision.objects.filter(article=article).values()),
    }


def kept_at(article):
    return Revision.autosaves.get(article=article).created_at


def autosaves(article):
    return {kept.user.username: kept.data for kept in Revision.autosaves.filter(article=article)}


def test_an_autosave_keeps_the_typed_text_and_changes_nothing_else(
    draft, journalist, django_capture_on_commit_callbacks
):
    before = everything_but_autosaves(draft)
    with django_capture_on_commit_callbacks() as after_commit:
        response = client_for(journalist).post(autosave_url(draft), TYPED)
    assert response.status_code == 200
    assert datetime.fromisoformat(response.json()["saved_at"]) <= datetime.now(UTC)
    assert response.json()["time"] == formats.time_format(timezone.localtime(kept_at(draft)))
    assert autosaves(draft) == {"awa": {**TYPED, "body": KEPT_BODY}}
    kept = Revision.autosaves.get(article=draft)
    assert (kept.is_autosave, kept.number, kept.version) == (True, None, draft.version)
    assert everything_but_autosaves(draft) == before
    assert after_commit == []  # no revision recorded, no page bumped, nobody notified


def test_the_revision_history_does_not_list_autosaves(
    draft, journalist, django_capture_on_commit_callbacks
):
    client = client_for(journalist)
    with django_capture_on_commit_callbacks(execute=True):  # the revision is kept then
        client.post(change_url(draft), article_post(draft, headline="Première version"))
    client.post(autosave_url(draft), TYPED)
    response = client.get(reverse("admin:articles_article_revisions", args=[draft.pk]))
    assert [r.is_autosave for r in response.context["revisions"]] == [False]
    assert TYPED["headline"] not in response.content.decode()


def test_each_autosave_replaces_that_persons_previous_one(draft, journalist, editor):
    client_for(journalist).post(autosave_url(draft), TYPED)
    client_for(editor).post(autosave_url(draft), {**TYPED, "headline": "Titre de Mariam"})
    with time_machine.travel(LATER):
        response = client_for(journalist).post(autosave_url(draft), {**TYPED, "body": "<p>Fin</p>"})
    assert response.status_code == 200
    assert autosaves(draft) == {
        "awa": {**TYPED, "body": "<p>Fin</p>"},
        "mariam": {**TYPED, "headline": "Titre de Mariam", "body": KEPT_BODY},
    }


def test_a_second_autosave_within_the_interval_is_refused_and_stores_nothing(draft, journalist):
    client = client_for(journalist)
    client.post(autosave_url(draft), TYPED)
    with time_machine.travel(timedelta(seconds=29)):
        response = client.post(autosave_url(draft), {**TYPED, "headline": "Trop tôt"})
    assert response.status_code == 429
    assert response["Retry-After"] == "30"
    assert autosaves(draft) == {"awa": {**TYPED, "body": KEPT_BODY}}


def test_the_interval_follows_the_setting(draft, journalist, settings):
    settings.AUTOSAVE_SECONDS = 5
    client = client_for(journalist)
    client.post(autosave_url(draft), TYPED)
    with time_machine.travel(timedelta(seconds=6)):
        assert client.post(autosave_url(draft), {**TYPED, "headline": "Après"}).status_code == 200
    assert autosaves(draft)["awa"]["headline"] == "Après"


@pytest.mark.parametrize(
    ("who", "state", "status"),
    [
        ("colleague", "draft", 404),  # someone else's draft: as if it did not exist
        ("outsider", "draft", 404),
        ("author", "review", 403),  # submitted: only editors change it now
        ("author", "published", 403),
    ],
)
def test_whoever_may_not_edit_the_article_is_refused_and_nothing_is_stored(
    people, article_in, who, state, status
):
    article = article_in(state)
    before = everything_but_autosaves(article)
    response = client_for(people[who]).post(autosave_url(article), TYPED)
    assert response.status_code == status
    assert not Revision.autosaves.exists()
    assert everything_but_autosaves(article) == before


def test_an_editor_may_autosave_a_published_article(article_in, editor):
    article = article_in("published")
    assert client_for(editor).post(autosave_url(article), TYPED).status_code == 200
    assert list(autosaves(article)) == ["mariam"]


def test_anonymous_and_non_staff_posts_are_refused(draft, journalist):
    reader = UserFactory(username="lecteur", is_staff=False)
    for client in (Client(), client_for(reader)):
        response = client.post(autosave_url(draft), TYPED)
        assert response.status_code == 302 and "/login/" in response["Location"]
    assert client_for(journalist).get(autosave_url(draft)).status_code == 405
    assert not Revision.autosaves.exists()


def test_a_cross_site_post_is_refused(draft, journalist):
    client = Client(enforce_csrf_checks=True)
    client.force_login(journalist)
    assert client.post(autosave_url(draft), TYPED).status_code == 403
    assert not Revision.autosaves.exists()


@pytest.mark.parametrize(
    "bad",
    [{"headline": "x" * 201}, {"standfirst": "x" * 601}, {"headline": "nul\x00"}],
)
def test_text_the_article_could_not_hold_is_refused(draft, journalist, bad):
    response = client_for(journalist).post(autosave_url(draft), {**TYPED, **bad})
    assert response.status_code == 400
    assert list(response.json()["errors"]) == list(bad)
    assert not Revision.autosaves.exists()


def test_saving_the_article_drops_that_persons_autosave_only(draft, journalist, editor):
    client_for(journalist).post(autosave_url(draft), TYPED)
    client_for(editor).post(autosave_url(draft), TYPED)
    response = client_for(journalist).post(
        change_url(draft), article_post(draft, headline=TYPED["headline"])
    )
    assert response.status_code == 302
    assert list(autosaves(draft)) == ["mariam"]


def test_a_refused_save_keeps_the_autosave(draft, journalist):
    client_for(journalist).post(autosave_url(draft), TYPED)
    response = client_for(journalist).post(change_url(draft), article_post(draft, headline=""))
    assert response.status_code == 200  # the form, with its error
    assert list(autosaves(draft)) == ["awa"]


AT = datetime(2026, 12, 6, 13, 5, tzinfo=UTC)


def test_reopening_offers_the_autosave_with_who_and_when_in_french(journalist, settings):
    settings.TIME_ZONE = "Europe/Paris"  # 14 h 05 there
    with time_machine.travel(AT - timedelta(hours=1)):
        draft = ArticleFactory(authors=[journalist.author_profile])
    with time_machine.travel(AT):
        client_for(journalist).post(autosave_url(draft), TYPED)
    response = client_for(journalist).get(change_url(draft))
    offer = response.context["autosave"]["offer"]
    assert offer == Revision.autosaves.get(article=draft)
    page = response.content.decode()
    assert 'id="autosave-offer"' in page
    assert "Awa Koné" in page and "6 décembre 2026" in page and "14 h 05" in page
    assert 'id="autosave-text"' in page and "Kossou" in page


def test_an_editor_is_offered_the_journalists_autosave(draft, journalist, editor):
    client_for(journalist).post(autosave_url(draft), TYPED)
    offer = client_for(editor).get(change_url(draft)).context["autosave"]["offer"]
    assert offer.user == journalist


def test_ones_own_autosave_comes_first(draft, journalist, editor):
    client_for(journalist).post(autosave_url(draft), TYPED)
    with time_machine.travel(LATER):
        client_for(editor).post(autosave_url(draft), {**TYPED, "headline": "Titre de Mariam"})
        offer = client_for(journalist).get(change_url(draft)).context["autosave"]["offer"]
    assert offer.user == journalist


def test_no_offer_once_the_article_was_saved_since_or_for_the_same_text(draft, journalist):
    client = client_for(journalist)
    same = {"headline": draft.headline, "standfirst": draft.standfirst, "body": draft.body}
    client.post(autosave_url(draft), same)
    client.post(autosave_url(draft), {})  # too soon: nothing
    assert client.get(change_url(draft)).context["autosave"]["offer"] is None  # same text
    Revision.autosaves.all().delete()
    client.post(autosave_url(draft), TYPED)
    with time_machine.travel(LATER):
        workflow.save_by(Article.objects.get(pk=draft.pk), journalist)
        assert client.get(change_url(draft)).context["autosave"]["offer"] is None


def test_no_autosave_for_whoever_may_only_read_the_article(article_in, journalist, editor):
    article = article_in("published")
    client_for(editor).post(autosave_url(article), TYPED)
    response = client_for(journalist).get(change_url(article))
    assert response.status_code == 200 and response.context["autosave"] is None
    assert 'id="autosave"' not in response.content.decode()


def test_the_add_page_has_no_autosave(journalist):
    response = client_for(journalist).get(reverse("admin:articles_article_add"))
    assert response.context.get("autosave") is None


def test_ignore_sets_the_autosave_aside(draft, journalist, editor):
    client_for(journalist).post(autosave_url(draft), TYPED)
    kept = Revision.autosaves.get()
    response = client_for(editor).post(discard_url(draft), {"autosave": kept.pk})
    assert response.status_code == 204
    assert not Revision.autosaves.exists()


@pytest.mark.parametrize("value", ["", "abc", "9" * 40, "²"])
def test_ignore_with_a_bad_id_is_refused(draft, journalist, value):
    client_for(journalist).post(autosave_url(draft), TYPED)
    response = client_for(journalist).post(discard_url(draft), {"autosave": value})
    assert response.status_code == 400
    assert Revision.autosaves.count() == 1


def test_ignore_is_refused_to_whoever_may_not_edit(article_in, journalist, editor):
    article = article_in("published")
    client_for(editor).post(autosave_url(article), TYPED)
    kept = Revision.autosaves.get()
    response = client_for(journalist).post(discard_url(article), {"autosave": kept.pk})
    assert response.status_code == 403
    assert Revision.autosaves.count() == 1


def test_an_autosave_takes_a_fixed_number_of_queries(draft, journalist, django_assert_num_queries):
    client = client_for(journalist)
    # session, user, their permissions (2), the article, its byline: 6; then one update
    # that finds nothing to replace, and the insert in a savepoint (3).
    with django_assert_num_queries(10):
        assert client.post(autosave_url(draft), TYPED).status_code == 200
    with time_machine.travel(LATER), django_assert_num_queries(7):
        assert client.post(autosave_url(draft), TYPED).status_code == 200  # one update
