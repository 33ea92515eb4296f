"""A failed delivery is tried again after growing waits; an endpoint that keeps failing is
disabled, and an administrator enables it again."""

from datetime import timedelta

import pytest
import time_machine
from django.core.management import call_command
from django.utils import timezone

from articles import workflow
from tests.factories import ArticleFactory
from webhooks import sending
from webhooks.models import Delivery, Endpoint

pytestmark = pytest.mark.django_db


def publish_one(journalist, editor, committed):
    article = ArticleFactory(authors=[journalist.author_profile])
    workflow.apply_transition(article, "submit", journalist)
    committed(workflow.apply_transition, article, "publish", editor)
    return article


def test_a_failed_delivery_waits_longer_each_time_then_gives_up(
    endpoint, receiver, journalist, editor, committed
):
    receiver.answers = [(503, {})] * 10
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        publish_one(journalist, editor, committed)
    delivery = Delivery.objects.get()
    waits = []
    moment = start
    while delivery.state == Delivery.State.PENDING:
        waits.append(delivery.due_at - moment)
        moment = delivery.due_at
        with time_machine.travel(moment - timedelta(seconds=1), tick=False):
            call_command("send_due_webhooks")  # not yet
        with time_machine.travel(moment, tick=False):
            call_command("send_due_webhooks")
        delivery.refresh_from_db()
    assert waits == [timedelta(seconds=s) for s in (30, 120, 480, 1920, 7680, 30720)]
    assert delivery.state == Delivery.State.FAILED
    assert delivery.attempt_count == len(receiver.received) == sending.ATTEMPTS == 7
    assert [a.status_code for a in delivery.attempts.all()] == [503] * 7
    assert delivery.last_status_code == 503
    assert len({headers["webhook-id"] for _p, headers, _b in receiver.received}) == 1


def test_a_retry_that_succeeds_delivers_the_same_message(
    endpoint, receiver, journalist, editor, committed
):
    receiver.answers = [(500, {})]
    publish_one(journalist, editor, committed)
    delivery = Delivery.objects.get()
    with time_machine.travel(delivery.due_at, tick=False):
        call_command("send_due_webhooks")
    delivery.refresh_from_db()
    assert delivery.state == Delivery.State.DELIVERED
    assert [a.status_code for a in delivery.attempts.all()] == [500, 200]
    (_p, first, first_body), (_q, second, second_body) = receiver.received
    assert first["webhook-id"] == second["webhook-id"] and first_body == second_body


def test_an_endpoint_failing_again_and_again_is_disabled_until_an_administrator_says(
    endpoint, receiver, journalist, editor, admin_user, committed
):
    receiver.answers = [(500, {})] * sending.DISABLE_AFTER
    for _ in range(sending.DISABLE_AFTER):
        publish_one(journalist, editor, committed)
    endpoint.refresh_from_db()
    assert not endpoint.is_active and endpoint.disabled_at is not None
    assert "500" in endpoint.disabled_because
    told = len(receiver.received)
    publish_one(journalist, editor, committed)  # a disabled endpoint is told nothing more
    moment = timezone.now() + timedelta(minutes=1)
    with time_machine.travel(moment):
        call_command("send_due_webhooks")  # nor are its waiting retries sent
    assert len(receiver.received) == told == sending.DISABLE_AFTER
    assert not Delivery.objects.filter(state=Delivery.State.PENDING).exists()

    endpoint.enable_by(admin_user)
    failed = list(Delivery.objects.filter(state=Delivery.State.FAILED))
    committed(sending.send_again, failed, admin_user)
    assert Delivery.objects.filter(state=Delivery.State.DELIVERED).count() == len(failed)
    endpoint.refresh_from_db()
    assert endpoint.is_active and endpoint.failures_in_a_row == 0


def test_a_success_starts_the_count_again(endpoint, receiver, journalist, editor, committed):
    receiver.answers = [(500, {})] * (sending.DISABLE_AFTER - 1) + [(200, {}), (500, {})]
    for _ in range(sending.DISABLE_AFTER + 1):
        publish_one(journalist, editor, committed)
    endpoint.refresh_from_db()
    assert endpoint.is_active and endpoint.failures_in_a_row == 1


