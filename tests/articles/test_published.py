"""Article.objects.published(): the one door, and scheduling without a job runner."""

from datetime import timedelta

import time_machine
from django.utils import timezone

from articles import workflow
from articles.models import Article


def test_only_published_articles_with_a_past_time_are_public(draft, published, colleague):
    from tests.factories import ArticleFactory

    in_review = ArticleFactory(authors=[colleague.author_profile])
    workflow.apply_transition(in_review, "submit", colleague)
    assert list(Article.objects.published()) == [published]


def test_scheduled_article_becomes_public_at_its_time(in_review, editor):
    when = timezone.now() + timedelta(minutes=30)
    workflow.apply_transition(in_review, "schedule", editor, when=when)
    in_review.refresh_from_db()
    assert in_review.state == "scheduled"
    assert not Article.objects.published().filter(pk=in_review.pk).exists()
    assert Article.objects.scheduled().filter(pk=in_review.pk).exists()

    with time_machine.travel(when - timedelta(seconds=1)):
        assert not Article.objects.published().filter(pk=in_review.pk).exists()
    with time_machine.travel(when + timedelta(seconds=1)):
        assert Article.objects.published().filter(pk=in_review.pk).exists()
        assert Article.objects.get(pk=in_review.pk).state == "published"


def test_unpublished_article_leaves_the_public_door(published, editor):
    workflow.apply_transition(published, "unpublish", editor, comment="Retrait demandé.")
    assert not Article.objects.published().exists()
