"""Readers saving data (`Save-Data: on`) get smaller renditions, and the pictures below the
first screen wait for a tap that says what they weigh; other readers' pages are unchanged."""

import re
from datetime import timedelta

import pytest
from django.core.cache import cache

from articles import freshness
from tests.factories import ArticleFactory, AuthorFactory, PictureFactory
from tests.images import jpeg_upload
from tests.public.conftest import PUBLISHED_AT, publish

SAVING = {"HTTP_SAVE_DATA": "on"}


def photo(name):
    picture = PictureFactory(file=jpeg_upload(name, size=(1400, 1050)))
    picture.refresh_renditions()  # what the save's on_commit does outside tests
    return picture


@pytest.fixture
def illustrated(editor, security):
    """A story with a featured photo and a photo in its text, and two older ones beside it."""
    inside = photo("dans-le-texte.jpg")
    body = (
        "<p>Premier paragraphe.</p>"
        f'<figure><img src="{inside.file.url}" alt="Le port" data-file="{inside.pk}">'
        "<figcaption>Le port d'Abidjan</figcaption></figure><p>Suite.</p>"
    )
    story = ArticleFactory(
        headline="Le port s'agrandit",
        section=security,
        picture=photo("une.jpg"),
        image_alt="Les grues du port",
        authors=[AuthorFactory()],
        body=body,
    )
    for hours in (1, 2, 3):
        older = ArticleFactory(
            headline=f"Plus ancien {hours}",
            section=security,
            picture=photo(f"a{hours}.jpg"),
            authors=[AuthorFactory()],
        )
        publish(older, editor, when=PUBLISHED_AT - timedelta(hours=hours))
    story = publish(story, editor)
    story.inside = inside
    return story


def widths_offered(html: str) -> set[int]:
    return {int(w) for w in re.findall(r" (\d+)w", html)}


def test_the_article_offers_small_renditions_and_its_text_picture_waits_for_a_tap(
    client, illustrated
):
    html = client.get(illustrated.get_absolute_url(), **SAVING).content.decode()
    assert widths_offered(html) and max(widths_offered(html)) <= 640
    taps = re.findall(r'<a class="tap-to-load" href="([^"]+)"[^>]*>([^<]+)</a>', html)
    assert len(taps) == 1  # the featured photo is on the first screen: it loads at once
    href, label = taps[0]
    webp = [w for w in illustrated.inside.images["widths"] if w[0] <= 640][-1][2]
    kilobytes = round(illustrated.inside.images["bytes"][webp] / 1024)
    assert label == f"Photo, {kilobytes}\u00a0Ko" and kilobytes > 0
    assert href.endswith(".jpg") and '<template class="tap-picture"><picture>' in html


def test_other_readers_get_the_full_renditions_and_no_tap(client, illustrated):
    html = client.get(illustrated.get_absolute_url()).content.decode()
    assert max(widths_offered(html)) >= 1280 and "tap-to-load" not in html


@pytest.mark.parametrize("page_cache", [True, False])
def test_both_kinds_are_kept_apart_in_the_page_cache_and_the_fragments(
    client, illustrated, settings, page_cache, monkeypatch
):
    settings.PAGE_CACHE_ENABLED = page_cache
    monkeypatch.setattr(freshness, "_cache_down_until", 0.0)
    cache.clear()
    url = illustrated.get_absolute_url()
    for _round in ("first", "again"):
        saving = client.get(url, **SAVING)
        full = client.get(url)
        assert "tap-to-load" in saving.content.decode()
        assert "tap-to-load" not in full.content.decode()
        assert "Save-Data" in saving["Vary"] and "Save-Data" in full["Vary"]
    if page_cache:
        assert saving["X-Page-Cache"] == full["X-Page-Cache"] == "hit"


def test_lists_keep_the_first_screens_pictures_and_drop_the_rest(client, illustrated):
    path = illustrated.section.get_absolute_url()
    saving = client.get(path, **SAVING).content.decode()
    full = client.get(path).content.decode()
    assert full.count("<picture>") == 4
    assert saving.count("<picture>") == 2  # the first two cards, loaded at once
    assert saving.count("card-no-picture") == 2 and max(widths_offered(saving)) <= 640