def test_a_delivery_in_flight_is_not_attempted_again_by_another_run(
    endpoint, receiver, journalist, editor, committed
):
    receiver.answers = [(500, {})]
    publish_one(journalist, editor, committed)
    delivery = Delivery.objects.get()
    with time_machine.travel(delivery.due_at, tick=False):
        assert sending.claim(delivery)  # one run is posting attempt 2 now
        sending.deliver.call(delivery.pk)  # a restarted worker's run asks for it
    assert len(receiver.received) == 1
    delivery.refresh_from_db()
    assert delivery.attempt_count == 2 and delivery.attempts.count() == 1
    # That run died mid-attempt: once its lease is over, the delivery is tried again.
    with time_machine.travel(delivery.due_at, tick=False):
        call_command("send_due_webhooks")
    assert len(receiver.received) == 2
    assert Delivery.objects.get().state == Delivery.State.DELIVERED


def test_a_retry_never_sends_an_article_unpublished_meanwhile(
    endpoint, receiver, journalist, editor, admin_user, committed
):
    receiver.answers = [(500, {})]
    article = publish_one(journalist, editor, committed)
    committed(workflow.apply_transition, article, "unpublish", editor, comment="Retrait.")
    published = Delivery.objects.get(event="article.published")
    with time_machine.travel(published.due_at, tick=False):
        call_command("send_due_webhooks")
    published.refresh_from_db()
    assert published.state == Delivery.State.CANCELLED
    assert [m["type"] for m in receiver.messages()] == [
        "article.published",  # the failed first attempt
        "article.unpublished",
    ]
    Delivery.objects.filter(pk=published.pk).update(state=Delivery.State.FAILED)
    committed(sending.send_again, [Delivery.objects.get(pk=published.pk)], admin_user)
    assert len(receiver.received) == 2  # sent again: refused, the article is not public
    assert Delivery.objects.get(pk=published.pk).state == Delivery.State.CANCELLED


def test_a_broken_answer_is_logged_and_tried_again(
    local_allowed, admin_user, journalist, editor, committed
):
    import socket
    import threading

    listener = socket.create_server(("127.0.0.1", 0))

    def answer_garbage():
        for _ in range(2):
            peer, _address = listener.accept()
            peer.recv(65536)
            peer.sendall(b"garbage\r\n")
            peer.close()

    threading.Thread(target=answer_garbage, daemon=True).start()
    port = listener.getsockname()[1]
    Endpoint(url=f"http://127.0.0.1:{port}/", events=["article.published"]).save_by(admin_user)
    publish_one(journalist, editor, committed)
    listener.close()
    delivery = Delivery.objects.get()
    [attempt] = delivery.attempts.all()
    assert attempt.status_code is None and attempt.error
    assert delivery.state == Delivery.State.PENDING and delivery.due_at > timezone.now()


def test_the_worker_waits_for_a_retry(settings, endpoint, receiver, journalist, editor, committed):
    from django_tasks_db.models import DBTaskResult

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    receiver.answers = [(500, {})]
    publish_one(journalist, editor, committed)
    [queued] = DBTaskResult.objects.filter(task_path="webhooks.sending.deliver")
    sending.deliver.call(queued.args_kwargs["args"][0])
    retry = DBTaskResult.objects.exclude(pk=queued.pk).get(task_path="webhooks.sending.deliver")
    delivery = Delivery.objects.get()
    assert retry.run_after == delivery.due_at
    assert timedelta(seconds=29) < delivery.due_at - timezone.now() <= timedelta(seconds=30)


def test_a_disabled_endpoint_keeps_its_settings(endpoint, admin_user):
    Endpoint.objects.filter(pk=endpoint.pk).update(is_active=False, failures_in_a_row=15)
    endpoint.refresh_from_db()
    endpoint.enable_by(admin_user)
    endpoint.refresh_from_db()
    assert endpoint.events and endpoint.url and endpoint.is_active
