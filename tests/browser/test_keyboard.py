"""The keyboard alone reaches and uses the search, the sections menu and the share links."""

import pytest
from playwright.sync_api import expect

from tests.browser.content import newsroom
from tests.browser.pages import press_to_load, tab_to
from tests.browser.sharing import expected_share_links

# Records which link a click (Enter, for the keyboard) reached, and keeps share links to
# other sites from opening: no request may leave the test server.
CATCH_OFF_SITE_CLICKS = """() => {
  window.clickedLinks = [];
  addEventListener("click", event => {
    const link = event.target.closest("a");
    if (!link) return;
    window.clickedLinks.push(link.href);
    if (link.origin !== location.origin) event.preventDefault();
  }, true);
}"""


@pytest.fixture
def story(journalist, colleague, editor):
    return newsroom(journalist, colleague, editor)["story"]


def has_visible_focus(page) -> bool:
    return page.evaluate("getComputedStyle(document.activeElement).outlineStyle !== 'none'")


def test_keyboard_reaches_and_uses_the_search(page, story):
    page.goto("/")
    tab_to(page, page.locator("#site-search-q"))
    assert has_visible_focus(page)
    page.keyboard.type("Yamoussoukro")
    press_to_load(page, "Enter")
    assert "/recherche/?q=Yamoussoukro" in page.url
    result = page.locator("main .card-title a")
    assert result.all_inner_texts() == [story.headline]
    tab_to(page, result)
    press_to_load(page, "Enter")
    assert page.url.endswith(story.get_absolute_url())


def test_keyboard_reaches_and_uses_the_sections_menu(page, story):
    page.goto("/")
    menu_link = page.locator(".site-nav").get_by_role("link", name=story.section.name)
    tab_to(page, menu_link)
    assert has_visible_focus(page)
    press_to_load(page, "Enter")
    assert page.url.endswith(story.section.get_absolute_url())
    assert menu_link.get_attribute("aria-current") == "page"
    assert page.locator("h1").inner_text() == story.section.name


def test_keyboard_reaches_and_uses_the_share_links(new_context, site, story):
    context = new_context()
    context.grant_permissions(["clipboard-read", "clipboard-write"])
    page = context.new_page()
    url = site + story.get_absolute_url()
    page.goto(url)
    page.evaluate(CATCH_OFF_SITE_CLICKS)
    expected = expected_share_links(story.headline, url)
    bar = page.locator("section.share").first
    for css_class, href in expected.items():
        tab_to(page, bar.locator(f"a.{css_class}"))
        assert has_visible_focus(page)
        page.keyboard.press("Enter")
        assert page.evaluate("window.clickedLinks.at(-1)") == href

    expect(bar.locator("a.share-copy")).to_have_text("Lien copié")  # once copied
    assert page.evaluate("navigator.clipboard.readText()") == url
    assert page.url == url  # no share link took the reader away
