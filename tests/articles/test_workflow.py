"""Every transition for every role, through the model layer's single entry point."""

from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import formats, timezone, translation

from articles import workflow
from articles.models import Article, Status, Transition

ALL_ACTIONS = set(workflow.ACTIONS)

# state -> role -> the actions that role may take
EXPECTED = {
    "draft": {
        "author": {"submit"},
        "colleague": set(),
        "editor": {"submit", "publish", "schedule"},
        "outsider": set(),
    },
    "review": {
        "author": {"withdraw"},
        "colleague": set(),
        "editor": {"send_back", "publish", "schedule"},
        "outsider": set(),
    },
    "published": {"author": set(), "colleague": set(), "editor": {"unpublish"}, "outsider": set()},
    "scheduled": {"author": set(), "colleague": set(), "editor": {"unpublish"}, "outsider": set()},
    "unpublished": {
        "author": set(),
        "colleague": set(),
        "editor": {"publish", "schedule", "reopen"},
        "outsider": set(),
    },
}


@pytest.mark.parametrize("state", EXPECTED)
@pytest.mark.parametrize("role", ["author", "colleague", "editor", "outsider"])
def test_available_actions_per_role_and_state(article_in, people, state, role):
    article = article_in(state)
    assert article.state == state
    names = {action.name for action in workflow.available_actions(article, people[role])}
    assert names == EXPECTED[state][role]


@pytest.mark.parametrize("state", EXPECTED)
@pytest.mark.parametrize("role", ["author", "colleague", "editor", "outsider"])
def test_refused_actions_change_nothing(article_in, people, state, role):
    article = article_in(state)
    steps = Transition.objects.count()
    for name in ALL_ACTIONS - EXPECTED[state][role]:
        fresh = Article.objects.get(pk=article.pk)
        with pytest.raises((PermissionDenied, workflow.WorkflowError)):
            workflow.apply_transition(
                fresh, name, people[role], comment="x", when=timezone.now() + timedelta(days=1)
            )
        stored = Article.objects.get(pk=article.pk)
        assert (stored.status, stored.published_at) == (article.status, article.published_at)
    assert Transition.objects.count() == steps


def test_submit_then_publish_records_each_step(draft, journalist, editor):
    workflow.apply_transition(draft, "submit", journalist)
    before = timezone.now()
    workflow.apply_transition(draft, "publish", editor)
    draft.refresh_from_db()
    assert draft.status == Status.PUBLISHED
    assert before <= draft.published_at <= timezone.now()
    assert draft.first_published_at == draft.published_at
    steps = list(draft.transitions.values_list("user__username", "source", "target", "name"))
    assert steps == [
        ("awa", "draft", "review", "submit"),
        ("mariam", "review", "published", "publish"),
    ]
    assert Article.objects.published().filter(pk=draft.pk).exists()


def test_send_back_requires_a_comment(in_review, editor):
    with pytest.raises(ValidationError) as error:
        workflow.apply_transition(in_review, "send_back", editor, comment="   ")
    assert "comment" in error.value.message_dict
    in_review.refresh_from_db()
    assert in_review.status == Status.REVIEW
    step = workflow.apply_transition(in_review, "send_back", editor, comment="Sourcez le chiffre.")
    assert (step.source, step.target, step.comment) == ("review", "draft", "Sourcez le chiffre.")


def test_schedule_requires_a_future_time(in_review, editor):
    for when in (None, timezone.now() - timedelta(minutes=1)):
        with pytest.raises(ValidationError):
            workflow.apply_transition(in_review, "schedule", editor, when=when)
    in_review.refresh_from_db()
    assert in_review.status == Status.REVIEW and in_review.published_at is None


def test_incomplete_article_cannot_be_submitted(journalist):
    from tests.factories import ArticleFactory

    article = ArticleFactory(standfirst="", body="", authors=[journalist.author_profile])
    with pytest.raises(ValidationError) as error:
        workflow.apply_transition(article, "submit", journalist)
    assert "standfirst" in str(error.value) or "chapeau" in str(error.value)
    article.refresh_from_db()
    assert article.status == Status.DRAFT


def test_withdraw_returns_the_article_to_its_author(in_review, journalist):
    workflow.apply_transition(in_review, "withdraw", journalist)
    in_review.refresh_from_db()
    assert in_review.status == Status.DRAFT


def test_republishing_keeps_the_original_date(published, editor):
    original = published.published_at
    workflow.apply_transition(published, "unpublish", editor, comment="Retrait demandé.")
    workflow.apply_transition(published, "publish", editor)
    published.refresh_from_db()
    assert published.published_at == original


def test_status_cannot_be_assigned_directly(draft):
    with pytest.raises(AttributeError):
        draft.status = Status.PUBLISHED


def test_a_stale_copy_cannot_repeat_a_transition(in_review, editor):
    first = Article.objects.get(pk=in_review.pk)
    second = Article.objects.get(pk=in_review.pk)
    workflow.apply_transition(first, "publish", editor)
    with pytest.raises(workflow.WorkflowError):
        workflow.apply_transition(second, "publish", editor)
    assert Transition.objects.filter(article=in_review, name="publish").count() == 1


def test_the_last_change_names_who_did_what_and_when(in_review, editor):
    with translation.override("en"):
        step = workflow.apply_transition(in_review, "publish", editor)
        said = workflow.last_change(in_review)
        when = formats.date_format(timezone.localtime(step.at), "DATETIME_FORMAT")
        who = editor.get_full_name() or editor.username
        assert said == f"{who}: Publish, {when}."


def test_unknown_action_is_refused(draft, editor):
    with pytest.raises(workflow.WorkflowError):
        workflow.apply_transition(draft, "delete", editor)
