"""Issue 31: text being typed is kept on the server (an autosave) and in the browser, and
offered back, body included, in the editor; a save ends both."""

import time

import pytest
from django.urls import reverse

from articles.models import Article, Revision
from tests.browser.desk import ProseEditor, change_url, log_in, success_message
from tests.browser.pages import DESKTOP, PHONE, follow, save_screenshot
from tests.factories import ArticleFactory, SectionFactory

VIEWPORTS = pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
ADD = reverse("admin:articles_article_add")
TYPED = " Les pêcheurs attendent la décrue."


def wait_until(condition, seconds: float = 10.0) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.1)
    return condition()


def autosaved_body(article, user) -> str:
    kept = Revision.autosaves.filter(article=article, user=user).first()
    return kept.data["body"] if kept else ""


@VIEWPORTS
def test_an_autosave_is_offered_back_on_reopening_and_ends_with_the_save(
    new_context, journalist, settings, viewport
):
    settings.AUTOSAVE_SECONDS = 1
    draft = ArticleFactory(
        headline="La crue du Bandama",
        body="<p>Le fleuve a débordé.</p>",
        authors=[journalist.author_profile],
    )
    context = new_context(viewport=viewport)
    page = log_in(context, journalist)
    page.goto(change_url(draft))
    page.wait_for_timeout(1500)  # longer than the interval: nothing typed, nothing sent
    assert not Revision.autosaves.exists()
    editor = ProseEditor(page)
    editor.go_to_end()
    editor.type(TYPED)
    assert wait_until(lambda: TYPED.strip() in autosaved_body(draft, journalist))
    page.locator("#autosave-status").wait_for()  # "saved automatically at…"
    stored = Article.objects.get(pk=draft.pk)
    assert (stored.body, stored.version) == ("<p>Le fleuve a débordé.</p>", draft.version)
    page.close()  # without saving

    page = context.new_page()
    page.goto(change_url(draft))
    offer = page.locator("#autosave-offer")
    assert "Awa Koné" in offer.inner_text()
    assert page.locator("#restore-local-copy").is_hidden()  # the same text: offered once
    assert TYPED.strip() not in ProseEditor(page).area.inner_text()
    save_screenshot(page, f"admin-autosave-offer-{viewport['width']}")
    offer.locator("[data-action=restore]").click()
    assert offer.is_hidden()
    assert TYPED.strip() in ProseEditor(page).area.inner_text()  # in the editor, visibly
    save_screenshot(page, f"admin-autosave-restored-{viewport['width']}")

    follow(page, page.locator("input[name=_continue]"))
    assert "La crue du Bandama" in success_message(page)
    assert TYPED.strip() in Article.objects.get(pk=draft.pk).body
    page.reload()
    assert page.locator("#autosave-offer").count() == 0
    assert page.locator("#restore-local-copy").is_hidden()


@VIEWPORTS
def test_the_browser_copy_of_a_new_article_is_offered_back_then_cleared_by_the_save(
    new_context, journalist, viewport
):
    SectionFactory(name="Société")
    page = log_in(new_context(viewport=viewport), journalist)
    page.goto(ADD)
    assert page.locator("#autosave").count() == 0  # no article yet: nothing sent
    page.fill("#id_headline", "Les pêcheurs du Bandama")
    editor = ProseEditor(page)
    editor.focus()
    editor.type("Ils attendent la décrue depuis trois jours.")
    page.reload()  # the tab crashed, the session expired…

    offer = page.locator("#restore-local-copy")
    offer.wait_for()
    assert "décrue" not in ProseEditor(page).area.inner_text()
    offer.locator("button").click()
    assert page.input_value("#id_headline") == "Les pêcheurs du Bandama"
    assert "Ils attendent la décrue" in ProseEditor(page).area.inner_text()
    save_screenshot(page, f"admin-browser-copy-restored-{viewport['width']}")

    page.select_option("#id_section", label="Société")
    follow(page, page.locator("input[name=_save]"))  # to the list: another address
    assert "Les pêcheurs du Bandama" in success_message(page)
    saved = Article.objects.get(headline="Les pêcheurs du Bandama")
    assert "Ils attendent la décrue depuis trois jours." in saved.body
    page.goto(ADD)
    assert page.locator("#restore-local-copy").is_hidden()
    assert page.evaluate(f"localStorage.getItem('newsroom-draft:{ADD}')") is None
