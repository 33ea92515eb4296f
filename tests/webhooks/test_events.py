"""Which changes are told to partners, with what, and when: only what readers can see."""

from datetime import timedelta

import pytest
import time_machine
from django.core.management import call_command
from django.db import transaction
from django.utils import timezone

from articles import workflow
from tests.factories import ArticleFactory
from webhooks.models import Delivery, Endpoint, Event

pytestmark = pytest.mark.django_db


def events(receiver) -> list[tuple[str, str]]:
    return [(m["type"], m["data"]["altids"][0]["value"]) for m in receiver.messages()]


def test_a_publication_is_posted_with_the_article_as_the_api_gives_it(
    endpoint, receiver, in_review, editor, committed
):
    committed(workflow.apply_transition, in_review, "publish", editor)
    [message] = receiver.messages()
    assert message["type"] == "article.published"
    assert message["data"]["headlines"] == [{"role": "main", "value": in_review.headline}]
    assert message["data"]["uri"] == "https://news.example.test" + in_review.get_absolute_url()
    assert message["data"]["pubstatus"] == "usable"
    delivery = Delivery.objects.get()
    assert delivery.state == Delivery.State.DELIVERED
    assert delivery.last_status_code == 200
    assert [a.status_code for a in delivery.attempts.all()] == [200]


def test_a_scheduled_article_is_posted_when_readers_can_read_it(
    endpoint, receiver, in_review, editor, committed
):
    when = timezone.now() + timedelta(hours=2)
    committed(workflow.apply_transition, in_review, "schedule", editor, when=when)
    call_command("send_due_webhooks")
    assert receiver.received == []
    with time_machine.travel(when + timedelta(seconds=1)):
        call_command("send_due_webhooks")
    assert events(receiver) == [("article.published", str(in_review.pk))]


def test_a_scheduled_article_unpublished_before_its_time_is_never_posted(
    endpoint, receiver, in_review, editor, committed
):
    when = timezone.now() + timedelta(hours=2)
    committed(workflow.apply_transition, in_review, "schedule", editor, when=when)
    committed(workflow.apply_transition, in_review, "unpublish", editor, comment="Erreur.")
    with time_machine.travel(when + timedelta(seconds=1)):
        call_command("send_due_webhooks")
    assert receiver.received == []  # no unpublished either: partners never had it
    assert Delivery.objects.get().state == Delivery.State.CANCELLED


def test_a_scheduled_article_its_author_edits_goes_back_to_review_unannounced(
    endpoint, receiver, in_review, journalist, editor, committed
):
    when = timezone.now() + timedelta(hours=2)
    committed(workflow.apply_transition, in_review, "schedule", editor, when=when)
    article = in_review.__class__.objects.get(pk=in_review.pk)
    article.headline = "Relu par son auteure"
    committed(workflow.save_by, article, journalist)  # approval withdrawn: a recall
    assert article.transitions.filter(name="recall").exists()
    with time_machine.travel(when + timedelta(seconds=1)):
        call_command("send_due_webhooks")
    assert receiver.received == []
    assert Delivery.objects.get().state == Delivery.State.CANCELLED


def test_a_public_article_given_a_later_time_is_withdrawn_then_announced_again(
    endpoint, receiver, published, editor, committed
):
    later = timezone.now() + timedelta(hours=1)
    article = published.__class__.objects.get(pk=published.pk)
    article.published_at = later
    committed(workflow.save_by, article, editor)
    assert [m["type"] for m in receiver.messages()] == ["article.published", "article.unpublished"]
    with time_machine.travel(later + timedelta(seconds=1)):
        call_command("send_due_webhooks")
    assert receiver.messages()[-1]["type"] == "article.published"


def test_a_public_article_whose_time_is_removed_is_withdrawn(
    endpoint, receiver, published, editor, committed
):
    article = published.__class__.objects.get(pk=published.pk)
    article.published_at = None
    committed(workflow.save_by, article, editor)
    assert receiver.messages()[-1]["type"] == "article.unpublished"


def test_a_scheduled_article_whose_time_is_removed_is_not_announced(
    endpoint, receiver, in_review, editor, committed
):
    when = timezone.now() + timedelta(hours=2)
    committed(workflow.apply_transition, in_review, "schedule", editor, when=when)
    article = in_review.__class__.objects.get(pk=in_review.pk)
    article.published_at = None
    committed(workflow.save_by, article, editor)
    assert Delivery.objects.get().state == Delivery.State.CANCELLED
    assert receiver.received == []


def test_published_now_after_being_scheduled_is_posted_once(
    endpoint, receiver, in_review, editor, committed
):
    when = timezone.now() + timedelta(hours=2)
    committed(workflow.apply_transition, in_review, "schedule", editor, when=when)
    committed(workflow.apply_transition, in_review, "unpublish", editor, comment="Plus tôt.")
    committed(workflow.apply_transition, in_review, "publish", editor)
    with time_machine.travel(when + timedelta(seconds=1)):
        call_command("send_due_webhooks")
    assert events(receiver) == [("article.published", str(in_review.pk))]


def test_a_new_time_moves_the_announcement(endpoint, receiver, in_review, editor, committed):
    when = timezone.now() + timedelta(hours=2)
    committed(workflow.apply_transition, in_review, "schedule", editor, when=when)
    article = in_review.__class__.objects.get(pk=in_review.pk)
    article.published_at = when + timedelta(hours=3)
    committed(workflow.save_by, article, editor)
    with time_machine.travel(when + timedelta(seconds=1)):
        call_command("send_due_webhooks")
    assert receiver.received == []
    with time_machine.travel(when + timedelta(hours=3, seconds=1)):
        call_command("send_due_webhooks")
    assert events(receiver) == [("article.published", str(in_review.pk))]


