"""Moving around pages as a person would, and keeping pictures of them."""

from pathlib import Path

from django.conf import settings

DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}
SCREENSHOTS = Path(settings.BASE_DIR) / "screenshots"
LOAD_EVERY_PICTURE = """() => document.querySelectorAll("img[loading=lazy]").forEach(image => {
  image.loading = "eager";
})"""


def follow(page, locator) -> None:
    """Click something that loads a new page, and wait until that page has loaded."""
    with page.expect_event("load"):
        locator.click()


def press_to_load(page, key: str) -> None:
    with page.expect_event("load"):
        page.keyboard.press(key)


def tab_to(page, locator, limit: int = 40) -> int:
    """Press Tab until `locator` has the focus; how many presses it took."""
    target = locator.element_handle()
    for presses in range(1, limit + 1):
        page.keyboard.press("Tab")
        if page.evaluate("element => document.activeElement === element", target):
            return presses
    raise AssertionError(f"{locator} not reached with {limit} presses of Tab")


def save_screenshot(page, name: str) -> Path:
    """Into screenshots/ (not committed), for people to look at."""
    path = SCREENSHOTS / f"{name}.png"
    path.parent.mkdir(parents=True, exist_ok=True)
    # Every picture in, lazy ones too: a whole page is shown, and no download is still
    # running when the test moves on (the browser would cancel it: a failed request).
    page.evaluate(LOAD_EVERY_PICTURE)
    page.wait_for_function("[...document.images].every(image => image.complete)")
    page.screenshot(path=path, full_page=True)
    return path
