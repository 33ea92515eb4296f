"""The watch every browser test runs under does catch what it is there to catch."""

import pytest

from tests.browser.watch import Watch

MISSING_ASSET = "/static/css/missing.css"
ADD_STYLESHEET = """href => document.head.append(
  Object.assign(document.createElement("link"), {rel: "stylesheet", href})
)"""


@pytest.fixture
def watched(browser, site):
    """A page under its own watch, apart from the one that fails the test."""
    watch = Watch(site)
    # Without the site's Content-Security-Policy, which would stop some of these first.
    context = browser.new_context(base_url=site, bypass_csp=True)
    watch.attach(context)
    yield context.new_page(), watch
    context.close()


def test_a_request_to_another_host_is_caught_and_never_answered(watched):
    page, watch = watched
    page.goto("/")
    with page.expect_event("requestfailed"):
        page.evaluate("() => { fetch('http://example.com/tracker.js').catch(() => null); }")
    assert watch.off_site_requests() == ["http://example.com/tracker.js"]
    assert any("leaving the test server" in problem for problem in watch.problems)
    assert any("failed request: http://example.com/" in problem for problem in watch.problems)


def test_console_errors_and_script_errors_are_caught(watched):
    page, watch = watched
    page.goto("/")
    with page.expect_console_message():
        page.evaluate("() => console.error('broken')")
    with page.expect_event("pageerror"):
        page.evaluate("() => { setTimeout(() => { throw new Error('boom'); }); }")
    assert any("console error: broken" in problem for problem in watch.problems)
    assert any("script error" in problem and "boom" in problem for problem in watch.problems)


def test_an_unexpected_error_answer_is_caught_and_an_expected_one_is_not(watched):
    page, watch = watched
    watch.expect_status("/page-attendue-absente/", 404)
    page.goto("/page-attendue-absente/")
    assert watch.problems == []
    page.goto("/")
    with page.expect_response(lambda response: response.url.endswith(MISSING_ASSET)):
        page.evaluate(ADD_STYLESHEET, MISSING_ASSET)
    assert [p for p in watch.problems if p.startswith("error answer 404:")] == [
        f"error answer 404: {page.url}{MISSING_ASSET.lstrip('/')}"
    ]
