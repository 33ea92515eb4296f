"""Never a post to this machine or a private network with DEBUG off (TRUST.md 43): not by
address, not by a name that resolves there, not through a redirect."""

import pytest

from articles import workflow
from webhooks import outbound
from webhooks.models import Delivery, Endpoint, Event

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "address, public",
    [
        ("93.184.215.14", True),
        ("2606:4700::6810:85e5", True),
        ("127.0.0.1", False),
        ("127.8.9.10", False),
        ("10.1.2.3", False),
        ("172.16.0.1", False),
        ("192.168.1.1", False),
        ("169.254.169.254", False),  # the clouds' metadata service
        ("100.64.0.1", False),  # carrier-grade NAT
        ("0.0.0.0", False),
        ("224.0.0.1", False),
        ("::1", False),
        ("::", False),
        ("fe80::1%eth0", False),
        ("fc00::1", False),
        ("::ffff:127.0.0.1", False),
        ("::ffff:10.0.0.1", False),
        ("::ffff:8.8.8.8", True),
        ("64:ff9b::a9fe:a9fe", False),  # NAT64 to the metadata service
        ("64:ff9b::808:808", True),  # NAT64 to a public address
        ("64:ff9b:1::1", False),
        ("2002:a00:1::1", False),  # 6to4 around 10.0.0.1
        ("2002:808:808::1", True),
        ("::7f00:1", False),  # IPv4-compatible 127.0.0.1
        ("::ffff:0:7f00:1", False),  # IPv4-translated 127.0.0.1
        ("fec0::1", False),  # site-local
        ("2001:0:4136:e378:8000:63bf:3fff:fdd2", False),  # Teredo
    ],
)
def test_public_addresses(address, public):
    assert outbound.is_public(address) is public


@pytest.mark.parametrize(
    "host",
    [
        "127.0.0.1",
        "localhost",  # a name: its DNS answer is checked, not the name
        "2130706433",  # 127.0.0.1 written as one number
        "0x7f.1",
        "[::1]",
        "[::ffff:127.0.0.1]",
        "0.0.0.0",
    ],
)
def test_a_local_address_is_refused_before_anything_is_sent(host, receiver, settings):
    settings.WEBHOOKS_ALLOW_PRIVATE_ADDRESSES = False
    with pytest.raises(outbound.Refused):
        outbound.post(f"http://{host}:{receiver.port}/hook", b"{}", {})
    assert receiver.received == []


@pytest.mark.parametrize("host", ["127.0.0.1", "localhost", "[::1]"])
def test_a_local_endpoint_gets_nothing_with_debug_off(
    host, receiver, admin_user, in_review, editor, committed, settings
):
    settings.WEBHOOKS_ALLOW_PRIVATE_ADDRESSES = False  # as in production
    hook = Endpoint(url=f"http://{host}:{receiver.port}/hook", events=[Event.PUBLISHED])
    hook.save_by(admin_user)
    committed(workflow.apply_transition, in_review, "publish", editor)
    assert receiver.received == []
    delivery = Delivery.objects.get()
    [attempt] = delivery.attempts.all()
    assert attempt.status_code is None
    assert "une adresse privée ou locale" in attempt.error
    assert delivery.state == Delivery.State.PENDING  # tried again later, and refused again


def test_private_addresses_are_refused_whenever_debug_is_off():
    from newsroom import settings as production

    assert production.WEBHOOKS_ALLOW_PRIVATE_ADDRESSES is production.DEBUG


def test_a_redirect_is_not_followed(endpoint, receiver, in_review, editor, committed):
    from tests.webhooks.conftest import Receiver

    elsewhere = Receiver()
    try:
        receiver.answers = [(307, {"Location": elsewhere.url})]
        committed(workflow.apply_transition, in_review, "publish", editor)
        assert elsewhere.received == []
    finally:
        elsewhere.close()
    [attempt] = Delivery.objects.get().attempts.all()
    assert attempt.status_code == 307
    assert "les redirections ne sont pas suivies" in attempt.error
    assert elsewhere.url in attempt.error


def test_an_endpoint_that_does_not_answer_is_logged(
    local_allowed, admin_user, in_review, editor, committed
):
    from tests.webhooks.conftest import Receiver

    closed = Receiver()
    closed.close()  # nothing listens on its port any more
    hook = Endpoint(url=closed.url, events=[Event.PUBLISHED])
    hook.save_by(admin_user)
    committed(workflow.apply_transition, in_review, "publish", editor)
    [attempt] = Delivery.objects.get().attempts.all()
    assert attempt.status_code is None and "refused" in attempt.error.lower()


def test_a_name_that_does_not_resolve_is_logged(admin_user, in_review, editor, committed):
    hook = Endpoint(url="https://partner.invalid/hook", events=[Event.PUBLISHED])
    hook.save_by(admin_user)
    committed(workflow.apply_transition, in_review, "publish", editor)
    [attempt] = Delivery.objects.get().attempts.all()
    assert "partner.invalid" in attempt.error
