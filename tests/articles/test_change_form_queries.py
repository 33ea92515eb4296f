"""Opening an article costs the same queries however long its history: its revisions,
bylines, tags, workflow steps and log (issue 37). Saving: tests/articles/test_desk_saving.py."""

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from articles import workflow
from articles.models import Article
from tests.conftest import client_for
from tests.factories import AuthorFactory


def change(article) -> str:
    return reverse("admin:articles_article_change", args=[article.pk])


def opening(client, article) -> int:
    with CaptureQueriesContext(connection) as opened:
        assert client.get(change(article)).status_code == 200
    return len(opened)


def grow_history(article, editor, times):
    for i in range(times):
        article = Article.objects.get(pk=article.pk)
        article.headline = f"{article.headline} ({i})"
        workflow.save_by(article, editor)  # a revision
        article.bylines.create(author=AuthorFactory(), position=10 + i)
        article.tags.add(f"sujet-{article.pk}-{i}")
        workflow.log_note(article, editor, "update", f"Mise à jour {i}.")
        workflow.apply_transition(article, "unpublish", editor, comment=f"Retrait {i}.")
        workflow.apply_transition(article, "publish", editor)


def test_opening_does_not_grow_with_the_articles_history(published, editor):
    client = client_for(editor)
    grow_history(published, editor, 1)
    opening(client, published)  # the first opening of a session claims the article
    short = opening(client, published)
    grow_history(published, editor, 6)
    opening(client, published)
    assert opening(client, published) == short == 21
