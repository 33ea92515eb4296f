"""The desk's front page read on a phone and on a desktop: axe finds nothing serious."""

from datetime import timedelta

import pytest
from django.utils import timezone

from articles import workflow
from tests.browser.axe import blocking_violations
from tests.browser.desk import log_in
from tests.browser.pages import DESKTOP, PHONE, save_screenshot
from tests.factories import ArticleFactory

LONG_HEADLINE = "Un titre assez long pour voir où il passe à la ligne sur un téléphone, numéro {}"


@pytest.fixture
def every_list(journalist, editor):
    """Every list filled, the review list beyond what it shows."""
    for number in range(17):
        waiting = ArticleFactory(
            authors=[journalist.author_profile], headline=LONG_HEADLINE.format(number)
        )
        workflow.apply_transition(waiting, "submit", journalist)
    scheduled = ArticleFactory(authors=[journalist.author_profile])
    published = ArticleFactory(authors=[journalist.author_profile])
    workflow.apply_transition(
        scheduled, "schedule", editor, when=timezone.now() + timedelta(hours=3)
    )
    workflow.apply_transition(published, "publish", editor)
    ArticleFactory(authors=[editor.author_profile], headline="L’édito du lundi")
    returned = ArticleFactory(authors=[editor.author_profile], headline="Chronique renvoyée")
    workflow.apply_transition(returned, "submit", editor)
    workflow.apply_transition(
        returned, "send_back", editor, comment="Ajoutez la source du chiffre.\nEt raccourcissez."
    )


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_the_desk_front_page_has_no_serious_accessibility_violation(
    new_context, axe_script, every_list, editor, viewport
):
    # axe is injected as an inline script, which the site's Content-Security-Policy forbids.
    page = log_in(new_context(viewport=viewport, bypass_csp=True), editor)

    assert "17" in page.locator("#attention-review h2").inner_text()
    assert page.locator("#attention-review li").count() == 15
    assert "Ajoutez la source du chiffre." in page.locator("#attention-sent_back").inner_text()
    save_screenshot(page, f"desk-front-page-{viewport['width']}")
    violations = blocking_violations(page, axe_script)
    assert not violations, "\n".join(violations)
