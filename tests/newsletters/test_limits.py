"""A flood of sign-ups is limited, in the database (so without Redis too): per client, and
per address mailed."""

from django.core import mail

from newsletters.models import Subscriber


def test_one_client_may_sign_up_a_few_times_an_hour(subscribe, settings):
    settings.SIGNUPS_PER_HOUR = 3
    for number in range(3):
        assert subscribe(email=f"lecteur{number}@example.org").status_code == 302
    refused = subscribe(email="lecteur9@example.org")
    assert refused.status_code == 429 and "une heure" in refused.content.decode()
    assert Subscriber.objects.count() == 3 and len(mail.outbox) == 3


def test_one_address_gets_a_few_confirmation_emails_a_day(subscribe, settings):
    settings.SIGNUP_EMAILS_PER_DAY = 2
    for _attempt in range(4):
        assert subscribe().status_code == 302  # the same answer every time
    assert len(mail.outbox) == 2, [(m.to, m.subject) for m in mail.outbox]
