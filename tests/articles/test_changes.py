"""What follows a change (articles/changes.py): one write path, whoever saves, and the content
version bumped once per committed change."""

from django.db import transaction

from articles import freshness, workflow
from articles.models import Article
from tests.factories import AuthorFactory, SectionFactory


def bumps(callbacks) -> int:
    return sum(1 for callback in callbacks if isinstance(callback, freshness.Pending))


def test_a_publish_with_its_tags_and_bylines_bumps_the_version_once(
    in_review, editor, committed, django_capture_on_commit_callbacks
):
    committed(lambda: None)  # what set-up left waiting
    with django_capture_on_commit_callbacks() as callbacks:
        with transaction.atomic():
            in_review.tags.add("Sahel", "Élections")
            in_review.bylines.create(author=AuthorFactory(), position=5)
            workflow.apply_transition(in_review, "publish", editor)
            article = Article.objects.get(pk=in_review.pk)
            article.headline = "Corrigé dans la même transaction"
            workflow.save_by(article, editor)
    assert bumps(callbacks) == 1


def test_each_committed_change_bumps_once(published, editor, committed):
    before = committed(freshness.current)
    committed(published.tags.add, "Cacao")
    assert freshness.current().content == before.content + 1
    article = Article.objects.get(pk=published.pk)
    article.standfirst = "Un autre chapeau."
    committed(workflow.save_by, article, editor)
    assert freshness.current().content == before.content + 2


def test_a_drafts_edits_show_nowhere_and_bump_nothing(draft, journalist, committed):
    before = committed(freshness.current)
    draft.headline = "Encore un brouillon"
    committed(workflow.save_by, draft, journalist)
    committed(draft.tags.add, "Brouillon")
    assert freshness.current() == before


def test_a_rolled_back_change_bumps_nothing_and_the_next_one_does(published, committed):
    section = committed(SectionFactory, name="Culture")
    before = freshness.current()

    def renamed_then_rolled_back():
        try:
            with transaction.atomic():
                section.name = "Arts"
                section.save()
                raise RuntimeError("the editor's request failed")
        except RuntimeError:
            pass

    committed(renamed_then_rolled_back)
    assert freshness.current() == before
    section.name = "Arts et culture"
    committed(section.save)
    assert freshness.current().content == before.content + 1
    assert freshness.current().shared == before.shared + 1


def test_a_change_to_what_a_page_shows_bumps_its_generation(published):
    generation = Article.objects.get(pk=published.pk).generation
    author = published.bylines.first().author
    author.display_name = "Nom corrigé"
    author.save()
    assert Article.objects.get(pk=published.pk).generation == generation + 1
