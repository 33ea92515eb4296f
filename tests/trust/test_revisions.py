"""Revisions: every save kept with who and when, compared side by side, restored by the rules."""

import pytest
from django.urls import reverse

from articles import workflow
from articles.models import Article, Revision
from tests.admin_forms import article_post
from tests.conftest import client_for


def change(article):
    return reverse("admin:articles_article_change", args=[article.pk])


def revisions_url(article):
    return reverse("admin:articles_article_revisions", args=[article.pk])


def test_every_save_keeps_a_revision_with_tags_and_bylines(
    draft, journalist, colleague, django_capture_on_commit_callbacks
):
    client = client_for(journalist)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            change(draft), article_post(draft, headline="Première version", tags="Sahel, Mali")
        )
    with django_capture_on_commit_callbacks(execute=True):
        data = article_post(
            Article.objects.get(pk=draft.pk),
            headline="Deuxième version",
            bylines=[colleague.author_profile],
        )
        client.post(change(draft), data)
    first, second = Revision.objects.filter(article=draft).order_by("number")
    assert first.user == journalist and second.user == journalist
    assert first.data["headline"] == "Première version"
    assert first.data["tags"] == ["Mali", "Sahel"]
    assert second.data["authors"] == ["Awa Koné", "Yao Kouassi"]
    assert second.version > first.version


def test_unchanged_save_adds_no_revision(draft, journalist, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        client_for(journalist).post(change(draft), article_post(draft))
    count = Revision.objects.filter(article=draft).count()
    with django_capture_on_commit_callbacks(execute=True):
        client_for(journalist).post(change(draft), article_post(Article.objects.get(pk=draft.pk)))
    assert Revision.objects.filter(article=draft).count() == count


@pytest.fixture
def two_revisions(draft, journalist, django_capture_on_commit_callbacks):
    client = client_for(journalist)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            change(draft),
            article_post(draft, headline="Le barrage tient", body="<p>Les eaux montent.</p>"),
        )
    with django_capture_on_commit_callbacks(execute=True):
        fresh = Article.objects.get(pk=draft.pk)
        client.post(
            change(draft),
            article_post(fresh, headline="Le barrage cède", body="<p>Les eaux montent vite.</p>"),
        )
    return list(Revision.objects.filter(article=draft).order_by("number"))


def test_compare_marks_the_differences(two_revisions, draft, editor):
    old, new = two_revisions
    url = reverse("admin:articles_article_compare", args=[draft.pk])
    html = client_for(editor).get(url, {"a": old.number, "b": new.number}).content.decode()
    assert "<del>tient</del>" in html and "<ins>cède</ins>" in html
    assert "<del>montent.</del>" in html and "<ins>montent vite.</ins>" in html


def test_hostile_text_is_escaped_in_history_and_diffs(
    draft, journalist, editor, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        client_for(journalist).post(
            change(draft), article_post(draft, headline="<script>alert(1)</script>")
        )
    revision = Revision.objects.filter(article=draft).first()
    client = client_for(editor)
    for url in (
        revisions_url(draft),
        reverse("admin:articles_article_compare", args=[draft.pk])
        + f"?a={revision.number}&b={revision.number}",
    ):
        html = client.get(url).content.decode()
        assert "<script>alert(1)</script>" not in html


def test_restore_makes_a_new_revision(
    two_revisions, draft, journalist, django_capture_on_commit_callbacks
):
    old, _new = two_revisions
    with django_capture_on_commit_callbacks(execute=True):
        response = client_for(journalist).post(
            reverse("admin:articles_article_restore", args=[draft.pk, old.number])
        )
    assert response.status_code == 302
    assert Article.objects.get(pk=draft.pk).headline == "Le barrage tient"
    latest = Revision.objects.filter(article=draft).first()
    assert (
        latest.number == 3
        and latest.data["headline"] == "Le barrage tient"
        and latest.user == journalist
    )


def test_journalist_cannot_restore_a_published_article(two_revisions, draft, journalist, editor):
    article = Article.objects.get(pk=draft.pk)
    workflow.apply_transition(article, "submit", journalist)
    workflow.apply_transition(article, "publish", editor)
    response = client_for(journalist).post(
        reverse("admin:articles_article_restore", args=[draft.pk, two_revisions[0].number])
    )
    assert response.status_code == 403
    assert Article.objects.get(pk=draft.pk).headline == "Le barrage cède"


def test_colleague_cannot_read_the_history(two_revisions, draft, colleague):
    client = client_for(colleague)
    assert client.get(revisions_url(draft)).status_code == 404
    url = reverse("admin:articles_article_compare", args=[draft.pk])
    assert client.get(url, {"a": 1, "b": 2}).status_code == 404


def test_what_went_live_is_recorded(in_review, editor):
    step = workflow.apply_transition(in_review, "publish", editor)
    assert step.revision is not None
    assert step.revision.approved_by == editor and step.revision.approved_at is not None
    assert step.revision.data["headline"] == in_review.headline
    assert step.revision.data["status"] == "published"
