"""One story, from the journalist's keyboard to a reader's phone, in a real browser.

1. The journalist writes it in the desk's rich-text editor, with a photo, a section and
   accented tags, and submits it. 2. The editor sends it back with a comment; the journalist
   reads it, corrects, resubmits; the editor previews and publishes. 3. A reader on a phone
   finds it, reads it, searches for it and follows its tag and author links.
"""

import pytest
from django.urls import reverse

from articles.demo.images import scene
from articles.models import Article, Status
from tests.browser.desk import (
    ProseEditor,
    change_url,
    log_in,
    open_action,
    success_message,
    take_action,
)
from tests.browser.pages import PHONE, follow, press_to_load, save_screenshot
from tests.browser.sharing import expected_share_links
from tests.factories import SectionFactory

HEADLINE = "Le solaire gagne le nord de la Côte d’Ivoire"
TAGS = ["Énergie solaire", "Côte d’Ivoire", "Électricité"]
LINK = "https://energie.example.org/plan"
COMMENT = "Donnez la date d’ouverture de la centrale de Korhogo."
CORRECTION = "La centrale de Korhogo ouvrira en juin 2027."


@pytest.fixture
def economy(db):
    return SectionFactory(name="Économie", slug="economie")


def test_a_story_goes_from_the_journalist_to_a_reader(
    new_context, watch, site, journalist, editor, economy
):
    article = journalist_writes_and_submits(new_context, journalist)
    editor_sends_back_then_publishes(new_context, article, journalist, editor)
    reader_on_a_phone_finds_reads_and_follows(new_context, site, article, journalist.author_profile)
    assert watch.requests, "the browser's requests were not recorded"
    assert not watch.off_site_requests()


def journalist_writes_and_submits(new_context, journalist) -> Article:
    page = log_in(new_context(), journalist)
    follow(page, page.locator("a.addlink[href$='/articles/article/add/']"))
    page.fill("#id_headline", HEADLINE)
    page.fill("#id_standfirst", "Trois centrales photovoltaïques doivent ouvrir d’ici 2030.")
    write_body(ProseEditor(page))
    # Spell-checked, in the article's language (the editor turned the browser's check off).
    assert page.locator(".ProseMirror[contenteditable=true]").get_attribute("spellcheck") != "false"
    assert page.locator(".field-body").get_attribute("lang") == "fr"
    page.select_option("#id_section", label="Économie")
    page.fill("#id_tags", ", ".join(TAGS))
    page.set_input_files(
        "#id_new_picture",
        files=[{"name": "solaire.jpg", "mimeType": "image/jpeg", "buffer": scene("x").read()}],
    )
    page.fill("#id_image_alt", "Des panneaux solaires au soleil couchant")
    page.fill("#id_image_credit", "Agence Ivoire Images")
    follow(page, page.locator("input[name=_continue]"))
    assert HEADLINE in success_message(page)
    save_screenshot(page, "admin-article-form")

    take_action(page, "submit")
    assert "Soumettre pour relecture" in success_message(page)
    article = Article.objects.get(headline=HEADLINE)
    assert article.status == Status.REVIEW
    assert article.section.name == "Économie"
    assert sorted(article.tags.names()) == sorted(TAGS)
    assert [b.author.user for b in article.bylines.all()] == [journalist]
    assert article.image_alt and article.image_credit == "Agence Ivoire Images"
    assert article.picture and article.picture.renditions
    assert "<h2>Trois centrales d’ici 2030</h2>" in article.body
    assert "<ul><li><p>Korhogo</p></li><li><p>Bouaké</p></li></ul>" in article.body
    assert f'<a href="{LINK}"' in article.body
    return article


def write_body(editor: ProseEditor) -> None:
    """A paragraph, a sub-heading, a list and a link, through the editor's toolbar."""
    editor.focus()
    editor.type("Le ministère de l’Énergie a présenté à Yamoussoukro son plan pour le solaire.")
    editor.new_block()
    editor.block_type("heading2")
    editor.type("Trois centrales d’ici 2030")
    editor.new_block()
    editor.button("bulletList")
    editor.type("Korhogo")
    editor.new_block()
    editor.type("Bouaké")
    editor.new_block()
    editor.new_block()  # an empty item ends the list
    editor.type("Lire le ")
    editor.type_link("plan complet", LINK)
    editor.go_to_end()  # after the link, whose words are still selected
    editor.type(" du ministère.")


