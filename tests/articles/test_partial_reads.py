"""An article read in part (`only()`, `defer()`) is stored whole by a save or a workflow
step: django-fsm reads the state again with each deferred field, and Django copied that
read over the step's new state, which was never stored."""

import pytest

from articles import workflow
from articles.models import Article, Status


def test_a_step_on_an_article_read_in_part_is_stored(in_review, editor):
    loaded = Article.objects.only("id", "headline").get(pk=in_review.pk)
    workflow.apply_transition(loaded, "publish", editor)
    stored = Article.objects.get(pk=in_review.pk)
    assert stored.status == Status.PUBLISHED
    assert stored.published_at is not None
    assert stored.version == in_review.version + 1
    assert stored.transitions.order_by("-pk").first().target == Status.PUBLISHED


def test_a_deferred_field_read_after_a_step_keeps_the_new_state(in_review):
    loaded = Article.objects.defer("body").get(pk=in_review.pk)
    loaded.publish()
    assert loaded.body  # read now, from the database
    assert loaded.status == Status.PUBLISHED
    assert Article.objects.get(pk=in_review.pk).status == Status.REVIEW  # not saved yet


def test_an_article_read_in_part_is_saved_with_all_its_text(published, editor):
    loaded = Article.objects.only("id", "headline", "status").get(pk=published.pk)
    loaded.headline = "Un titre revu"
    workflow.save_by(loaded, editor)
    stored = Article.objects.get(pk=published.pk)
    assert stored.headline == "Un titre revu"
    assert stored.body == published.body and stored.slug == published.slug
    assert stored.status == Status.PUBLISHED


def test_a_step_on_a_stale_article_read_in_part_is_refused(in_review, editor):
    stale = Article.objects.only("id", "headline", "status").get(pk=in_review.pk)
    workflow.apply_transition(Article.objects.get(pk=in_review.pk), "send_back", editor, "À revoir")
    with pytest.raises(workflow.WorkflowError):
        workflow.apply_transition(stale, "publish", editor)
    assert Article.objects.get(pk=in_review.pk).status == Status.DRAFT
