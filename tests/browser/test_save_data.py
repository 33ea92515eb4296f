"""A phone in data-saving mode: the article's picture below the first screen waits for a tap
that says its weight, and the tap loads it there, in the smaller rendition."""

from tests.browser.axe import blocking_violations
from tests.browser.pages import PHONE
from tests.factories import ArticleFactory, AuthorFactory, PictureFactory
from tests.images import jpeg_upload
from tests.public.conftest import publish

WORDS = "<p>" + "Le port d'Abidjan s'agrandit encore cette année. " * 40 + "</p>"


def test_a_reader_saving_data_taps_to_load_a_picture(new_context, watch, site, editor, axe_script):
    picture = PictureFactory(
        file=jpeg_upload("port.jpg", size=(1400, 1050)), alt_text="Les grues du port"
    )
    picture.refresh_renditions()
    body = (
        WORDS
        + f'<figure><img src="{picture.file.url}" alt="Les grues" data-file="{picture.pk}">'
        + "<figcaption>Le port</figcaption></figure>"
        + WORDS
    )
    story = publish(ArticleFactory(authors=[AuthorFactory()], body=body), editor)
    context = new_context(viewport=PHONE, bypass_csp=True, extra_http_headers={"Save-Data": "on"})
    reader = context.new_page()
    loaded = []
    reader.on("requestfinished", lambda request: loaded.append(request.url))
    reader.goto(story.get_absolute_url())
    tap = reader.locator(".article-body a.tap-to-load")
    assert tap.inner_text().startswith("Photo, ") and tap.inner_text().endswith("Ko")
    assert not [url for url in loaded if "/renditions/" in url]
    assert blocking_violations(reader, axe_script) == []

    tap.scroll_into_view_if_needed()
    tap.click()
    shown = reader.locator(".article-body picture img")
    shown.wait_for()
    reader.wait_for_function(
        "img => img.complete && img.naturalWidth > 0", arg=shown.element_handle()
    )
    assert reader.locator(".article-body a.tap-to-load").count() == 0
    assert shown.get_attribute("alt") == "Les grues"
    current = shown.evaluate("img => img.currentSrc")
    assert "/renditions/" in current and ("w320" in current or "w640" in current)
    assert not watch.off_site_requests()
