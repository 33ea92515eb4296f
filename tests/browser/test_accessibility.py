"""axe-core on every kind of reader's page, at a phone's width and a desktop's, every rule
and impact (best practices too), with the banner, the editors' picks and the most read
list showing, and for a reader saving data; screenshots."""

import pytest
from django.urls import reverse

from articles.models import BreakingNews, FeaturedStory
from audience import counting
from tests.browser.axe import EVERY_IMPACT, blocking_violations
from tests.browser.content import newsroom
from tests.browser.pages import DESKTOP, PHONE, save_screenshot

MISSING = "/cette-page-n-existe-pas/"
SCREENSHOTS = {"home", "article", "author", "search"}


@pytest.fixture
def reader_pages(journalist, colleague, editor):
    content = newsroom(journalist, colleague, editor)
    story = content["story"]
    for position, article in enumerate(content["others"][:3]):
        FeaturedStory(article=article, position=position).save_by(editor)
    BreakingNews(text="Résultats des élections", link=story.get_absolute_url(), is_on=True).save_by(
        editor
    )
    for article in (story, *content["others"]):
        counting.record(article.pk, article.section_id)
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


@pytest.mark.parametrize(
    ("viewport", "saving_data"),
    [(PHONE, False), (DESKTOP, False), (PHONE, True)],
    ids=["phone", "desktop", "phone-saving-data"],
)
def test_reader_pages_have_no_accessibility_violation(
    axe_script, new_context, watch, reader_pages, viewport, saving_data
):
    watch.expect_status(MISSING, 404)
    headers = {"Save-Data": "on"} if saving_data else {}
    # axe is injected as an inline script, which the site's Content-Security-Policy forbids.
    context = new_context(viewport=viewport, bypass_csp=True, extra_http_headers=headers)
    page = context.new_page()
    violations = []
    for name, url in reader_pages.items():
        response = page.goto(url)
        assert response.status == (404 if name == "404" else 200), url
        violations += blocking_violations(page, axe_script, impacts=EVERY_IMPACT)
        if name in SCREENSHOTS and not saving_data:
            save_screenshot(page, f"{name}-{viewport['width']}")
    home = page.goto(reader_pages["home"]) and page.content()
    assert "Résultats des élections" in home and "most-read" in home and "picks" in home
    assert not violations, "\n".join(violations)


def test_axe_reports_a_serious_violation_when_there_is_one(new_context, axe_script):
    page = new_context(bypass_csp=True).new_page()
    page.goto(reverse("articles:home"))
    page.evaluate("() => document.querySelector('main').append(document.createElement('img'))")
    assert [line for line in blocking_violations(page, axe_script) if "image-alt" in line]
