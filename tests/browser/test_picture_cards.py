"""The section page as a reader sees it: a picture on every card, a grid of cards on a wide
screen, one column on a phone without sideways scrolling, and nothing axe objects to."""

import pytest

from articles import workflow
from articles.demo.images import scene
from articles.models import Picture
from tests.browser.axe import EVERY_IMPACT, blocking_violations
from tests.browser.content import newsroom
from tests.browser.pages import DESKTOP, LOAD_EVERY_PICTURE, PHONE, save_screenshot
from tests.factories import ArticleFactory


@pytest.fixture
def section(journalist, colleague, editor):
    """Économie: the story and two more with pictures, and one without."""
    content = newsroom(journalist, colleague, editor)
    story = content["story"]
    for number, name in enumerate(["Marchés", "Emploi"], start=1):
        article = ArticleFactory(
            headline=f"Une nouvelle illustrée numéro {number}",
            section=story.section,
            image_alt=f"Une scène : {name}",
            picture=Picture.objects.create(file=scene(name), title=name, alt_text=name),
            authors=[journalist.author_profile],
        )
        workflow.apply_transition(article, "submit", journalist)
        workflow.apply_transition(article, "publish", editor)
    return story.section


def column_count(page) -> int:
    return page.locator("main .card").evaluate_all(
        "cards => new Set(cards.map(card => Math.round(card.getBoundingClientRect().left))).size"
    )


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_the_section_page_shows_pictured_cards_in_a_grid_on_wide_screens(
    axe_script, new_context, watch, section, viewport
):
    # axe is injected as an inline script, which the site's Content-Security-Policy forbids.
    page = new_context(viewport=viewport, bypass_csp=True).new_page()
    page.goto(section.get_absolute_url())
    page.evaluate(LOAD_EVERY_PICTURE)
    page.wait_for_function("[...document.images].every(image => image.complete)")
    pictures = page.locator("main .card-picture img")
    assert pictures.count() == 3
    for number in range(3):
        picture = pictures.nth(number)
        assert picture.evaluate("image => image.complete && image.naturalWidth > 0")
        box = picture.bounding_box()
        assert box["width"] > 0 and abs(box["width"] / box["height"] - 4 / 3) < 0.05
    assert page.locator("main .card-no-picture").count() == 1  # the article without
    if viewport is DESKTOP:
        assert column_count(page) >= 2, "the cards are not in a grid"
    else:
        assert column_count(page) == 1
        assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    save_screenshot(page, f"section-picture-cards-{viewport['width']}")
    assert blocking_violations(page, axe_script, impacts=EVERY_IMPACT) == []


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_the_home_page_and_read_also_show_pictured_cards(
    axe_script, new_context, watch, section, viewport
):
    # Untagged: its Read also is its section's newest, pictured but one.
    story = section.articles.get(headline__endswith="numéro 1")
    page = new_context(viewport=viewport, bypass_csp=True).new_page()
    for name, url in (("home", "/"), ("read-also", story.get_absolute_url())):
        page.goto(url)
        page.evaluate(LOAD_EVERY_PICTURE)
        page.wait_for_function("[...document.images].every(image => image.complete)")
        cards = page.locator(".card .card-picture img, .related .card-picture img")
        assert cards.count() >= 1
        assert cards.evaluate_all("images => images.every(image => image.naturalWidth > 0)")
        assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
        save_screenshot(page, f"{name}-picture-cards-{viewport['width']}")
        assert blocking_violations(page, axe_script) == []
