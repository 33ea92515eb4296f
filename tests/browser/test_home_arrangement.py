"""An editor arranges the home page on the desk and switches the breaking-news banner on: a
reader on a phone sees both at once, and a cue that the menu holds more sections."""

from datetime import timedelta

from django.urls import reverse
from django.utils import timezone
from playwright.sync_api import expect

from articles import workflow
from articles.models import BreakingNews, FeaturedStory
from tests.browser.axe import blocking_violations
from tests.browser.desk import log_in
from tests.browser.pages import DESKTOP, PHONE, follow, save_screenshot
from tests.factories import ArticleFactory, SectionFactory

SECTIONS = ["Politique", "Économie", "Société", "Culture", "Sport", "Sciences", "Monde"]
FADE = "getComputedStyle(document.querySelector('.site-nav'), '::after').display"


def published(headline, journalist, editor, section):
    article = ArticleFactory(
        headline=headline, section=section, authors=[journalist.author_profile]
    )
    workflow.apply_transition(article, "submit", journalist)
    workflow.apply_transition(article, "publish", editor)
    return article


def feature_on_the_desk(page, headline, position):
    page.goto(reverse("admin:articles_featuredstory_add"))
    page.locator(".field-article .select2-selection").click()
    # Opening it lists the published stories: no typing, so no request is cut short.
    page.locator(".select2-results__option", has_text=headline).click()
    page.fill("#id_position", str(position))
    follow(page, page.locator("input[name=_save]"))


def test_an_editor_arranges_the_home_page_and_a_reader_sees_it(
    new_context, watch, journalist, editor
):
    sections = [SectionFactory(name=name, position=n) for n, name in enumerate(SECTIONS)]
    old = published("Inondations à Bouaké", journalist, editor, sections[0])
    middle = published("Récolte record de cacao", journalist, editor, sections[1])
    published("Match nul à Abidjan", journalist, editor, sections[4])

    desk = log_in(new_context(), editor)
    feature_on_the_desk(desk, old.headline, 1)
    feature_on_the_desk(desk, middle.headline, 2)
    assert desk.locator(".messagelist .warning").count() == 1  # fewer than three featured
    # Reordered in the list: the cocoa story first.
    desk.locator("tr", has_text=middle.headline).locator("input[name$=-position]").fill("0")
    follow(desk, desk.locator("input[name=_save]"))
    assert list(FeaturedStory.objects.values_list("article", flat=True)) == [middle.pk, old.pk]

    desk.goto(reverse("admin:articles_breakingnews_add"))
    desk.fill("#id_text", "Coupure d’électricité géante à Abidjan")
    desk.fill("#id_link", middle.get_absolute_url())
    desk.check("#id_is_on")
    follow(desk, desk.locator("input[name=_save]"))
    assert BreakingNews.objects.shown().count() == 1

    reader = new_context(viewport=PHONE).new_page()
    reader.goto(reverse("articles:home"))
    banner = reader.get_by_role("region", name="Alerte info").or_(
        reader.get_by_role("region", name="Breaking news")
    )
    assert banner.is_visible()
    assert banner.get_by_role("link").get_attribute("href") == middle.get_absolute_url()
    assert banner.bounding_box()["height"] < 80  # one or two short lines on a phone
    picks = reader.locator(".picks .card-title").all_inner_texts()
    assert picks == [middle.headline, old.headline]
    save_screenshot(reader, "home-arranged-phone")

    # The menu holds more sections than the phone's width: a fade says so, until its end.
    nav = reader.locator(".site-nav")
    assert nav.get_attribute("data-more") == "after"
    assert reader.evaluate(FADE) == "block"
    reader.locator(".site-nav ul").evaluate("list => list.scrollTo(list.scrollWidth, 0)")
    expect(nav).to_have_attribute("data-more", "before")
    assert reader.evaluate(FADE) == "none"
    assert reader.get_by_role("link", name=SECTIONS[-1]).is_visible()


def test_the_arranged_home_page_has_no_serious_accessibility_violation(
    axe_script, new_context, watch, journalist, editor
):
    section = SectionFactory(name="Politique")
    story = published("Inondations à Bouaké", journalist, editor, section)
    published("Match nul à Abidjan", journalist, editor, section)  # the lead
    FeaturedStory(article=story, until=timezone.now() + timedelta(hours=1)).save_by(editor)
    BreakingNews(
        text="Alerte", link="/", is_on=True, until=timezone.now() + timedelta(hours=1)
    ).save_by(editor)
    # axe is injected as an inline script, which the site's Content-Security-Policy forbids.
    for viewport in (PHONE, DESKTOP):
        page = new_context(viewport=viewport, bypass_csp=True).new_page()
        page.goto(reverse("articles:home"))
        assert page.locator(".breaking").is_visible() and page.locator(".picks").is_visible()
        assert not blocking_violations(page, axe_script)


def test_without_its_script_the_menu_still_shows_its_fade(new_context, watch):
    for n, name in enumerate(SECTIONS):
        SectionFactory(name=name, position=n)
    reader = new_context(viewport=PHONE).new_page()
    reader.route(
        "**/site*.js", lambda route: route.fulfill(body="", content_type="text/javascript")
    )
    reader.goto(reverse("articles:home"))
    assert reader.locator(".site-nav").get_attribute("data-more") is None
    assert reader.evaluate(FADE) == "block"
