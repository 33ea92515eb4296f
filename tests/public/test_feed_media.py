"""A feed item carries the text in full, with addresses a feed reader can follow, and the
featured picture as an enclosure and in Media RSS."""

import xml.etree.ElementTree as ET

import pytest
from django.core.files.storage import default_storage
from django.urls import reverse

from tests.factories import ArticleFactory, AuthorFactory, PictureFactory
from tests.public.conftest import publish

SITE = "https://news.example.test"
ATOM = "{http://www.w3.org/2005/Atom}"
MEDIA = "{http://search.yahoo.com/mrss/}"
CONTENT = "{http://purl.org/rss/1.0/modules/content/}encoded"


def first_item(client, url):
    response = client.get(url)
    assert response.status_code == 200
    root = ET.fromstring(response.content)
    return next(root.iter("item" if root.tag == "rss" else f"{ATOM}entry"))


@pytest.fixture
def library(db):
    pictures = [PictureFactory(alt_text=f"Photo {n} de la bibliothèque") for n in range(3)]
    for picture in pictures:
        picture.refresh_renditions()
    return pictures


@pytest.fixture
def illustrated(editor, security, library):
    one, two, three = library
    body = (
        f'<p>Voir <a href="/rubrique/securite/">la rubrique</a>.</p>'
        f'<figure><img src="{one.file.url}" alt="Le port" data-file="{one.pk}">'
        f"<figcaption>Le port d’Abidjan</figcaption></figure>"
        f'<figure data-gallery=""><img src="{two.file.url}" alt="" data-file="{two.pk}">'
        f'<img src="{three.file.url}" alt="" data-file="{three.pk}"><figcaption>Galerie</figcaption></figure>'
        f'<figure data-embed="youtube:aqz-KE-bpKQ"><figcaption>La vidéo</figcaption></figure>'
    )
    article = ArticleFactory(body=body, section=security, authors=[AuthorFactory()])
    return publish(article, editor)


def test_rss_enclosure_and_media_content_are_the_featured_pictures_share_crop(client, story):
    item = first_item(client, reverse("feeds:site-rss"))
    enclosure = item.find("enclosure")
    crop = story.images["crops"]["og"]
    assert enclosure.get("url") == SITE + default_storage.url(crop[3])
    assert enclosure.get("length") == str(default_storage.size(crop[3])) != "0"
    assert enclosure.get("type") == "image/jpeg"
    media = item.find(f"{MEDIA}content")
    assert media.get("url") == enclosure.get("url") and media.get("medium") == "image"
    assert (media.get("width"), media.get("height")) == (str(crop[0]), str(crop[1]))
    assert media.findtext(f"{MEDIA}description") == "Les ministres réunis à Moscou"
    assert media.findtext(f"{MEDIA}credit") == "Agence X"


def test_atom_entry_links_the_enclosure_and_carries_the_text_as_html(client, story):
    entry = first_item(client, reverse("feeds:site-atom"))
    enclosure = entry.find(f"{ATOM}link[@rel='enclosure']")
    assert enclosure.get("href").startswith(SITE + "/") and enclosure.get("type") == "image/jpeg"
    assert entry.find(f"{MEDIA}content").get("url") == enclosure.get("href")
    content = entry.find(f"{ATOM}content")
    assert content.get("type") == "html"
    assert (
        content.text.startswith("<p>mot mot") and "<h2>Vers une collaboration</h2>" in content.text
    )


def test_an_article_without_a_picture_has_no_enclosure(client, editor, security):
    publish(ArticleFactory(section=security, authors=[AuthorFactory()]), editor)
    item = first_item(client, reverse("feeds:site-rss"))
    assert item.find("enclosure") is None and item.find(f"{MEDIA}content") is None
    assert item.findtext(CONTENT).startswith("<p>")


def test_the_text_in_full_has_absolute_pictures_and_links_and_no_frame(
    client, illustrated, library
):
    text = first_item(client, reverse("feeds:site-rss")).findtext(CONTENT)
    for picture in library:
        width, height, _webp, fallback = picture.images["widths"][-1]
        address = SITE + default_storage.url(fallback)
        assert f'<img src="{address}"' in text
        assert f'width="{width}" height="{height}"' in text
    assert 'alt="Le port"' in text and 'alt="Photo 1 de la bibliothèque"' in text
    assert "<figcaption>Le port d’Abidjan</figcaption>" in text
    assert f'href="{SITE}/rubrique/securite/"' in text
    assert '<a href="https://www.youtube.com/watch?v=aqz-KE-bpKQ">' in text
    assert "<figcaption>La vidéo</figcaption>" in text
    for local in ("data-file", "data-gallery", "data-embed", "<iframe", 'src="/', "loading="):
        assert local not in text


def test_the_items_pictures_are_read_in_one_query(client, illustrated, django_assert_num_queries):
    # The feed's articles, then what its items need: the articles in full, their bylines,
    # tags, corrections and updates, and the library pictures their texts show.
    with django_assert_num_queries(1 + 5):
        client.get(reverse("feeds:site-rss"))
    with django_assert_num_queries(1):  # the items are kept
        client.get(reverse("feeds:site-rss"))
