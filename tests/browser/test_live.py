"""A reader follows a live story on a phone: an entry posted meanwhile arrives behind the
"1 nouvelle entrée" button with no reload, the button inserts it and takes the focus there;
once the coverage ends the page offers a reload and asks no more. The page passes axe."""

import time

import pytest
from playwright.sync_api import expect

from articles import workflow
from live.models import LiveCoverage, LiveEntry
from tests.browser.axe import EVERY_IMPACT, blocking_violations
from tests.browser.pages import DESKTOP, PHONE
from tests.factories import ArticleFactory

POLL_SECONDS = 1  # the page's poll, shortened for the test


@pytest.fixture
def coverage(journalist, editor, settings):
    settings.LIVE_POLL_SECONDS = POLL_SECONDS
    article = ArticleFactory(
        headline="Élections : la soirée en direct", authors=[journalist.author_profile]
    )
    workflow.apply_transition(article, "submit", journalist)
    workflow.apply_transition(article, "publish", editor)
    coverage = LiveCoverage.start_by(editor, article)
    LiveEntry.post_by(
        editor, coverage, title="Les bureaux ouvrent", body="<p>À 8 h.</p>", is_key_event=True
    )
    LiveEntry.post_by(editor, coverage, body="<p>Forte affluence à Bouaké.</p>", is_pinned=True)
    return coverage


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_a_live_story_has_no_accessibility_violation(new_context, axe_script, coverage, viewport):
    # axe is injected as an inline script, which the site's Content-Security-Policy forbids.
    page = new_context(viewport=viewport, bypass_csp=True).new_page()
    page.goto(coverage.article.get_absolute_url())
    violations = blocking_violations(page, axe_script, impacts=EVERY_IMPACT)
    assert not violations, "\n".join(violations)


def test_a_new_entry_reaches_an_open_page_until_the_coverage_ends(
    new_context, watch, coverage, editor
):
    page = new_context(viewport=PHONE).new_page()
    polls = []
    page.on("request", lambda request: "/direct/" in request.url and polls.append(request.url))
    page.goto(coverage.article.get_absolute_url())
    expect(page.locator("[data-live-reload]")).to_be_hidden()  # the script runs
    with page.expect_response(
        lambda response: "/direct/" in response.url and response.status == 304,
        timeout=10 * POLL_SECONDS * 1000,
    ):
        pass  # nothing new yet: the poll is answered 304, and the page stays as it is
    expect(page.locator("[data-live-new]")).to_be_hidden()
    entry = LiveEntry.post_by(editor, coverage, body="<p>Premiers résultats à Korhogo.</p>")

    button = page.locator("[data-live-new]")
    expect(button).to_have_text("1 nouvelle entrée", timeout=10 * POLL_SECONDS * 1000)
    button.click()
    inserted = page.locator(f"#entry-{entry.pk}")
    expect(inserted).to_contain_text("Premiers résultats à Korhogo")
    expect(inserted).to_be_focused()
    expect(button).to_be_hidden()

    coverage.end_by(editor, "Le dépouillement se poursuit demain.")
    expect(page.locator("[data-live-reload]")).to_be_visible(timeout=10 * POLL_SECONDS * 1000)
    asked = len(polls)
    time.sleep(3 * POLL_SECONDS)
    assert len(polls) == asked  # ended: the page asks no more


def test_a_correction_a_deletion_and_a_pin_reach_an_open_page(new_context, watch, coverage, editor):
    opening, pinned = LiveEntry.objects.filter(coverage=coverage).order_by("pk")
    wrong = LiveEntry.post_by(editor, coverage, body="<p>Rumeur non vérifiée.</p>")
    page = new_context(viewport=PHONE).new_page()
    page.goto(coverage.article.get_absolute_url())
    expect(page.locator("[data-live-reload]")).to_be_hidden()  # the script runs
    wait = 10 * POLL_SECONDS * 1000

    opening.correct_by(editor, body="<p>À 7 h 30, une demi-heure plus tôt.</p>")
    wrong.delete_by(editor)
    pinned.edit_by(editor, title="", body=pinned.body, is_key_event=False, is_pinned=False)

    expect(page.locator(f"#entry-{opening.pk}")).to_contain_text("À 7 h 30", timeout=wait)
    expect(page.locator(f"#entry-{opening.pk}")).to_contain_text("Corrigée à")
    expect(page.locator(f"#entry-{wrong.pk}")).to_have_count(0)
    expect(page.locator(f"[data-live-entries] #entry-{pinned.pk}")).to_have_count(1)
    expect(page.locator("[data-live-pinned]")).to_be_hidden()  # nothing pinned any more
    order = page.locator("[data-live-entry]").evaluate_all(
        "entries => entries.map(entry => Number(entry.dataset.liveEntry))"
    )
    assert order == [pinned.pk, opening.pk]  # newest first once unpinned
    expect(page.locator("[data-live-new]")).to_be_hidden()  # nothing new to insert

    newest = LiveEntry.post_by(editor, coverage, body="<p>À épingler.</p>", is_pinned=True)
    page.locator("[data-live-new]").click(timeout=wait)
    expect(page.locator(f"[data-live-pinned] #entry-{newest.pk}")).to_be_focused()
    expect(page.locator("[data-live-pinned]")).to_be_visible()
