"""Administrators register endpoints and read the delivery log; nobody else, even forging."""

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from articles import workflow
from tests.conftest import client_for
from webhooks import sending
from webhooks.models import Delivery, Endpoint, Event

pytestmark = pytest.mark.django_db

ADD = "admin:webhooks_endpoint_add"
ENDPOINTS = "admin:webhooks_endpoint_changelist"
DELIVERIES = "admin:webhooks_delivery_changelist"


def test_an_administrator_registers_an_endpoint_with_its_events(admin_user):
    desk = client_for(admin_user)
    answer = desk.post(
        reverse(ADD),
        {
            "url": "https://radio.example.org/hooks",
            "description": "Radio Kayira",
            "events": [Event.PUBLISHED, Event.CORRECTED],
        },
        follow=True,
    )
    assert answer.status_code == 200
    endpoint = Endpoint.objects.get()
    assert endpoint.events == [Event.PUBLISHED, Event.CORRECTED]
    assert endpoint.created_by == admin_user and endpoint.is_active
    page = desk.get(reverse("admin:webhooks_endpoint_change", args=[endpoint.pk]))
    assert endpoint.secret in page.content.decode()  # to give the partner


@pytest.mark.parametrize(
    "form, error",
    [
        ({"url": "ftp://radio.example.org/", "events": [Event.PUBLISHED]}, "https://"),
        ({"url": "pas une adresse", "events": [Event.PUBLISHED]}, "URL"),
        ({"url": "https://radio.example.org/", "events": []}, "obligatoire"),
        ({"url": "https://radio.example.org/", "events": ["article.deleted"]}, "valide"),
    ],
)
def test_a_bad_endpoint_is_refused_in_the_form(admin_user, form, error):
    answer = client_for(admin_user).post(reverse(ADD), form)
    assert answer.status_code == 200
    assert error in answer.content.decode()
    assert not Endpoint.objects.exists()


def test_editors_and_journalists_see_nothing_and_forge_nothing(
    editor, journalist, endpoint, receiver
):
    Endpoint.objects.filter(pk=endpoint.pk).update(is_active=False)
    for user in (editor, journalist):
        desk = client_for(user)
        assert desk.get(reverse(ENDPOINTS)).status_code == 403
        assert desk.get(reverse(DELIVERIES)).status_code == 403
        forged = desk.post(
            reverse(ADD), {"url": "https://evil.example/", "events": [Event.PUBLISHED]}
        )
        assert forged.status_code == 403
        enable = desk.post(
            reverse(ENDPOINTS), {"action": "enable", "_selected_action": [endpoint.pk]}
        )
        assert enable.status_code == 403
    assert Endpoint.objects.count() == 1
    endpoint.refresh_from_db()
    assert not endpoint.is_active


def test_the_models_refuse_anyone_but_an_administrator(editor, endpoint):
    with pytest.raises(PermissionDenied):
        Endpoint(url="https://evil.example/", events=[Event.PUBLISHED]).save_by(editor)
    with pytest.raises(PermissionDenied):
        endpoint.enable_by(editor)
    with pytest.raises(PermissionDenied):
        endpoint.new_secret_by(editor)
    with pytest.raises(PermissionDenied):
        sending.send_again([], editor)
    assert Endpoint.objects.count() == 1


def test_the_delivery_log_shows_each_attempt(
    admin_user, endpoint, receiver, in_review, editor, committed
):
    receiver.answers = [(502, {})]
    committed(workflow.apply_transition, in_review, "publish", editor)
    delivery = Delivery.objects.get()
    desk = client_for(admin_user)
    listing = desk.get(reverse(DELIVERIES)).content.decode()
    assert "502" in listing and in_review.headline in listing
    page = desk.get(reverse("admin:webhooks_delivery_change", args=[delivery.pk])).content
    assert b"502" in page and delivery.message_id.encode() in page


def test_the_re_enable_action(admin_user, endpoint):
    Endpoint.objects.filter(pk=endpoint.pk).update(is_active=False, failures_in_a_row=20)
    client_for(admin_user).post(
        reverse(ENDPOINTS), {"action": "enable", "_selected_action": [endpoint.pk]}
    )
    endpoint.refresh_from_db()
    assert endpoint.is_active and endpoint.failures_in_a_row == 0