def editor_sends_back_then_publishes(new_context, article, journalist, editor) -> None:
    desk = new_context()
    page = log_in(desk, editor)
    assert HEADLINE in page.locator("#attention-review").inner_text()
    page.goto(reverse("admin:articles_article_changelist") + "?state=review")
    assert page.get_by_role("link", name=HEADLINE).is_visible()
    save_screenshot(page, "admin-review-list")
    follow(page, page.get_by_role("link", name=HEADLINE))
    open_action(page, "send_back")
    page.fill("textarea[name=_comment]", COMMENT)
    take_action(page, "send_back")
    assert Article.objects.get(pk=article.pk).status == Status.DRAFT

    journalist_corrects_and_resubmits(new_context, article, journalist)

    page.goto(reverse("admin:index"))
    follow(page, page.locator("#attention-review").get_by_role("link", name=HEADLINE))
    with desk.expect_page() as opened:
        page.locator(".object-tools").get_by_role("link", name="Aperçu", exact=True).click()
    preview = opened.value
    preview.wait_for_load_state()
    assert preview.locator(".preview-banner").is_visible()
    assert CORRECTION in preview.locator(".article-body").inner_text()
    preview.close()
    take_action(page, "publish")
    assert "Publier" in success_message(page)
    published = Article.objects.published().get(pk=article.pk)
    assert [step.name for step in published.transitions.order_by("at", "pk")] == [
        "submit",
        "send_back",
        "submit",
        "publish",
    ]


def journalist_corrects_and_resubmits(new_context, article, journalist) -> None:
    page = log_in(new_context(), journalist)
    sent_back = page.locator("#attention-sent_back")
    assert COMMENT in sent_back.inner_text()
    follow(page, sent_back.get_by_role("link", name=HEADLINE))
    assert page.url.endswith(change_url(article))
    editor = ProseEditor(page)
    editor.go_to_end()
    editor.new_block()
    editor.type(CORRECTION)
    take_action(page, "submit")
    resubmitted = Article.objects.get(pk=article.pk)
    assert resubmitted.status == Status.REVIEW
    assert f"<p>{CORRECTION}</p>" in resubmitted.body


def reader_on_a_phone_finds_reads_and_follows(new_context, site, article, author) -> None:
    page = new_context(viewport=PHONE, is_mobile=True, has_touch=True).new_page()
    page.goto("/")
    follow(page, page.get_by_role("link", name=HEADLINE).first)
    url = site + article.get_absolute_url()
    assert page.url == url
    assert page.locator("h1").inner_text() == HEADLINE

    byline = page.locator(".article-meta .byline a")
    assert byline.inner_text() == author.display_name
    photo = page.locator("figure.featured img")
    assert photo.get_attribute("alt") == "Des panneaux solaires au soleil couchant"
    page.wait_for_function(
        "img => img.complete && img.naturalWidth > 0", arg=photo.element_handle()
    )
    assert "Agence Ivoire Images" in page.locator("figure.featured figcaption").inner_text()
    tags = page.locator(".tags a")
    assert sorted(tags.all_inner_texts()) == sorted(TAGS)

    bars = page.locator("section.share")
    assert bars.count() == 2
    for place in range(2):
        for css_class, href in expected_share_links(HEADLINE, url).items():
            assert bars.nth(place).locator(f"a.{css_class}").get_attribute("href") == href

    page.fill("#site-search-q", "Yamoussoukro")
    press_to_load(page, "Enter")
    assert "/recherche/?q=Yamoussoukro" in page.url
    follow(page, page.get_by_role("link", name=HEADLINE))

    follow(page, page.locator(".tags").get_by_role("link", name="Côte d’Ivoire"))
    assert page.url == site + "/mot-cle/cote-divoire/"
    assert page.get_by_role("link", name=HEADLINE).is_visible()
    page.go_back()
    follow(page, byline)
    assert page.url == site + author.get_absolute_url()
    assert page.locator("h1").inner_text() == author.display_name
    assert page.get_by_role("link", name=HEADLINE).is_visible()
