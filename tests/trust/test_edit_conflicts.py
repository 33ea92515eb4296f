"""Nobody overwrites anybody: optimistic locking on every save path."""

import pytest
from django.db import transaction
from django.urls import reverse

from articles import workflow
from articles.models import Article
from articles.models.article import EditConflict
from tests.admin_forms import article_post
from tests.conftest import client_for


def change(article):
    return reverse("admin:articles_article_change", args=[article.pk])


def test_second_save_from_the_same_version_is_refused_and_keeps_its_text(
    in_review, editor, admin_user
):
    first, second = client_for(editor), client_for(admin_user)
    opened = Article.objects.get(pk=in_review.pk)  # both opened this version
    data_first = article_post(
        opened, headline="Version de Mariam", started_version=str(opened.version)
    )
    data_second = article_post(
        opened,
        headline="Version de l’admin",
        body="<p>Mon long texte.</p>",
        started_version=str(opened.version),
    )
    assert first.post(change(in_review), data_first).status_code == 302
    response = second.post(change(in_review), data_second)
    assert response.status_code == 200
    html = response.content.decode()
    assert "mariam" in html.lower() and "titre" in html.lower()  # who, and what changed
    assert "Version de l’admin" in html and "Mon long texte." in html  # nothing lost
    assert Article.objects.get(pk=in_review.pk).headline == "Version de Mariam"
    # Having seen it, a second click saves deliberately.
    form_version = response.context["adminform"].form.data["started_version"]
    retry = second.post(change(in_review), {**data_second, "started_version": form_version})
    assert retry.status_code == 302
    assert Article.objects.get(pk=in_review.pk).headline == "Version de l’admin"


def test_stale_copy_cannot_be_saved_through_the_model(draft):
    mine = Article.objects.get(pk=draft.pk)
    theirs = Article.objects.get(pk=draft.pk)
    theirs.headline = "La leur"
    theirs.save()
    mine.headline = "La mienne"
    with pytest.raises(EditConflict), transaction.atomic():
        mine.save()
    assert Article.objects.get(pk=draft.pk).headline == "La leur"


def test_state_change_from_a_stale_page_is_refused(
    in_review, editor, journalist, django_capture_on_commit_callbacks
):
    opened_version = in_review.version
    fresh = Article.objects.get(pk=in_review.pk)
    fresh.headline = "Modifié entre-temps"
    with django_capture_on_commit_callbacks(execute=True):  # the save's revision, as committed
        workflow.save_by(fresh, editor)
    response = client_for(journalist).post(
        reverse("admin:articles_article_transition", args=[in_review.pk]),
        {"_transition": "withdraw", "_version": str(opened_version)},
        follow=True,
    )
    assert response.redirect_chain[0][1] == 302
    assert Article.objects.get(pk=in_review.pk).status == "review"
    # Who did what, and when, so the journalist knows what to look at.
    refusal = str(next(iter(response.context["messages"])))
    name = editor.get_full_name() or editor.username
    assert name in refusal and "enregistré une modification" in refusal


def test_two_editors_publishing_once(in_review, editor, admin_user):
    first = Article.objects.get(pk=in_review.pk)
    second = Article.objects.get(pk=in_review.pk)
    workflow.apply_transition(first, "publish", editor)
    with pytest.raises(workflow.WorkflowError, match="Publié|Published"):
        workflow.apply_transition(second, "publish", admin_user)
    assert in_review.transitions.filter(name="publish").count() == 1
