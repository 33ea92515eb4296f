"""The workflow through the real admin endpoints, including forged requests."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from articles.models import Article, Status, Transition
from tests.admin_forms import article_post
from tests.conftest import client_for
from tests.factories import ArticleFactory, SectionFactory

ADD_URL = reverse("admin:articles_article_add")


def change_url(article):
    return reverse("admin:articles_article_change", args=[article.pk])


def transition_url(article):
    return reverse("admin:articles_article_transition", args=[article.pk])


def changelist_url():
    return reverse("admin:articles_article_changelist")


def test_journalist_creates_a_draft_and_is_its_author(journalist):
    section = SectionFactory()
    data = article_post(
        headline="Le cacao ivoirien face à la sécheresse",
        standfirst="Les planteurs s’inquiètent.",
        body="<p>Texte <script>alert(1)</script></p>",
        section=str(section.pk),
        tags="Cacao, Côte d’Ivoire",
    )
    response = client_for(journalist).post(ADD_URL, data)
    assert response.status_code == 302, response.context and response.context["errors"]
    article = Article.objects.get()
    assert article.status == Status.DRAFT
    assert article.slug == "le-cacao-ivoirien-face-a-la-secheresse"
    assert article.body == "<p>Texte </p>"
    assert [b.author.user for b in article.bylines.all()] == [journalist]
    assert sorted(article.tags.names()) == ["Cacao", "Côte d’Ivoire"]


def test_journalist_submits_through_the_change_form(draft, journalist):
    data = article_post(draft, headline="Titre revu", _transition="submit")
    response = client_for(journalist).post(change_url(draft), data)
    assert response.status_code == 302
    draft.refresh_from_db()
    assert (draft.headline, draft.status) == ("Titre revu", Status.REVIEW)
    assert draft.transitions.get().name == "submit"


def test_journalist_forging_status_published_changes_nothing(draft, journalist):
    data = article_post(
        draft, status="published", published_at_0="01/01/2020", published_at_1="10:00:00"
    )
    response = client_for(journalist).post(change_url(draft), data)
    assert response.status_code == 302
    draft.refresh_from_db()
    assert draft.status == Status.DRAFT
    assert draft.published_at is None
    assert not Article.objects.published().exists()


@pytest.mark.parametrize("action", ["publish", "schedule", "send_back", "unpublish"])
def test_journalist_forging_an_editor_transition_is_refused(in_review, journalist, action):
    when = (timezone.localtime() + timedelta(days=1)).strftime("%Y-%m-%dT%H:%M")
    response = client_for(journalist).post(
        transition_url(in_review), {"_transition": action, "_comment": "x", "_publish_at": when}
    )
    assert response.status_code in (403, 302)
    in_review.refresh_from_db()
    assert in_review.status == Status.REVIEW
    assert in_review.transitions.count() == 1  # only the submission


def test_journalist_cannot_use_the_publish_action(in_review, journalist):
    response = client_for(journalist).post(
        changelist_url(), {"action": "publish_selected", "_selected_action": [in_review.pk]}
    )
    assert response.status_code in (200, 302)
    in_review.refresh_from_db()
    assert in_review.status == Status.REVIEW


def test_editor_publish_action_publishes_and_records(in_review, editor):
    response = client_for(editor).post(
        changelist_url(), {"action": "publish_selected", "_selected_action": [in_review.pk]}
    )
    assert response.status_code == 302
    in_review.refresh_from_db()
    assert in_review.status == Status.PUBLISHED
    assert in_review.transitions.last().user == editor


def test_journalist_cannot_open_or_edit_a_colleagues_draft(draft, colleague):
    client = client_for(colleague)
    assert client.get(change_url(draft)).status_code in (302, 404)
    response = client.post(change_url(draft), article_post(draft, headline="Piraté"))
    assert response.status_code in (302, 403, 404)
    draft.refresh_from_db()
    assert draft.headline != "Piraté"
    response = client.post(transition_url(draft), {"_transition": "submit"})
    assert response.status_code == 404
    assert draft.transitions.count() == 0
    delete = reverse("admin:articles_article_delete", args=[draft.pk])
    client.post(delete, {"post": "yes"})
    assert Article.objects.filter(pk=draft.pk).exists()
    assert client.get(changelist_url()).context["cl"].result_count == 0


def test_journalist_cannot_edit_own_article_in_review(in_review, journalist):
    client = client_for(journalist)
    page = client.get(change_url(in_review))
    assert page.status_code == 200  # read-only view
    response = client.post(change_url(in_review), article_post(in_review, headline="Modifié"))
    assert response.status_code == 403
    in_review.refresh_from_db()
    assert in_review.headline != "Modifié"


def test_journalist_withdraws_own_submission(in_review, journalist):
    response = client_for(journalist).post(transition_url(in_review), {"_transition": "withdraw"})
    assert response.status_code == 302
    in_review.refresh_from_db()
    assert in_review.status == Status.DRAFT


def test_editor_sends_back_with_a_required_comment(in_review, editor, journalist):
    client = client_for(editor)
    data = article_post(in_review, _transition="send_back", _comment="")
    client.post(change_url(in_review), data)
    in_review.refresh_from_db()
    assert in_review.status == Status.REVIEW

    data = article_post(in_review, _transition="send_back", _comment="Ajoutez une source.")
    client.post(change_url(in_review), data)
    in_review.refresh_from_db()
    assert in_review.status == Status.DRAFT
    # The journalist sees the comment on the article and on the admin index.
    page = client_for(journalist).get(change_url(in_review))
    assert "Ajoutez une source." in page.content.decode()
    index = client_for(journalist).get(reverse("admin:index"))
    assert "Ajoutez une source." in index.content.decode()


def test_editor_schedules_for_a_set_time(in_review, editor):
    local = timezone.localtime() + timedelta(days=1)
    local = local.replace(second=0, microsecond=0)
    response = client_for(editor).post(
        transition_url(in_review),
        {"_transition": "schedule", "_publish_at": local.strftime("%Y-%m-%dT%H:%M")},
    )
    assert response.status_code == 302
    in_review.refresh_from_db()
    assert in_review.state == "scheduled"
    assert in_review.published_at == local


def test_editor_unpublishes_and_corrects(published, editor):
    client = client_for(editor)
    data = article_post(
        published,
        **{
            "corrections-TOTAL_FORMS": "1",
            "corrections-0-kind": "correction",
            "corrections-0-text": "Une erreur de date a été corrigée.",
        },
    )
    assert client.post(change_url(published), data).status_code == 302
    assert published.corrections.get().text == "Une erreur de date a été corrigée."
    client.post(transition_url(published), {"_transition": "unpublish", "_comment": "Erreur."})
    published.refresh_from_db()
    assert published.status == Status.UNPUBLISHED


def test_journalist_cannot_set_protected_fields_on_own_draft(draft, journalist):
    data = article_post(
        draft,
        published_at_0="01/01/2020",
        published_at_1="10:00:00",
    )
    client_for(journalist).post(change_url(draft), data)
    draft.refresh_from_db()
    assert draft.published_at is None


def test_journalist_cannot_delete_a_published_article(published, journalist):
    delete = reverse("admin:articles_article_delete", args=[published.pk])
    response = client_for(journalist).post(delete, {"post": "yes"})
    assert response.status_code == 403
    assert Article.objects.filter(pk=published.pk).exists()


def test_journalist_deletes_own_unpublished_draft(draft, journalist):
    delete = reverse("admin:articles_article_delete", args=[draft.pk])
    response = client_for(journalist).post(delete, {"post": "yes"})
    assert response.status_code == 302
    assert not Article.objects.filter(pk=draft.pk).exists()


def test_nobody_bulk_deletes_a_published_article(published, editor):
    response = client_for(editor).post(
        changelist_url(),
        {"action": "delete_selected", "_selected_action": [published.pk], "post": "yes"},
    )
    assert response.status_code in (200, 403)
    assert Article.objects.filter(pk=published.pk).exists()


def test_slug_is_locked_once_published(published, editor):
    original = published.slug
    client_for(editor).post(change_url(published), article_post(published, slug="nouveau-slug"))
    published.refresh_from_db()
    assert published.slug == original


def test_transition_endpoint_refuses_get(in_review, editor):
    assert client_for(editor).get(transition_url(in_review)).status_code == 405


def test_outsider_without_group_is_refused(draft, outsider):
    client = client_for(outsider)
    assert client.get(changelist_url()).status_code == 403
    assert client.post(transition_url(draft), {"_transition": "publish"}).status_code in (403, 404)
    draft.refresh_from_db()
    assert draft.status == Status.DRAFT


def test_second_publish_is_told_it_was_already_done(in_review, editor):
    client = client_for(editor)
    client.post(transition_url(in_review), {"_transition": "publish"})
    response = client.post(transition_url(in_review), {"_transition": "publish"}, follow=True)
    assert "Publié" in response.content.decode() or "Published" in response.content.decode()
    assert Transition.objects.filter(article=in_review, name="publish").count() == 1


def test_preview_for_staff_who_may_see_it_only(draft, journalist, colleague, editor, client):
    url = reverse("admin:articles_article_preview", args=[draft.pk])
    for user in (journalist, editor):
        response = client_for(user).get(url)
        assert response.status_code == 200
        html = response.content.decode()
        assert f"<h1>{draft.headline}</h1>" in html
        assert f'<div class="article-body">{draft.body}</div>' in html
        assert {"private", "no-store"} <= set(response["Cache-Control"].split(", "))
    assert client_for(colleague).get(url).status_code == 404
    assert client.get(draft.get_absolute_url()).status_code == 404
    assert client.get(url).status_code == 302  # to the login page


def test_unrelated_articles_are_not_changed_by_a_journalist_post(draft, journalist):
    other = ArticleFactory()
    data = article_post(draft, headline="Mon titre")
    data["bylines-0-article"] = str(other.pk)
    client_for(journalist).post(change_url(draft), data)
    assert other.bylines.count() == 0


def test_journalist_without_a_profile_gets_one_on_first_article(db):
    from tests.factories import UserFactory

    newcomer = UserFactory(
        username="kader", first_name="Kader", last_name="Ouédraogo", group="Journalists"
    )
    data = article_post(headline="Premier papier", section=str(SectionFactory().pk))
    assert client_for(newcomer).post(ADD_URL, data).status_code == 302
    article = Article.objects.get()
    assert [b.author.display_name for b in article.bylines.all()] == ["Kader Ouédraogo"]
    assert article.bylines.get().author.user == newcomer


def test_journalist_removing_themselves_from_the_byline_stays_on_it(draft, journalist, colleague):
    data = article_post(draft, bylines=[colleague.author_profile])
    data["bylines-0-DELETE"] = "on"
    client_for(journalist).post(change_url(draft), data)
    authors = {b.author.user for b in draft.bylines.all()}
    assert authors == {journalist, colleague}


def test_editor_new_article_without_byline_is_signed_by_the_editor(editor):
    data = article_post(headline="Brève", section=str(SectionFactory().pk))
    client_for(editor).post(ADD_URL, data)
    assert [b.author.user for b in Article.objects.get().bylines.all()] == [editor]
