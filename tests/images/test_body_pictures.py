"""Pictures from the media library inside an article's text: what the text keeps, what the
library knows of each use, what readers get, and the editor's picker window."""

import re

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.db.models import ProtectedError
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from PIL import Image

from articles import queries
from articles.models import Article, BodyPicture, Picture
from tests.admin_forms import article_post
from tests.conftest import client_for
from tests.factories import PictureFactory
from tests.images import makers
from tests.images.test_uploads import upload
from tests.public.conftest import publish

PICK = reverse("admin:articles_picture_pick")


def figure(picture, alt="Au marché", caption="Le marché de Treichville") -> str:
    return (
        f'<figure><img src="{picture.file.url}" alt="{alt}" data-file="{picture.pk}">'
        f"<figcaption>{caption}</figcaption></figure>"
    )


@pytest.fixture
def picture(db):
    picture = PictureFactory(alt_text="Étals de fruits au marché")
    picture.refresh_renditions()
    return picture


# --- what the text keeps ----------------------------------------------------------------
def test_a_library_picture_keeps_its_id_alt_text_and_caption_in_the_text(draft, picture):
    draft.body = "<p>Avant</p>" + figure(picture) + "<p>Après</p>"
    draft.save()
    draft.refresh_from_db()
    assert f'data-file="{picture.pk}"' in draft.body
    assert 'alt="Au marché"' in draft.body
    assert "<figcaption>Le marché de Treichville</figcaption>" in draft.body
    assert "Le marché de Treichville" in draft.body_text


def test_a_use_without_alt_text_gets_the_librarys(draft, picture):
    draft.body = figure(picture, alt="")
    draft.save()
    assert 'alt="Étals de fruits au marché"' in draft.body


@pytest.mark.parametrize("forged", ['12" onerror="x', "../1", "-3", "1e3", "١٢"])
def test_a_forged_picture_id_is_dropped_and_the_rest_is_kept(draft, picture, forged):
    draft.body = (
        f'<p>Texte</p><figure><img src="{picture.file.url}" alt="a" data-file="{forged}"></figure>'
    )
    draft.save()
    assert "data-file" not in draft.body and "onerror" not in draft.body
    assert "<p>Texte</p>" in draft.body and f'src="{picture.file.url}"' in draft.body


def test_an_id_no_picture_has_is_dropped(draft, picture):
    draft.body = figure(picture).replace(f'data-file="{picture.pk}"', 'data-file="999999"')
    draft.save()
    assert "data-file" not in draft.body and "<img" in draft.body
    assert not BodyPicture.objects.exists()


def test_another_sites_picture_is_removed_whatever_its_id(draft, picture):
    draft.body = f'<figure><img src="https://evil.example/x.jpg" data-file="{picture.pk}"></figure>'
    draft.save()
    assert draft.body == ""


# --- what the library knows -------------------------------------------------------------
def test_the_library_knows_which_texts_show_a_picture_as_they_change(draft, picture):
    other = PictureFactory()
    draft.body = figure(picture) + figure(other)
    draft.save()
    assert set(draft.body_pictures.values_list("picture_id", flat=True)) == {picture.pk, other.pk}
    draft.body = figure(other)
    draft.save()
    assert list(draft.body_pictures.values_list("picture_id", flat=True)) == [other.pk]
    assert picture.in_use() is False and other.in_use() is True
    assert list(Picture.objects.unused()) == [picture]


def test_a_picture_a_text_shows_is_not_deleted(draft, picture, editor):
    draft.body = figure(picture)
    draft.save()
    with pytest.raises(ProtectedError):
        picture.delete()
    response = client_for(editor).post(
        reverse("admin:articles_picture_delete", args=[picture.pk]), {"post": "yes"}
    )
    assert response.status_code in (200, 403)
    assert Picture.objects.filter(pk=picture.pk).exists()


def test_the_library_lists_the_texts_that_show_a_picture(draft, picture, editor):
    draft.body = figure(picture)
    draft.save()
    page = client_for(editor).get(reverse("admin:articles_picture_change", args=[picture.pk]))
    assert f"{draft.headline} (dans son texte)" in page.content.decode()


# --- what readers get -------------------------------------------------------------------
def test_readers_get_the_pictures_renditions_lazily_with_its_size(client, draft, picture, editor):
    draft.body = "<p>Avant</p>" + figure(picture) + "<p>Après</p>"
    draft.save()
    publish(draft, editor)
    html = client.get(draft.get_absolute_url()).content.decode()
    body = html[html.index('class="article-body"') :]
    body = body[: body.index("</div>")]
    img = re.search(r"<img [^>]*>", body).group(0)
    assert 'loading="lazy"' in img and 'alt="Au marché"' in img
    assert f'width="{picture.images["widths"][-1][0]}"' in img
    assert 'srcset="' in img and "data-file" not in body
    assert body.count("<source") == 1 and "Le marché de Treichville" in body


def test_a_text_without_library_pictures_costs_no_query_for_them(db):
    with CaptureQueriesContext(connection) as queries_run:
        assert queries.pictures_in("<p>Sans image</p>") == {}
    assert len(queries_run) == 0


# --- the editor's picker ------------------------------------------------------------------
def test_the_picker_lists_and_searches_the_library(journalist, picture):
    PictureFactory(title="Plage de Grand-Bassam")
    page = client_for(journalist).get(PICK, {"q": "Bassam", "CKEditorFuncNum": "-1"})
    html = page.content.decode()
    assert page.status_code == 200
    assert "Plage de Grand-Bassam" in html and picture.title not in html
    assert 'data-alt="Une rue animée d’Abidjan au matin"' in html


