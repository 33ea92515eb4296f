"""Pictures inside the article's text, through the editor's own buttons, in a real browser:
the journalist picks one from the library in the picker window, the reader gets it."""

import re

from articles import workflow
from articles.models import Article
from tests.browser.axe import blocking_violations
from tests.browser.desk import ProseEditor, change_url, log_in, success_message
from tests.browser.pages import PHONE, follow
from tests.factories import ArticleFactory, AuthorFactory, PictureFactory
from tests.public.conftest import publish

CAPTION = "Le marché de Treichville au petit matin"


def choose(button) -> None:
    """Press a button that closes the picker's window. Pressed from the page's side: a
    click through Playwright can still be under way when the window goes (CI, once)."""
    button.wait_for()
    button.evaluate("button => setTimeout(() => button.click())")


def test_a_journalist_puts_a_library_picture_in_the_text_and_a_reader_sees_it(
    new_context, watch, site, journalist, editor, draft, axe_script
):
    picture = PictureFactory(title="Marché de Treichville", caption=CAPTION, credit="AIP")
    picture.refresh_renditions()
    page = log_in(new_context(), journalist)
    page.goto(change_url(draft))
    body = ProseEditor(page)
    body.go_to_end()
    body.new_block()
    body.button("figure")
    dialog = page.locator("dialog.prose-editor-dialog")
    with page.expect_popup() as opened:
        dialog.get_by_role("button", name="Parcourir...").click()
    picker = opened.value
    picker.wait_for_load_state()
    picker.fill("#picker-q", "Treichville")
    follow(picker, picker.get_by_role("button", name="Rechercher"))
    with picker.expect_event("close"):
        choose(picker.get_by_role("button", name="Marché de Treichville"))
    assert dialog.locator("input[name=altText]").input_value() == picture.alt_text
    assert CAPTION in dialog.locator("input[name=caption]").input_value()
    dialog.locator("input[name=altText]").fill("Des étals de mangues au marché")
    dialog.locator("button[type=submit]").click()
    dialog.wait_for(state="hidden")
    body.area.locator("figure img").wait_for()
    follow(page, page.locator("input[name=_continue]"))
    assert draft.headline in success_message(page)

    saved = Article.objects.get(pk=draft.pk)
    assert f'data-file="{picture.pk}"' in saved.body
    assert 'alt="Des étals de mangues au marché"' in saved.body
    assert saved.body_pictures.get().picture == picture

    workflow.apply_transition(saved, "submit", journalist)
    workflow.apply_transition(saved, "publish", editor)
    reader = new_context(viewport=PHONE, bypass_csp=True).new_page()
    reader.goto(saved.get_absolute_url())
    shown = reader.locator(".article-body picture img")
    assert shown.get_attribute("alt") == "Des étals de mangues au marché"
    assert shown.get_attribute("loading") == "lazy" and shown.get_attribute("srcset")
    assert CAPTION in reader.locator(".article-body figcaption").inner_text()
    assert blocking_violations(reader, axe_script) == []
    assert not watch.off_site_requests()


def test_a_journalist_makes_a_gallery_from_the_library(new_context, watch, site, journalist, draft):
    first, second, _other = (PictureFactory(title=f"Carnaval {n}") for n in (1, 2, 3))
    page = log_in(new_context(), journalist)
    page.goto(change_url(draft))
    body = ProseEditor(page)
    body.go_to_end()
    body.new_block()
    with page.expect_popup() as opened:
        body.button("gallery")
    picker = opened.value
    picker.wait_for_load_state()
    picker.get_by_role("button", name="Carnaval 2").click()  # the order chosen is kept
    picker.get_by_role("button", name="Carnaval 1").click()
    assert picker.get_by_role("button", name="Carnaval 1").get_attribute("aria-pressed") == "true"
    with picker.expect_event("close"):
        choose(picker.get_by_role("button", name="Ajouter les images choisies"))
    body.area.locator("figure[data-gallery] img").nth(1).wait_for()
    follow(page, page.locator("input[name=_continue]"))
    assert draft.headline in success_message(page)
    saved = Article.objects.get(pk=draft.pk)
    assert '<figure data-gallery="">' in saved.body
    order = [int(pk) for pk in re.findall(r'data-file="(\d+)"', saved.body)]
    assert order == [second.pk, first.pk]
    assert not watch.off_site_requests()


