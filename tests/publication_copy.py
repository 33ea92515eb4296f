"""What the bylines' and the taggings' copies of an article's publication time must follow
(articles/migrations/_publication_copies.py)."""

from datetime import timedelta

from django.utils import timezone

from articles import workflow
from articles.models import Article
from tests.public.conftest import PUBLISHED_AT


def assert_in_step(article, copies):
    """`copies(article)`: the publication times the copying table holds for it."""
    article.refresh_from_db()
    assert copies(article) == {article.published_at}


def walk_publication_times(article, journalist, editor, copies):
    """Every way the article's time is written, the copies checked after each; it ends
    published, back-dated past the models."""
    assert copies(article) == {None}  # a draft: no time, nothing to list
    later = timezone.now() + timedelta(hours=3)
    workflow.apply_transition(article, "schedule", editor, when=later)
    assert_in_step(article, copies)
    article.standfirst = "Changé par son autrice : l’article revient en relecture."
    article.save_by(journalist)  # recalled: no time any more
    assert copies(article) == {None}
    workflow.apply_transition(article, "publish", editor)
    assert_in_step(article, copies)
    workflow.apply_transition(article, "unpublish", editor)
    assert_in_step(article, copies)  # still its time: the article's status says it is not public
    workflow.apply_transition(article, "publish", editor)
    # Written past the models: a back-dated publication, as the demo and the tests do.
    Article.objects.filter(pk=article.pk).update(published_at=PUBLISHED_AT)
    assert_in_step(article, copies)
