"""An editor narrows the article list to one author by typing a few letters of the name, with
the search kept, then lists every author again (issue 37: no link for each author)."""

from django.urls import reverse
from playwright.sync_api import expect

from tests.browser.desk import log_in
from tests.browser.pages import follow
from tests.factories import ArticleFactory, AuthorFactory


def test_an_editor_lists_one_authors_articles_from_typed_letters(new_context, editor):
    awa = AuthorFactory(display_name="Awa Traoré")
    moussa = AuthorFactory(display_name="Moussa Diallo")
    ArticleFactory(headline="Les pluies à Ouagadougou", authors=[awa])
    ArticleFactory(headline="Les pluies à Bobo-Dioulasso", authors=[moussa])
    ArticleFactory(headline="Le marché de Ouagadougou", authors=[moussa])

    desk = log_in(new_context(), editor)
    desk.goto(reverse("admin:articles_article_changelist") + "?q=pluies")
    rows = desk.locator("#result_list tbody tr")
    assert rows.count() == 2
    desk.locator(".desk-author-filter .select2-selection").click()
    # Opened, it lists names from the first; typing once they came cuts no request short.
    desk.locator(".select2-results__option", has_text="Moussa Diallo").wait_for()
    desk.keyboard.type("Tra")
    # The names the typed letters found: Awa's only.
    expect(desk.locator(".select2-results__option", has_text="Moussa")).to_have_count(0)
    choice = desk.locator(".select2-results__option", has_text="Awa Traoré")
    with desk.expect_event("load"):
        choice.click()
    assert [rows.nth(0).locator(".field-headline").inner_text()] == ["Les pluies à Ouagadougou"]
    assert rows.count() == 1
    assert "q=pluies" in desk.url and f"author={awa.pk}" in desk.url
    assert (
        desk.locator(".desk-author-filter .select2-selection")
        .inner_text()
        .strip()
        .endswith("Awa Traoré")
    )

    follow(desk, desk.get_by_role("link", name="Tous les auteurs"))
    assert rows.count() == 2 and "author=" not in desk.url and "q=pluies" in desk.url
