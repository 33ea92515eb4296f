"""The article page as a reader on a phone and a desktop sees it: a one-row share bar that
leaves the photo on the first screen, two share bars with names of their own, every share
link at hand on a wide screen, and authors' portraits at their size."""

import pytest

from tests.browser.content import newsroom
from tests.browser.pages import DESKTOP, PHONE, save_screenshot

VIEWPORTS = pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])


@pytest.fixture
def story(journalist, colleague, editor):
    return newsroom(journalist, colleague, editor)["story"]


@VIEWPORTS
def test_the_share_bar_is_one_row_and_the_photo_on_the_first_screen(
    new_context, watch, story, viewport
):
    page = new_context(viewport=viewport).new_page()
    page.goto(story.get_absolute_url())
    top = page.locator("section.share-top")
    if viewport is PHONE:
        rows = top.locator(".share-row > li:visible").evaluate_all(
            "items => new Set(items.map(item => Math.round(item.getBoundingClientRect().top))).size"
        )
        assert rows == 1, "the share bar wraps"
    assert top.locator("a.share-whatsapp").is_visible()
    photo = page.locator("figure.featured img").bounding_box()
    assert photo["y"] < viewport["height"], "the photo is below the first screen"
    save_screenshot(page, f"article-share-bar-{viewport['width']}")

    native = top.locator("button.share-native")
    assert native.is_visible() == (viewport is PHONE and page.evaluate("'share' in navigator"))
    more = top.locator("a.share-facebook")
    if viewport is PHONE:
        assert not more.is_visible()
        top.locator(".share-more summary").click()
    assert more.is_visible()


def test_the_two_share_bars_are_named_apart(new_context, watch, story):
    page = new_context(viewport=PHONE).new_page()
    page.goto(story.get_absolute_url())
    names = page.locator("section.share").evaluate_all(
        "bars => bars.map(bar => document.getElementById("
        "bar.getAttribute('aria-labelledby')).textContent.trim())"
    )
    assert len(names) == 2 and len(set(names)) == 2, names


@VIEWPORTS
def test_portraits_keep_their_size(new_context, watch, story, viewport):
    page = new_context(viewport=viewport).new_page()
    page.goto(story.get_absolute_url())
    for portrait in page.locator(".author-box img.author-photo").all():
        portrait.scroll_into_view_if_needed()
        box = portrait.bounding_box()
        assert (round(box["width"]), round(box["height"])) == (96, 96)
    author = story.bylines.first().author
    page.goto(author.get_absolute_url())
    box = page.locator(".author-profile img.author-photo").bounding_box()
    assert round(box["width"]) == round(box["height"]) >= 150
