"""axe-core on every kind of reader's page, at a phone's width and a desktop's; screenshots."""

import pytest
from django.urls import reverse

from tests.browser.axe import blocking_violations
from tests.browser.content import newsroom
from tests.browser.pages import DESKTOP, PHONE, save_screenshot

MISSING = "/cette-page-n-existe-pas/"
SCREENSHOTS = {"home", "article", "author", "search"}


@pytest.fixture
def reader_pages(journalist, colleague, editor):
    content = newsroom(journalist, colleague, editor)
    story = content["story"]
    return {
        "home": reverse("articles:home"),
        "article": story.get_absolute_url(),
        "section": story.section.get_absolute_url(),
        "tag": reverse("articles:tag", args=["cote-divoire"]),
        "author": content["author"].get_absolute_url(),
        "search": reverse("articles:search") + "?q=solaire",
        "contact": reverse("articles:contact"),
        "404": MISSING,
    }


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_reader_pages_have_no_serious_accessibility_violation(
    axe_script, new_context, watch, reader_pages, viewport
):
    watch.expect_status(MISSING, 404)
    # axe is injected as an inline script, which the site's Content-Security-Policy forbids.
    page = new_context(viewport=viewport, bypass_csp=True).new_page()
    violations = []
    for name, url in reader_pages.items():
        response = page.goto(url)
        assert response.status == (404 if name == "404" else 200), url
        violations += blocking_violations(page, axe_script)
        if name in SCREENSHOTS:
            save_screenshot(page, f"{name}-{viewport['width']}")
    assert not violations, "\n".join(violations)


def test_axe_reports_a_serious_violation_when_there_is_one(new_context, axe_script):
    page = new_context(bypass_csp=True).new_page()
    page.goto(reverse("articles:home"))
    page.evaluate("() => document.querySelector('main').append(document.createElement('img'))")
    assert [line for line in blocking_violations(page, axe_script) if "image-alt" in line]
