"""The sign-up box on article pages and the home page (includes/newsletter_signup.html): it
posts SignupForm's fields to the subscribe address in the page's language, carries no CSRF
token (the pages are cached whole, the same for every reader), and what it posts is taken
with CSRF checks on: the reader lands on "check your inbox" and gets one confirmation email,
in the page's language."""

import html5lib
import pytest
from django.conf import settings
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import translation

from newsletters.models import Subscriber

LANGUAGES = pytest.mark.parametrize(
    ("language", "prefix"), [("fr", ""), ("en", "/en")], ids=["fr", "en"]
)


@pytest.fixture
def pages(published):
    """The French address of each page that shows the box."""
    return {"article": published.get_absolute_url(), "home": reverse("articles:home")}


def the_box(html: str):
    document = html5lib.parse(html, namespaceHTMLElements=False)
    boxes = document.findall(".//section[@class='newsletter-box']")
    assert len(boxes) == 1, "one sign-up box on the page"
    return boxes[0]


def in_that_language(language: str, name: str) -> str:
    with translation.override(language):
        return reverse(name)


def posted_by(form, email: str) -> dict:
    """What a browser sends for this form once the reader typed an address and left the
    boxes as they were."""
    data = {}
    for field in form.iter("input"):
        kind = field.get("type", "text")
        if kind == "checkbox":
            if field.get("checked") is not None:
                data[field.get("name")] = field.get("value", "on")
        elif kind == "email":
            data[field.get("name")] = email
        else:
            data[field.get("name")] = field.get("value", "")
    return data


@LANGUAGES
@pytest.mark.parametrize("page", ["article", "home"])
def test_the_box_posts_the_sign_up_fields_to_the_pages_language(
    client, pages, language, prefix, page
):
    response = client.get(prefix + pages[page])
    assert response.status_code == 200
    html = response.content.decode()
    assert "csrfmiddlewaretoken" not in html
    box = the_box(html)
    heading = box.find("h2")
    assert box.get("aria-labelledby") == heading.get("id")
    form = box.find(".//form")
    subscribe = in_that_language(language, "newsletters:subscribe")
    assert subscribe == ("/en/lettre/" if language == "en" else "/lettre/")
    assert (form.get("action"), form.get("method")) == (subscribe, "post")
    fields = {field.get("name"): field for field in form.iter("input")}
    assert sorted(fields) == ["email", "wants_alerts", "wants_digest", "website"]
    email = fields["email"]
    assert (email.get("type"), email.get("autocomplete")) == ("email", "email")
    assert email.get("required") is not None
    assert fields["wants_digest"].get("checked") is not None
    assert fields["wants_alerts"].get("checked") is None
    labels = {label.get("for") for label in form.iter("label")}
    assert {field.get("id") for field in fields.values()} <= labels  # every field labelled
    honeypot = form.find(".//div[@class='hp']")
    assert honeypot is not None and honeypot.find("input") is fields["website"]
    assert (fields["website"].get("tabindex"), fields["website"].get("autocomplete")) == (
        "-1",
        "off",
    )
    assert form.find(".//button[@type='submit']") is not None
    assert subscribe in [link.get("href") for link in box.iter("a")]  # the full page


@LANGUAGES
@pytest.mark.parametrize("page", ["article", "home"])
def test_what_the_box_posts_asks_for_a_confirmation_in_the_pages_language(
    pages, language, prefix, page, django_capture_on_commit_callbacks
):
    reader = Client(enforce_csrf_checks=True)
    form = the_box(reader.get(prefix + pages[page]).content.decode()).find(".//form")
    mail.outbox.clear()  # the publication's notifications to the newsroom
    with django_capture_on_commit_callbacks(execute=True):
        response = reader.post(form.get("action"), posted_by(form, "Lectrice@Example.org"))
    assert response.status_code == 302
    assert response["Location"] == in_that_language(language, "newsletters:check_inbox")
    subscriber = Subscriber.objects.get()
    assert subscriber.email == "lectrice@example.org"
    assert (subscriber.wants_digest, subscriber.wants_alerts) == (True, False)
    assert subscriber.language == language and subscriber.confirmed_at is None
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["lectrice@example.org"]
    confirm = "/en/lettre/confirmer/" if language == "en" else "/lettre/confirmer/"
    assert settings.SITE_URL + confirm in message.body
    if language == "en":
        assert message.subject.startswith("Confirm your subscription")


def test_a_bot_filling_the_honeypot_is_thanked_and_ignored(pages):
    reader = Client(enforce_csrf_checks=True)
    form = the_box(reader.get(pages["article"]).content.decode()).find(".//form")
    data = posted_by(form, "bot@example.org") | {"website": "https://spam.example"}
    mail.outbox.clear()
    response = reader.post(form.get("action"), data)
    assert response.status_code == 302
    assert not Subscriber.objects.exists() and mail.outbox == []


def test_the_box_is_the_same_for_every_reader(client, pages, journalist):
    """Part of pages cached whole: nothing in it may depend on who asks."""
    anonymous = client.get(pages["article"]).content.decode()
    signed_in = Client()
    signed_in.force_login(journalist)
    signed_in.get(reverse("newsletters:subscribe"))  # a CSRF cookie, a session
    other = signed_in.get(pages["article"]).content.decode()

    def box(html):
        return html[html.index('<section class="newsletter-box"') :].split("</section>")[0]

    assert box(anonymous) == box(other)