def test_a_journalist_embeds_a_video_and_a_reader_loads_it_only_by_tapping(
    new_context, watch, site, journalist, editor, draft
):
    page = log_in(new_context(), journalist)
    page.goto(change_url(draft))
    body = ProseEditor(page)
    body.go_to_end()
    body.new_block()
    body.button("embed")
    dialog = page.locator("dialog.prose-editor-dialog")
    dialog.locator("input[name=address]").fill("https://www.youtube.com/watch?v=dQw4w9WgXcQ")
    dialog.locator("input[name=caption]").fill("Le discours du ministre")
    dialog.locator("button[type=submit]").click()
    body.area.locator("figure.newsroom-embed").wait_for()
    follow(page, page.locator("input[name=_continue]"))
    saved = Article.objects.get(pk=draft.pk)
    assert '<figure data-embed="youtube:dQw4w9WgXcQ">' in saved.body
    assert "<figcaption>Le discours du ministre</figcaption>" in saved.body

    workflow.apply_transition(saved, "submit", journalist)
    workflow.apply_transition(saved, "publish", editor)
    reader_context = new_context(viewport=PHONE)
    watch.stand_in_for(reader_context, "https://www.youtube-nocookie.com", "<p>Lecteur</p>")
    reader = reader_context.new_page()
    reader.goto(saved.get_absolute_url())
    reader.wait_for_load_state("networkidle")
    assert not watch.off_site_requests()  # nothing from the other site before a tap
    reader.get_by_role("button", name="Lire la vidéo").click()
    frame = reader.locator("figure.embed iframe")
    assert frame.get_attribute("src").startswith(
        "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ"
    )
    reader.wait_for_load_state("networkidle")
    assert any("youtube-nocookie.com/embed/dQw4w9WgXcQ" in url for url in watch.off_site_requests())
    assert reader.frame_locator("figure.embed iframe").locator("p").inner_text() == "Lecteur"


def test_a_journalist_sets_a_line_as_a_pull_quote(new_context, watch, site, journalist, draft):
    page = log_in(new_context(), journalist)
    page.goto(change_url(draft))
    body = ProseEditor(page)
    body.go_to_end()
    body.new_block()
    body.type("« Nous tiendrons nos engagements »")
    body.button("pullQuote")
    body.area.locator("blockquote.pull-quote").wait_for()
    follow(page, page.locator("input[name=_continue]"))
    saved = Article.objects.get(pk=draft.pk)
    assert '<blockquote class="pull-quote"><p>« Nous tiendrons nos engagements »</p>' in saved.body


# Chromium fetches a lazy picture this far ahead of the screen on a slow connection (half
# that on a fast one), so that it is there when scrolled to: nothing further down loads.
LOOK_AHEAD = 2500
PICTURES_ON_THE_PAGE = """() => [...document.querySelectorAll("article img")].map(image => ({
    top: image.getBoundingClientRect().top + window.scrollY,
    src: image.currentSrc,
    loaded: image.naturalWidth > 0,
}))"""


def media_body(pictures, gallery) -> str:
    """Paragraphs of a real length, a picture after each of the first five, then a gallery,
    a table and a video."""
    words = "<p>" + "Le carnaval a réuni des milliers de spectateurs dans le centre. " * 8 + "</p>"
    body = "".join(words + figure(picture) for picture in pictures)
    shown = "".join(f'<img src="{p.file.url}" alt="" data-file="{p.pk}">' for p in gallery)
    table = "<table><thead><tr><th>Jour</th><th>Groupes</th></tr></thead><tbody><tr><td>Samedi</td><td>11</td></tr></tbody></table>"
    video = '<figure data-embed="youtube:aqz-KE-bpKQ"><figcaption>La vidéo</figcaption></figure>'
    return body + words + f"<figure data-gallery>{shown}</figure>" + table + video + words


def figure(picture) -> str:
    return f'<figure><img src="{picture.file.url}" alt="" data-file="{picture.pk}"></figure>'


def test_on_a_phone_only_the_first_screens_pictures_load_until_the_reader_scrolls(
    new_context, watch, site, editor, axe_script
):
    featured, *pictures = (PictureFactory(title=f"Reportage {n}") for n in range(1 + 5 + 8))
    for picture in (featured, *pictures):
        picture.refresh_renditions()
    article = ArticleFactory(
        picture=featured,
        image_alt="La une",
        body=media_body(pictures[:5], pictures[5:]),
        authors=[AuthorFactory()],
    )
    publish(article, editor)
    reader = new_context(viewport=PHONE, bypass_csp=True).new_page()  # for axe's script
    fetched = []
    reader.on("request", lambda r: fetched.append(r.url) if "/media/" in r.url else None)
    reader.goto(article.get_absolute_url())
    reader.wait_for_load_state("networkidle")
    shown = reader.evaluate(PICTURES_ON_THE_PAGE)
    assert len(shown) == 14
    loaded = [p for p in shown if p["loaded"]]
    assert len(fetched) == len(loaded)  # one rendition each, no other picture
    print(f"On a phone, {len(loaded)} of {len(shown)} pictures load with the page.")
    first_screen = [p for p in shown if p["top"] < PHONE["height"]]
    assert first_screen and all(p["loaded"] for p in first_screen)  # the featured picture
    assert loaded == shown[: len(loaded)]  # the first ones down the page, no other
    beyond = [p for p in shown if p["top"] > PHONE["height"] + LOOK_AHEAD]
    assert len(beyond) == 1 + 8 and not any(p["loaded"] for p in beyond)
    # As the reader scrolls down and through the gallery, the rest come.
    for image in reader.locator("article img").all():
        image.scroll_into_view_if_needed()
    reader.wait_for_function(
        "[...document.querySelectorAll('article img')].every(i => i.naturalWidth)"
    )
    assert len(fetched) == len(shown)
    assert blocking_violations(reader, axe_script) == []
    assert not watch.off_site_requests()
