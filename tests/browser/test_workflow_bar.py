"""The article form's workflow bar, at a phone's width and a desktop's: in view while the
form scrolls and usable from the keyboard; sending back, scheduling and unpublishing with a
reason through it; the history beside the form on a wide screen, below it on a phone; and
no axe violation, of any impact, on the desk's article pages."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from articles import workflow
from articles.models import Article, Status
from tests.browser.axe import EVERY_IMPACT, blocking_violations
from tests.browser.desk import change_url, log_in, open_action, success_message, take_action
from tests.browser.pages import DESKTOP, PHONE, follow, press_to_load, save_screenshot
from tests.factories import ArticleFactory

VIEWPORTS = pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
IN_VIEW = """element => {
  const box = element.getBoundingClientRect();
  return box.top >= 0 && box.bottom <= window.innerHeight;
}"""
COMMENT = "Il manque la réaction du ministère des Transports."
REASON = "Une source a retiré son témoignage : nous vérifions."


def in_review(journalist) -> Article:
    article = ArticleFactory(
        headline="Le port de Cotonou agrandi", authors=[journalist.author_profile]
    )
    workflow.apply_transition(article, "submit", journalist)
    return article


def published(journalist, editor) -> Article:
    article = in_review(journalist)
    workflow.apply_transition(article, "publish", editor)
    return article


def side_is_placed_for(page, viewport) -> bool:
    """Beside the form on a wide screen, under it on a phone."""
    main = page.locator(".article-main").bounding_box()
    side = page.locator(".article-side").bounding_box()
    if viewport is DESKTOP:
        return side["x"] >= main["x"] + main["width"] and side["y"] < main["y"] + 200
    return side["y"] >= main["y"] + main["height"]


@VIEWPORTS
def test_editor_sends_back_from_the_bar_with_the_keyboard(
    new_context, watch, journalist, editor, viewport
):
    article = in_review(journalist)
    page = log_in(new_context(viewport=viewport), editor)
    page.goto(change_url(article))
    bar = page.locator(".workflow-bar")
    assert "En relecture" in bar.inner_text()
    page.locator(".submit-row").scroll_into_view_if_needed()
    assert bar.evaluate(IN_VIEW), "the bar scrolled out of view with the form"
    assert side_is_placed_for(page, viewport)

    bar.locator("summary", has_text="Renvoyer au journaliste").focus()
    page.keyboard.press("Enter")
    comment = page.locator("#workflow-comment")
    assert comment.is_visible()
    page.keyboard.press("Tab")
    assert comment.evaluate("element => document.activeElement === element")
    page.keyboard.type(COMMENT)
    save_screenshot(page, f"admin-workflow-bar-send-back-{viewport['width']}")
    page.keyboard.press("Tab")
    press_to_load(page, "Enter")

    assert "Renvoyer au journaliste" in success_message(page)
    assert Article.objects.get(pk=article.pk).status == Status.DRAFT
    assert COMMENT in page.locator(".article-side .side-history").inner_text()


@VIEWPORTS
def test_editor_schedules_from_the_bar_in_the_sites_time_zone(
    new_context, watch, journalist, editor, viewport, settings
):
    article = in_review(journalist)
    when = (timezone.localtime() + timedelta(hours=3)).replace(second=0, microsecond=0)
    page = log_in(new_context(viewport=viewport), editor)
    page.goto(change_url(article))
    open_action(page, "schedule")
    assert settings.TIME_ZONE in page.locator("label[for=workflow-publish-at]").inner_text()
    page.fill("#workflow-publish-at", when.strftime("%Y-%m-%dT%H:%M"))
    save_screenshot(page, f"admin-workflow-bar-schedule-{viewport['width']}")
    take_action(page, "schedule")

    scheduled = Article.objects.get(pk=article.pk)
    assert scheduled.status == Status.PUBLISHED and scheduled.published_at == when
    bar = page.locator(".workflow-bar")
    assert "Programmé" in bar.inner_text()
    assert bar.locator("time").get_attribute("datetime") == when.isoformat()


@VIEWPORTS
def test_editor_unpublishes_from_the_bar_with_a_reason(
    new_context, watch, journalist, editor, viewport
):
    article = published(journalist, editor)
    page = log_in(new_context(viewport=viewport), editor)
    page.goto(change_url(article))
    follow(page, page.locator(".workflow-bar").get_by_role("link", name="Dépublier"))
    reason = page.locator("textarea[name=reason]")
    page.get_by_role("button", name="Oui, dépublier").click()
    assert reason.evaluate("area => !area.validity.valid"), "no reason, no unpublishing"
    assert Article.objects.get(pk=article.pk).status == Status.PUBLISHED

    reason.fill(REASON)
    save_screenshot(page, f"admin-unpublish-reason-{viewport['width']}")
    follow(page, page.get_by_role("button", name="Oui, dépublier"))
    assert "Dépublier" in success_message(page)
    assert Article.objects.get(pk=article.pk).status == Status.UNPUBLISHED
    assert REASON in page.locator(".article-side .side-history").inner_text()


@VIEWPORTS
def test_the_desks_article_pages_have_no_accessibility_violation(
    new_context, axe_script, journalist, editor, viewport
):
    waiting = in_review(journalist)
    public = published(journalist, editor)
    draft = ArticleFactory(headline="Brouillon du jour", authors=[journalist.author_profile])
    editors_pages = [
        reverse("admin:articles_article_changelist"),
        reverse("admin:articles_article_add"),
        change_url(waiting),
        change_url(public),
        reverse("admin:articles_article_revisions", args=[public.pk]),
        reverse("admin:articles_article_unpublish", args=[public.pk]),
    ]
    violations = []
    for person, pages in [(editor, editors_pages), (journalist, [change_url(draft)])]:
        page = log_in(new_context(viewport=viewport, bypass_csp=True), person)
        for address in pages:
            assert page.goto(address).status == 200, address
            if page.locator(".field-body").count():  # named once the editor has drawn
                page.locator(".ProseMirror[aria-labelledby]").wait_for()
            violations += blocking_violations(page, axe_script, impacts=EVERY_IMPACT)
        save_screenshot(page, f"admin-article-form-{person.username}-{viewport['width']}")
    assert not violations, "\n".join(violations)


def overlap(one: dict, other: dict) -> bool:
    return not (
        one["x"] + one["width"] <= other["x"]
        or other["x"] + other["width"] <= one["x"]
        or one["y"] + one["height"] <= other["y"]
        or other["y"] + other["height"] <= one["y"]
    )


@VIEWPORTS
def test_the_form_gives_the_text_room(new_context, journalist, viewport):
    """The headline across the form, an empty body a page tall, the tools clear of the title."""
    page = log_in(new_context(viewport=viewport), journalist)
    page.goto(reverse("admin:articles_article_add"))
    headline = page.locator("#id_headline").bounding_box()
    assert headline["width"] >= (550 if viewport is DESKTOP else 340), headline
    body = page.locator(".field-body .ProseMirror[contenteditable=true]")
    body.wait_for()
    assert body.bounding_box()["height"] >= 300

    draft = ArticleFactory(
        headline="Un titre assez long pour la place des outils de la page",
        authors=[journalist.author_profile],
    )
    page.goto(change_url(draft))
    title = page.locator("#content > h2").bounding_box()
    for tool in page.locator(".object-tools li").all():
        assert not overlap(tool.bounding_box(), title), tool.inner_text()