def test_a_scheduled_article_brought_forward_to_now_is_posted_at_once(
    endpoint, receiver, in_review, editor, committed
):
    when = timezone.now() + timedelta(hours=2)
    committed(workflow.apply_transition, in_review, "schedule", editor, when=when)
    article = in_review.__class__.objects.get(pk=in_review.pk)
    article.published_at = timezone.now() - timedelta(minutes=1)
    committed(workflow.save_by, article, editor)
    assert events(receiver) == [("article.published", str(in_review.pk))]


def test_an_unpublished_article_is_posted_without_its_text(
    endpoint, receiver, published, editor, committed
):
    committed(workflow.apply_transition, published, "unpublish", editor, comment="Retrait.")
    message = receiver.messages()[-1]
    assert message["type"] == "article.unpublished"
    assert message["data"] == {
        "uri": "https://news.example.test" + published.get_absolute_url(),
        "altids": [{"role": "id", "value": str(published.pk)}],
        "pubstatus": "withheld",
    }


@pytest.mark.parametrize(
    "kind, event", [("correction", "article.corrected"), ("update", "article.updated")]
)
def test_a_logged_correction_or_update_is_posted_with_it(
    endpoint, receiver, published, editor, committed, kind, event
):
    committed(workflow.log_note, published, editor, kind, "Le bilan est de 12 morts, non 21.")
    message = receiver.messages()[-1]
    assert message["type"] == event
    assert {"role": kind, "value": "Le bilan est de 12 morts, non 21."} in message["data"][
        "descriptions"
    ]


def test_a_published_text_changed_from_the_desk_is_posted_as_updated(
    endpoint, receiver, published, editor, committed
):
    published.headline = "Un nouveau titre"
    committed(workflow.save_by, published, editor)
    message = receiver.messages()[-1]
    assert message["type"] == "article.updated"
    assert message["data"]["headlines"][0]["value"] == "Un nouveau titre"


def test_drafts_and_reviews_are_never_posted(
    endpoint, receiver, draft, journalist, editor, committed
):
    draft.headline = "Brouillon revu"
    committed(workflow.save_by, draft, journalist)
    committed(workflow.apply_transition, draft, "submit", journalist)
    draft.headline = "En relecture"
    committed(workflow.save_by, draft, editor)
    assert receiver.received == [] and not Delivery.objects.exists()


def test_an_endpoint_is_told_only_the_events_it_chose(
    receiver, local_allowed, admin_user, in_review, editor, committed
):
    chosen = Endpoint(url=receiver.url, events=[Event.UNPUBLISHED])
    chosen.save_by(admin_user)
    committed(workflow.apply_transition, in_review, "publish", editor)
    assert receiver.received == []
    committed(workflow.apply_transition, in_review, "unpublish", editor, comment="Retrait.")
    assert events(receiver) == [("article.unpublished", str(in_review.pk))]


def test_a_change_rolled_back_sends_nothing(endpoint, receiver, in_review, editor, committed):
    def publish_then_fail():
        with transaction.atomic():
            workflow.apply_transition(in_review, "publish", editor)
            raise RuntimeError("the request failed after the step")

    with pytest.raises(RuntimeError):
        committed(publish_then_fail)
    assert receiver.received == [] and not Delivery.objects.exists()


def test_each_endpoint_gets_its_own_message(
    endpoint, receiver, admin_user, in_review, editor, committed
):
    other = Endpoint(url=receiver.url + "?partner=2", events=[Event.PUBLISHED])
    other.save_by(admin_user)
    committed(workflow.apply_transition, in_review, "publish", editor)
    ids = {headers["webhook-id"] for _path, headers, _body in receiver.received}
    assert len(receiver.received) == 2 and len(ids) == 2
    assert {path for path, _h, _b in receiver.received} == {
        "/hooks/newsroom",
        "/hooks/newsroom?partner=2",
    }


def test_an_endpoint_added_before_a_scheduled_time_is_told_at_that_time(
    receiver, local_allowed, admin_user, in_review, editor, journalist, committed
):
    earlier = ArticleFactory(authors=[journalist.author_profile])
    workflow.apply_transition(earlier, "submit", journalist)
    committed(workflow.apply_transition, earlier, "publish", editor)
    when = timezone.now() + timedelta(hours=2)
    committed(workflow.apply_transition, in_review, "schedule", editor, when=when)
    late = Endpoint(url=receiver.url, description="Arrivée après", events=[Event.PUBLISHED])
    committed(late.save_by, admin_user)
    committed(late.save_by, admin_user)  # saved again: still one message
    call_command("send_due_webhooks")
    assert receiver.received == []  # nor the article published before it came
    with time_machine.travel(when + timedelta(seconds=1)):
        call_command("send_due_webhooks")
    assert events(receiver) == [("article.published", str(in_review.pk))]


def test_an_endpoint_given_publications_later_is_told_of_those_waiting(
    receiver, local_allowed, admin_user, in_review, editor, committed
):
    corrections = Endpoint(url=receiver.url, events=[Event.CORRECTED])
    committed(corrections.save_by, admin_user)
    when = timezone.now() + timedelta(hours=2)
    committed(workflow.apply_transition, in_review, "schedule", editor, when=when)
    assert not Delivery.objects.exists()
    corrections.events = [Event.CORRECTED, Event.PUBLISHED]
    committed(corrections.save_by, admin_user)
    assert Delivery.objects.get().due_at == when
