"""The newsletter box on article pages and the home page: a reader on a phone subscribes from
an article without leaving the flow of reading, and lands on "check your inbox"; the box fits
a phone and leaves the page with no axe violation, phone and desktop."""

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import translation
from playwright.sync_api import expect

from newsletters.models import Subscriber
from tests.browser.axe import EVERY_IMPACT, blocking_violations
from tests.browser.content import newsroom
from tests.browser.pages import DESKTOP, PHONE, follow, save_screenshot

VIEWPORTS = pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])


@pytest.fixture
def story(journalist, colleague, editor):
    return newsroom(journalist, colleague, editor)["story"]


def test_a_reader_on_a_phone_subscribes_from_an_article(new_context, watch, story):
    page = new_context(viewport=PHONE).new_page()
    page.goto(story.get_absolute_url())
    box = page.get_by_role("region", name=translation.gettext("Receive “L’essentiel”"))
    box.scroll_into_view_if_needed()
    width = page.evaluate("() => document.documentElement.scrollWidth")
    assert width <= PHONE["width"], "the page scrolls sideways"
    assert box.bounding_box()["width"] <= PHONE["width"]
    email = box.get_by_label(translation.gettext("Your email address"))
    expect(email).to_have_attribute("autocomplete", "email")
    digest = box.get_by_label(translation.gettext("“L’essentiel”, every morning"))
    alerts = box.get_by_label(translation.gettext("Alerts when major news breaks"))
    expect(digest).to_be_checked()
    expect(alerts).not_to_be_checked()
    expect(box.locator("input[name=website]")).not_to_be_in_viewport()  # the honeypot

    email.fill("Lectrice@Example.org")
    alerts.check()
    save_screenshot(page, "newsletter-box-390")
    follow(page, box.get_by_role("button", name=translation.gettext("Subscribe")))

    assert page.url.endswith(reverse("newsletters:check_inbox"))
    with translation.override("fr"):
        heading = translation.gettext("Check your inbox")  # « Vérifiez votre boîte… »
    expect(page.get_by_role("heading", level=1)).to_have_text(heading)
    subscriber = Subscriber.objects.get()
    assert (subscriber.email, subscriber.wants_digest, subscriber.wants_alerts) == (
        "lectrice@example.org",
        True,
        True,
    )
    assert subscriber.language == "fr" and subscriber.confirmed_at is None
    sent = [message for message in mail.outbox if "lectrice@example.org" in message.to]
    assert len(sent) == 1 and "/lettre/confirmer/" in sent[0].body  # and not /en/lettre/
    assert "/en/" not in sent[0].body


@VIEWPORTS
def test_an_article_with_the_box_has_no_accessibility_violation(
    new_context, watch, axe_script, story, viewport
):
    # axe is injected as an inline script, which the site's Content-Security-Policy forbids.
    page = new_context(viewport=viewport, bypass_csp=True).new_page()
    page.goto(story.get_absolute_url())
    expect(page.locator("section.newsletter-box form")).to_be_visible()
    violations = blocking_violations(page, axe_script, impacts=EVERY_IMPACT)
    page.goto(reverse("articles:home"))
    expect(page.locator("section.newsletter-box form")).to_be_visible()
    violations += blocking_violations(page, axe_script, impacts=EVERY_IMPACT)
    save_screenshot(page, f"home-newsletter-box-{viewport['width']}")
    assert not violations, "\n".join(violations)


def test_the_box_shows_where_the_keyboard_is(new_context, watch, story):
    page = new_context(viewport=PHONE).new_page()
    page.goto(story.get_absolute_url())
    email = page.locator("#newsletter-box-email")
    email.focus()
    page.keyboard.press("Tab")  # from the field to the first box, by keyboard: focus-visible
    digest = page.locator("#newsletter-box-digest")
    expect(digest).to_be_focused()
    outline = digest.evaluate("box => getComputedStyle(box).outlineStyle")
    assert outline != "none", "the focused box shows no outline"
