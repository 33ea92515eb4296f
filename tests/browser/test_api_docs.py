"""The content API's docs page: Swagger UI from the site itself, under the site's policy."""

from playwright.sync_api import expect

from tests.browser.content import newsroom


def test_a_developer_reads_the_docs_and_tries_the_list(page, watch, journalist, colleague, editor):
    newsroom(journalist, colleague, editor)
    page.goto("/api/v1/docs")
    listing = page.locator(".opblock-summary-path", has_text="/api/v1/articles").first
    expect(listing).to_be_visible()
    listing.click()
    page.get_by_role("button", name="Try it out").click()
    page.get_by_role("button", name="Execute").click()
    status = page.locator(".live-responses-table tbody td.response-col_status").first
    expect(status).to_have_text("200")
    assert watch.off_site_requests() == []
