"""Every list's cards show their article's picture: the 4:3 crop, its size known before it
loads, its alt text, lazy below the first screen, a neutral block where there is none."""

import re
from datetime import timedelta

import pytest
from django.core.cache import cache
from django.core.files.storage import default_storage
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from articles.models import Article, Picture
from newsroom.images import renditions
from tests.factories import ArticleFactory, AuthorFactory, PictureFactory
from tests.images import jpeg_upload
from tests.public.conftest import PUBLISHED_AT, publish

NO_PICTURE = '<div class="card-picture card-no-picture"></div>'


def html_of(client, path) -> str:
    response = client.get(path)
    assert response.status_code == 200
    return response.content.decode()


def card_of(html: str, headline: str) -> str:
    """The card (or Read also item) showing this headline."""
    end = html.index(headline)
    start = max(html.rfind('<article class="card">', 0, end), html.rfind("<li>", 0, end))
    assert start >= 0, f"no card for {headline}"
    return html[start : re.compile(r"</article>|</li>").search(html, end).end()]


def img_of(card: str) -> dict:
    tag = re.search(r"<img [^>]*>", card)
    assert tag, "the card has no picture"
    return dict(re.findall(r'([a-z-]+)="([^"]*)"', tag.group()))


def pictured(editor, headline, when, **fields) -> Article:
    picture = PictureFactory(file=jpeg_upload("photo.jpg", size=(800, 600)))
    picture.refresh_renditions()  # what the save's on_commit does outside tests
    article = ArticleFactory(
        headline=headline,
        picture=picture,
        image_alt=f"Photo : {headline}",
        authors=[AuthorFactory()],
        **fields,
    )
    return publish(article, editor, when=when)


@pytest.fixture
def plain(story, editor):
    """A published article without a picture, on every list the story is on."""
    article = ArticleFactory(
        headline="La Russie, sans photo",
        section=story.section,
        authors=[story.bylines.first().author],
    )
    article.tags.add("AES", "Russie")
    return publish(article, editor, when=PUBLISHED_AT - timedelta(hours=1))


def lists(story):
    return {
        "section": story.section.get_absolute_url(),
        "tag": "/mot-cle/aes/",
        "author": story.bylines.first().author.get_absolute_url(),
        "search": reverse("articles:search") + "?q=russie",
        "home": "/",
    }


# Whether the story's card, the list's first, loads its picture at once: on the first
# screen of a list, not below an author's profile or the home page's lead.
AT_ONCE = {"section": True, "tag": True, "search": True, "author": False, "home": False}


@pytest.mark.parametrize("kind", AT_ONCE)
def test_every_list_shows_the_4_3_picture_and_a_neutral_block_without(
    client, story, plain, editor, kind
):
    lead = ArticleFactory(headline="À la une", is_lead=True, authors=[AuthorFactory()])
    publish(lead, editor, when=PUBLISHED_AT + timedelta(hours=1))  # the story is a card
    html = html_of(client, lists(story)[kind])
    crop = story.picture.images["crops"]["4x3"]
    card = card_of(html, story.headline)
    img = img_of(card)
    assert (img["width"], img["height"]) == (str(crop[0]), str(crop[1]))
    assert abs(crop[0] / crop[1] - 4 / 3) < 0.01
    crops = story.picture.images["crops"]
    small, middle = crops["4x3-320"], crops["4x3-640"]
    # A phone's thumbnail picks the smallest: a few KB, not the 1200-pixel crop.
    assert img["srcset"].startswith(f"{default_storage.url(small[3])} 320w")
    assert img["srcset"].endswith(f"{crop[3]} {crop[0]}w") and img["src"].endswith(middle[3])
    assert f'{crop[2]} {crop[0]}w"' in card  # the WebP source
    assert img["sizes"] and img["alt"] == "Les ministres réunis à Moscou"
    if AT_ONCE[kind]:
        assert "loading" not in img and img["fetchpriority"] == "high"
    else:
        assert img["loading"] == "lazy" and "fetchpriority" not in img
    assert NO_PICTURE in card_of(html, plain.headline)
    assert "<img" not in card_of(html, plain.headline)


