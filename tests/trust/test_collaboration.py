"""Who is editing, taking over, and a journalist's edit of a scheduled article."""

from datetime import timedelta

from django.urls import reverse
from django.utils import timezone

from articles import workflow
from articles.models import Article, EditSession, Status
from tests.admin_forms import article_post
from tests.conftest import client_for


def change(article):
    return reverse("admin:articles_article_change", args=[article.pk])


def test_second_person_sees_who_is_editing_and_an_editor_can_take_over(
    in_review, editor, admin_user
):
    client_for(editor).get(change(in_review))
    page = client_for(admin_user).get(change(in_review)).content.decode()
    assert "Mariam Sy" in page and 'form="take_over_form"' in page
    response = client_for(admin_user).post(
        reverse("admin:articles_article_take_over", args=[in_review.pk])
    )
    assert response.status_code == 302
    assert EditSession.objects.get(article=in_review).user == admin_user
    state = (
        client_for(editor)
        .post(reverse("admin:articles_article_editing", args=[in_review.pk]))
        .json()
    )
    assert state["mine"] is False and state["holder"] == "root"


def test_journalist_cannot_take_over(draft, journalist, colleague, editor):
    client_for(editor).get(change(draft))
    response = client_for(journalist).post(
        reverse("admin:articles_article_take_over", args=[draft.pk])
    )
    assert response.status_code == 403
    assert EditSession.objects.get(article=draft).user == editor


def test_a_stale_session_is_not_shown(draft, journalist, editor):
    client_for(editor).get(change(draft))
    EditSession.objects.filter(article=draft).update(seen_at=timezone.now() - timedelta(minutes=10))
    page = client_for(journalist).get(change(draft)).content.decode()
    assert 'class="edit-session-banner" role="alert">' not in page


def test_journalist_edit_of_a_scheduled_article_sends_it_back_to_review(
    in_review, editor, journalist
):
    when = timezone.now() + timedelta(hours=5)
    workflow.apply_transition(in_review, "schedule", editor, when=when)
    approved = in_review.transitions.get(name="schedule").revision
    article = Article.objects.get(pk=in_review.pk)
    response = client_for(journalist).post(
        change(article), article_post(article, headline="Ajout après approbation")
    )
    assert response.status_code == 302
    article = Article.objects.get(pk=in_review.pk)
    assert article.status == Status.REVIEW and article.published_at is None
    assert article.transitions.last().name == "recall"
    assert approved.data["headline"] != "Ajout après approbation"
    assert not Article.objects.published().filter(pk=article.pk).exists()


def test_editor_edit_of_a_scheduled_article_keeps_it_scheduled(in_review, editor):
    workflow.apply_transition(
        in_review, "schedule", editor, when=timezone.now() + timedelta(hours=5)
    )
    article = Article.objects.get(pk=in_review.pk)
    client_for(editor).post(
        change(article), article_post(article, headline="Corrigé par l’éditrice")
    )
    assert Article.objects.get(pk=in_review.pk).state == "scheduled"
