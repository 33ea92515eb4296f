"""'Contacter la rédaction': saved, emailed, listed for editors, protected against spam."""

from datetime import timedelta

import time_machine
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from articles.models import RateCount, Tip
from tests.conftest import client_for

CONTACT = reverse("articles:contact")


def test_a_tip_is_saved_and_emailed(client, db, settings):
    settings.NEWSROOM_EMAIL = "redaction@news.example.test"
    response = client.post(
        CONTACT, {"name": "", "contact": "", "message": "Le pont de X est fermé."}
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("articles:contact_thanks")
    tip = Tip.objects.get()
    assert (tip.name, tip.contact, tip.message) == ("", "", "Le pont de X est fermé.")
    assert [m.to for m in mail.outbox] == [["redaction@news.example.test"]]
    assert "Le pont de X est fermé." in mail.outbox[0].body


def test_message_is_required(client, db):
    response = client.post(CONTACT, {"name": "Awa", "message": "  "})
    assert response.status_code == 400
    assert "message" in response.context["form"].errors
    assert not Tip.objects.exists()


def test_honeypot_is_thanked_and_ignored(client, db):
    response = client.post(CONTACT, {"message": "Buy now", "website": "http://spam.example"})
    assert response.status_code == 302
    assert not Tip.objects.exists() and mail.outbox == []


def test_one_address_is_rate_limited(client, db, settings):
    settings.TIPS_PER_HOUR = 3
    for i in range(3):
        assert client.post(CONTACT, {"message": f"Info {i}"}).status_code == 302
    response = client.post(CONTACT, {"message": "Encore"})
    assert response.status_code == 429
    assert Tip.objects.count() == 3
    other = client.post(CONTACT, {"message": "Autre lecteur"}, REMOTE_ADDR="10.9.8.7")
    assert other.status_code == 302


def test_the_limit_is_per_hour_and_its_counts_do_not_last(client, db, settings):
    settings.TIPS_PER_HOUR = 1
    assert client.post(CONTACT, {"message": "Première"}).status_code == 302
    assert client.post(CONTACT, {"message": "Deuxième"}).status_code == 429
    with time_machine.travel(timezone.now() + timedelta(hours=1)):
        assert client.post(CONTACT, {"message": "Une heure après"}).status_code == 302
    with time_machine.travel(timezone.now() + timedelta(hours=3)):
        client.post(CONTACT, {"message": "Bien plus tard"})
        assert RateCount.objects.count() == 1  # earlier windows' counts are gone
    assert not RateCount.objects.filter(key__contains="127.0.0.1").exists()  # a hash only


def test_contact_page_is_a_crispy_form_with_a_hidden_honeypot(client, db):
    html = client.get(CONTACT).content.decode()
    assert 'name="message"' in html
    assert '<div id="div_id_website" class="mb-3 hp">' in html
    assert 'name="csrfmiddlewaretoken"' in html


def test_editors_see_tips_journalists_do_not(client, db, editor, journalist):
    Tip.objects.create(message="Un tuyau")
    url = reverse("admin:articles_tip_changelist")
    assert "Un tuyau" in client_for(editor).get(url).content.decode()
    assert client_for(journalist).get(url).status_code == 403