def test_the_picker_hands_back_the_caption_with_its_credit(journalist):
    picture = PictureFactory(caption="Le port", credit="AFP")
    html = client_for(journalist).get(PICK).content.decode()
    assert f'data-id="{picture.pk}"' in html
    assert 'data-caption="Le port Photo\u00a0: AFP"' in html


def test_a_picture_added_in_the_picker_goes_into_the_library_and_is_chosen(journalist):
    data = {"title": "Pont HKB", "alt_text": "Le pont au crépuscule", "caption": ""}
    data |= {"credit": "", "photographer": ""}
    data["file"] = upload(makers.encoded(Image.new("RGB", (1600, 900), "navy"), "PNG"), "p.png")
    html = client_for(journalist).post(PICK + "?CKEditorFuncNum=-1", data).content.decode()
    picture = Picture.objects.get(title="Pont HKB")
    assert picture.uploaded_by == journalist
    assert f'class="picker-chosen" data-id="{picture.pk}"' in html


def test_the_picker_refuses_a_picture_without_alt_text(journalist):
    data = {"title": "Sans", "alt_text": "", "caption": "", "credit": "", "photographer": ""}
    data["file"] = upload(makers.encoded(Image.new("RGB", (100, 100)), "JPEG"))
    page = client_for(journalist).post(PICK, data)
    assert page.status_code == 200 and "picker-chosen" not in page.content.decode()
    assert not Picture.objects.exists()


def test_the_picker_is_for_the_desk_only(outsider, client):
    assert client_for(outsider).get(PICK).status_code == 403
    assert client.get(PICK).status_code == 302  # to the login page


def test_the_body_saved_through_the_admin_keeps_the_picture(draft, journalist, picture):
    data = article_post(draft, body="<p>Texte</p>" + figure(picture))
    assert (
        client_for(journalist)
        .post(reverse("admin:articles_article_change", args=[draft.pk]), data)
        .status_code
        == 302
    )
    saved = Article.objects.get(pk=draft.pk)
    assert f'data-file="{picture.pk}"' in saved.body
    assert saved.body_pictures.get().picture == picture


# --- galleries ----------------------------------------------------------------------------
def gallery(pictures, caption="Le carnaval de Bouaké") -> str:
    images = "".join(
        f'<img src="{p.file.url}" alt="Défilé {n}" data-file="{p.pk}">'
        for n, p in enumerate(pictures)
    )
    return f"<figure data-gallery>{images}<figcaption>{caption}</figcaption></figure>"


def test_a_gallery_keeps_its_pictures_in_order_and_one_caption(draft):
    pictures = PictureFactory.create_batch(3)
    draft.body = "<p>Avant</p>" + gallery(pictures)
    draft.save()
    assert '<figure data-gallery="">' in draft.body
    assert picture_order(draft.body) == [p.pk for p in pictures]
    assert draft.body_pictures.count() == 3


def picture_order(html) -> list[int]:
    return [int(pk) for pk in re.findall(r'data-file="(\d+)"', html)]


def test_readers_get_a_gallery_as_a_row_they_can_scroll_by_keyboard(client, draft, editor):
    pictures = PictureFactory.create_batch(2)
    draft.body = gallery(pictures)
    draft.save()
    publish(draft, editor)
    html = client.get(draft.get_absolute_url()).content.decode()
    row = re.search(
        r'<figure class="gallery" tabindex="0" aria-label="Galerie">.*?</figure>', html, re.S
    )
    assert row and row.group(0).count("<picture>") == 2
    assert row.group(0).count('loading="lazy"') == 2 and "Le carnaval de Bouaké" in row.group(0)


def test_a_gallery_of_too_many_pictures_is_refused_in_the_form_and_nothing_is_lost(
    draft, journalist
):
    picture = PictureFactory()
    too_many = gallery([picture] * 31)
    data = article_post(draft, body="<p>Texte gardé</p>" + too_many, standfirst="Chapô gardé")
    page = client_for(journalist).post(
        reverse("admin:articles_article_change", args=[draft.pk]), data
    )
    assert page.status_code == 200
    assert "Une galerie compte au plus 30 images" in page.content.decode()
    assert "Chapô gardé" in page.content.decode()  # the form comes back as sent
    assert Article.objects.get(pk=draft.pk).body == draft.body


def test_a_gallery_of_too_many_pictures_is_refused_whoever_saves(draft):
    draft.body = gallery([PictureFactory()] * 500)
    with pytest.raises(ValidationError):
        draft.save()
    draft.body = gallery([PictureFactory()] * 30)
    draft.save()


def test_a_figure_inside_a_figure_loses_its_own_tags(draft, picture):
    draft.body = f"<figure><figure>{figure(picture)}</figure><figcaption>x</figcaption></figure>"
    draft.save()
    assert draft.body.count("<figure>") == 1 and draft.body.count("</figure>") == 1
    assert f'data-file="{picture.pk}"' in draft.body


def test_a_gallerys_pictures_are_offered_at_the_width_they_take(client, draft, editor):
    """85 % of the text's width (static/css/site.css): a phone takes a smaller rendition."""
    alone, *in_row = PictureFactory.create_batch(3)
    draft.body = figure(alone) + gallery(in_row)
    draft.save()
    publish(draft, editor)
    html = client.get(draft.get_absolute_url()).content.decode()
    row = re.search(r'<figure class="gallery".*?</figure>', html, re.S).group(0)
    assert row.count('sizes="(min-width: 44rem) 36rem, 85vw"') == 4  # <source> and <img>
    outside = html.replace(row, "")
    assert outside.count('sizes="(min-width: 44rem) 42rem, 100vw"') >= 2
