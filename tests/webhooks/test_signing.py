"""Deliveries are signed as Standard Webhooks says: the reference library accepts them."""

import base64
import hashlib
import hmac

import pytest
from standardwebhooks import Webhook, WebhookVerificationError

from articles import workflow
from webhooks import signing
from webhooks.models import SECRET_PREFIX, Endpoint

pytestmark = pytest.mark.django_db


def test_every_delivery_verifies_with_the_endpoints_secret(
    endpoint, receiver, in_review, editor, committed
):
    committed(workflow.apply_transition, in_review, "publish", editor)
    [(_path, headers, body)] = receiver.received
    verified = Webhook(endpoint.secret).verify(body, headers)
    assert verified["type"] == "article.published"
    assert headers["Content-Type"] == "application/json"
    assert headers["webhook-id"].startswith("msg_")


def test_another_secret_or_a_changed_body_does_not_verify(
    endpoint, receiver, in_review, editor, admin_user, committed
):
    committed(workflow.apply_transition, in_review, "publish", editor)
    [(_path, headers, body)] = receiver.received
    with pytest.raises(WebhookVerificationError):
        Webhook(Endpoint(url=receiver.url).secret).verify(body, headers)
    with pytest.raises(WebhookVerificationError):
        Webhook(endpoint.secret).verify(body.replace(b"usable", b"canceled"), headers)
    old_secret = endpoint.secret
    endpoint.new_secret_by(admin_user)
    assert endpoint.secret != old_secret and endpoint.secret.startswith(SECRET_PREFIX)


def test_the_signature_is_the_specifications_hmac():
    secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"
    body = b'{"type":"article.published"}'
    headers = signing.headers(secret, "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330, body)
    key = base64.b64decode("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw")
    signed = b"msg_p5jXN8AQM9LWM0D4loKWxJek.1614265330." + body
    expected = base64.b64encode(hmac.new(key, signed, hashlib.sha256).digest()).decode()
    assert headers == {
        "webhook-id": "msg_p5jXN8AQM9LWM0D4loKWxJek",
        "webhook-timestamp": "1614265330",
        "webhook-signature": f"v1,{expected}",
    }


def test_each_endpoint_has_its_own_secret(receiver, local_allowed, admin_user):
    first, second = Endpoint(url=receiver.url, events=["article.published"]), None
    first.save_by(admin_user)
    second = Endpoint(url=receiver.url, events=["article.published"])
    second.save_by(admin_user)
    assert first.secret != second.secret
    assert len(base64.b64decode(first.secret.removeprefix(SECRET_PREFIX))) == 24