def test_read_also_shows_the_pictures_too(client, story, plain):
    html = html_of(client, plain.get_absolute_url())
    related = html[html.index('id="related-title"') :]
    img = img_of(card_of(related, story.headline))
    assert img["alt"] == "Les ministres réunis à Moscou" and img["loading"] == "lazy"
    assert img["src"].endswith(story.picture.images["crops"]["4x3-640"][3])
    html = html_of(client, story.get_absolute_url())
    assert NO_PICTURE in card_of(html[html.index('id="related-title"') :], plain.headline)


def test_a_card_has_one_link_its_headline(client, story):
    card = card_of(html_of(client, "/mot-cle/aes/"), story.headline)
    picture = card[card.index('<div class="card-picture">') :]
    assert "<a " not in picture
    assert card.count(f'href="{story.get_absolute_url()}"') == 1


def test_the_first_two_cards_of_a_list_load_at_once_the_others_lazily(client, story, editor):
    for hours in (1, 2):
        when = PUBLISHED_AT - timedelta(hours=hours)
        pictured(editor, f"Plus ancien {hours}", when, section=story.section)
    path = story.section.get_absolute_url()
    for _reader in ("first", "later"):  # drawn, then found again as it was drawn
        html = html_of(client, path)
        first, second, third = (
            img_of(card_of(html, h)) for h in (story.headline, "Plus ancien 1", "Plus ancien 2")
        )
        assert "loading" not in first and "loading" not in second
        assert third["loading"] == "lazy" and "fetchpriority" not in third


def test_cards_read_their_pictures_in_the_lists_query(client, editor, security):
    def first_reader(url):
        cache.clear()
        with CaptureQueriesContext(connection) as queries:
            html_of(client, url)
        return len(queries)

    for number in range(2):
        pictured(
            editor, f"Photo {number}", PUBLISHED_AT - timedelta(hours=number), section=security
        )
    before = {url: first_reader(url) for url in ("/", security.get_absolute_url())}
    for number in range(2, 8):
        pictured(
            editor, f"Photo {number}", PUBLISHED_AT - timedelta(hours=number), section=security
        )
    assert {url: first_reader(url) for url in before} == before
    later = html_of(client, security.get_absolute_url())
    assert later.count('<div class="card-picture"><picture>') == 8


@pytest.mark.parametrize("kind", ["section", "tag", "author", "home"])
def test_a_changed_alt_text_shows_at_once(client, story, committed, kind):
    html_of(client, lists(story)[kind])  # its card kept
    article = Article.objects.get(pk=story.pk)
    article.image_alt = "Une <nouvelle> description"
    committed(article.save)
    img = img_of(card_of(html_of(client, lists(story)[kind]), story.headline))
    assert img["alt"] == "Une &lt;nouvelle&gt; description"


def test_a_new_focal_point_shows_its_new_crop_at_once(client, story, committed):
    path = story.section.get_absolute_url()
    old = img_of(card_of(html_of(client, path), story.headline))["src"]
    picture = Picture.objects.get(pk=story.picture_id)
    picture.focal_x = 10

    def move():
        picture.save()
        picture.refresh_renditions()  # what the save's on_commit does outside tests

    committed(move)
    new = img_of(card_of(html_of(client, path), story.headline))["src"]
    assert new != old and new.endswith(picture.images["crops"]["4x3-640"][3])


def test_a_card_still_waiting_for_its_picture_is_not_kept(client, editor, security):
    picture = PictureFactory(file=jpeg_upload("attente.jpg", size=(1000, 563)))
    article = ArticleFactory(
        headline="En attente",
        section=security,
        picture=picture,
        image_alt="Une photo",
        authors=[AuthorFactory()],
    )
    publish(article, editor)
    # Another process is making the renditions: the card shows the original meanwhile.
    key = renditions.plan_key(picture.file.name, picture.focal, renditions.ARTICLE_PLAN)
    cache.add(f"renditions:{key}", True, 60)
    try:
        card = card_of(html_of(client, security.get_absolute_url()), "En attente")
        assert img_of(card)["src"] == picture.file.url
        assert img_of(card)["width"] == "1200" and img_of(card)["height"] == "900"
    finally:
        cache.delete(f"renditions:{key}")
    card = card_of(html_of(client, security.get_absolute_url()), "En attente")
    assert "image-original" not in card and "4x3" in img_of(card)["src"]
