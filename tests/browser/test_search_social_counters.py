"""The article form counts as the journalist types: the search and social fields' characters
against their limits, and the body's words."""

import re

from articles.models import Article
from tests.browser.desk import ProseEditor, change_url, log_in
from tests.browser.pages import follow
from tests.factories import ArticleFactory

BODY = "<p>Un deux trois quatre cinq.</p><p>Six sept.</p>"


def count_in(locator) -> int:
    return int(re.match(r"\d+", locator.text_content()).group())


def test_the_counters_follow_the_typing_and_the_fields_are_saved(new_context, journalist):
    draft = ArticleFactory(body=BODY, authors=[journalist.author_profile])
    page = log_in(new_context(), journalist)
    page.goto(change_url(draft))

    words = page.locator("#id_body_word_count")
    assert count_in(words) == 7  # two paragraphs: their words are not run together
    editor = ProseEditor(page)
    editor.go_to_end()
    editor.type(" huit neuf dix")
    page.wait_for_function(
        "document.getElementById('id_body_word_count').innerText.startsWith('10')"
    )

    page.locator("summary", has_text=re.compile("Search and social|Recherche")).click()
    title = page.locator("#id_seo_title")
    counter = page.locator("#id_seo_title_counter")
    assert counter.inner_text().startswith("0 ") and "70" in counter.inner_text()
    assert "id_seo_title_counter" in title.get_attribute("aria-describedby")
    title.press_sequentially("Été à Abidjan")
    assert count_in(counter) == 13  # code points, as the server counts them
    title.press_sequentially("x" * 80)
    assert count_in(counter) == 70  # the field takes no more than it may hold
    page.locator("#id_social_description").press_sequentially("Partagé")
    assert count_in(page.locator("#id_social_description_counter")) == 7

    follow(page, page.locator("input[name=_continue]"))
    saved = Article.objects.get(pk=draft.pk)
    assert saved.seo_title == "Été à Abidjan" + "x" * 57
    assert saved.social_description == "Partagé"
    assert len(saved.body_text.split()) == 10
    assert count_in(page.locator("#id_seo_title_counter")) == 70  # counted again on reload
