"""The desk's view of pictures: the media library, choosing or uploading a featured picture
from the article, thumbnails, preview, focal point and the shared-card check."""

import pytest
from django.core.cache import cache
from django.core.exceptions import PermissionDenied
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from PIL import Image

from articles.models import Article, Picture
from tests.admin_forms import article_post
from tests.conftest import client_for
from tests.factories import ArticleFactory, AuthorFactory, PictureFactory
from tests.images import makers
from tests.images.test_uploads import upload
from tests.public.conftest import publish

LIBRARY = reverse("admin:articles_picture_changelist")


def change(article):
    return reverse("admin:articles_article_change", args=[article.pk])


def picture_change(picture):
    return reverse("admin:articles_picture_change", args=[picture.pk])


def picture_post(picture=None, **overrides) -> dict:
    data = {"title": "", "alt_text": "", "caption": "", "credit": "", "photographer": ""}
    data.update({"focal_x": "50", "focal_y": "50", "taken_on": "", "rights": ""})
    if picture is not None:
        data.update(
            {name: str(getattr(picture, name) or "") for name in data if name != "taken_on"}
        )
    data.update(overrides)
    return data


# --- from the article -----------------------------------------------------------------------
def test_a_picture_uploaded_from_the_article_goes_into_the_library(draft, journalist):
    data = article_post(draft, image_alt="Le marché", image_caption="Au matin", image_credit="AFP")
    data["new_picture"] = upload(
        makers.encoded(Image.new("RGB", (1600, 900), "teal"), "PNG"), "m.png"
    )
    response = client_for(journalist).post(change(draft), data)
    assert response.status_code == 302
    article = Article.objects.select_related("picture").get(pk=draft.pk)
    picture = article.picture
    assert (picture.width, picture.height) == (1600, 900)
    assert picture.file.name.endswith(".png") and picture.file.name.startswith("pictures/")
    assert (picture.title, picture.alt_text) == (draft.headline, "Le marché")
    assert (picture.caption, picture.credit, picture.uploaded_by) == ("Au matin", "AFP", journalist)


def test_a_new_picture_without_alt_text_is_a_form_error_and_nothing_is_stored(draft, journalist):
    data = article_post(draft, image_alt="")
    data["new_picture"] = upload(makers.encoded(Image.new("RGB", (100, 100)), "JPEG"))
    response = client_for(journalist).post(change(draft), data)
    assert response.status_code == 200
    assert "image_alt" in response.context["adminform"].form.errors
    assert not Picture.objects.exists()
    assert Article.objects.get(pk=draft.pk).picture is None


def test_a_chosen_picture_brings_its_text_which_stays_editable_for_this_use(draft, journalist):
    picture = PictureFactory(alt_text="Le port d’Abidjan", caption="Le port", credit="AFP")
    client = client_for(journalist)
    client.post(change(draft), article_post(draft, picture=str(picture.pk)))
    article = Article.objects.get(pk=draft.pk)
    assert (article.image_alt, article.image_caption, article.image_credit) == (
        "Le port d’Abidjan",
        "Le port",
        "AFP",
    )
    client.post(change(article), article_post(article, image_caption="Le port, à l’aube"))
    article = Article.objects.get(pk=draft.pk)
    assert article.image_caption == "Le port, à l’aube"
    assert Picture.objects.get(pk=picture.pk).caption == "Le port"  # the library's is kept


def test_the_chooser_searches_the_library(draft, journalist):
    PictureFactory(title="Marché de Treichville", photographer="Awa Diallo")
    PictureFactory(title="Stade Félix-Houphouët-Boigny")
    url = reverse("admin:autocomplete") + (
        "?app_label=articles&model_name=article&field_name=picture&term=Diallo"
    )
    found = client_for(journalist).get(url).json()["results"]
    assert [result["text"] for result in found] == ["Marché de Treichville"]


# --- the library ---------------------------------------------------------------------------
def test_the_library_lists_searches_and_filters_pictures(editor, published):
    used = PictureFactory(title="La réunion", caption="Les ministres à Moscou", photographer="Koné")
    used.refresh_renditions()
    Article.objects.filter(pk=published.pk).update(picture=used)
    PictureFactory(title="Une rue", credit="Reuters")
    client = client_for(editor)
    listing = client.get(LIBRARY).content.decode()
    assert "La réunion" in listing and "Une rue" in listing
    assert 'class="admin-thumb"' in listing
    for term, expected in (
        ("ministres", "La réunion"),
        ("Reuters", "Une rue"),
        ("Koné", "La réunion"),
    ):
        found = client.get(LIBRARY, {"q": term}).content.decode()
        assert expected in found, term
    unused = client.get(LIBRARY, {"used": "no"}).content.decode()
    assert "Une rue" in unused and "La réunion" not in unused
    form = client.get(picture_change(used)).content.decode()
    assert published.headline in form and 'class="focal-preview"' in form


def test_replacing_the_file_makes_new_renditions(editor):
    picture = PictureFactory(file=upload(makers.encoded(Image.new("RGB", (800, 600)), "JPEG")))
    before = picture.refresh_renditions()["key"]
    data = picture_post(picture, focal_x="20", focal_y="70")
    data["file"] = upload(makers.encoded(Image.new("RGB", (1600, 900), "teal"), "PNG"), "n.png")
    response = client_for(editor).post(picture_change(picture), data)
    assert response.status_code == 302
    picture = Picture.objects.get(pk=picture.pk)
    assert (picture.width, picture.height, picture.focal_x, picture.focal_y) == (1600, 900, 20, 70)
    assert picture.refresh_renditions()["key"] != before
    assert 1280 in [width for width, *_ in picture.images["widths"]]  # the 800-px one had none


def test_focal_point_beyond_100_is_a_form_error(editor):
    picture = PictureFactory()
    response = client_for(editor).post(
        picture_change(picture), picture_post(picture, focal_x="150")
    )
    assert response.status_code == 200
    assert "focal_x" in response.context["adminform"].form.errors


def test_a_picture_in_use_is_not_deleted(editor, published):
    picture = PictureFactory()
    Article.objects.filter(pk=published.pk).update(picture=picture)
    delete = reverse("admin:articles_picture_delete", args=[picture.pk])
    response = client_for(editor).post(delete, {"post": "yes"})
    assert response.status_code == 403
    assert Picture.objects.filter(pk=picture.pk).exists()
    with pytest.raises(Exception):  # noqa: B017 (the database refuses too: ProtectedError)
        picture.delete()


def test_an_editor_deletes_an_unused_picture_a_journalist_cannot(editor, journalist):
    picture = PictureFactory()
    delete = reverse("admin:articles_picture_delete", args=[picture.pk])
    assert client_for(journalist).post(delete, {"post": "yes"}).status_code == 403
    assert client_for(editor).post(delete, {"post": "yes"}).status_code == 302
    assert not Picture.objects.filter(pk=picture.pk).exists()


def test_journalists_change_only_the_pictures_they_uploaded(journalist, colleague):
    theirs = PictureFactory(uploaded_by=colleague, title="La leur")
    mine = PictureFactory(uploaded_by=journalist, title="La mienne")
    client = client_for(journalist)
    forged = client.post(picture_change(theirs), picture_post(theirs, title="Volée"))
    assert forged.status_code == 403
    assert Picture.objects.get(pk=theirs.pk).title == "La leur"
    assert (
        client.post(picture_change(mine), picture_post(mine, title="Corrigée")).status_code == 302
    )
    assert Picture.objects.get(pk=mine.pk).title == "Corrigée"


# --- what the desk sees of an article's picture ----------------------------------------------
def test_list_shows_thumbnails_and_form_shows_preview_and_card(draft, editor):
    picture = PictureFactory(
        file=upload(makers.encoded(Image.new("RGB", (800, 600)), "JPEG")), focal_x=20, focal_y=70
    )
    picture.refresh_renditions()
    draft.picture = picture
    draft.save()
    client = client_for(editor)
    listing = client.get(reverse("admin:articles_article_changelist")).content.decode()
    assert 'class="admin-thumb"' in listing and "/w320.jpg" in listing
    form = client.get(change(draft)).content.decode()
    assert 'class="focal-preview"' in form and "left: 20%; top: 70%" in form
    assert f'href="{picture_change(picture)}"' in form  # its focal point is set in the library
    assert 'class="social-card"' in form and "/og.jpg" in form
    assert "1200 × 630" in form  # the picture is too small for a shared card


def test_social_card_warnings(published, editor):
    article = published
    assert "Aucune image" in " ".join(str(w) for w in article.social_card_warnings())
    article.picture = PictureFactory(
        file=upload(makers.encoded(Image.new("RGB", (1200, 1200)), "JPEG")), alt_text=""
    )
    article.image_alt = ""
    article.headline = "Un titre bien trop long " * 4
    article.standfirst = "Un chapeau interminable. " * 12
    warnings = " ".join(str(w) for w in article.social_card_warnings())
    for expected in ("1,91", "texte alternatif", "70", "200"):
        assert expected in warnings, expected
    article.picture = PictureFactory(
        file=upload(makers.encoded(Image.new("RGB", (1200, 630)), "JPEG"))
    )
    article.image_alt = "Alt"
    article.headline, article.standfirst = "Titre court", "Chapeau court."
    article.save()
    assert article.social_card_warnings() == []


def test_admin_list_queries_do_not_grow_with_pictures(editor):
    def add(count):
        for _ in range(count):
            picture = PictureFactory(
                file=upload(makers.encoded(Image.new("RGB", (400, 300)), "JPEG"))
            )
            picture.refresh_renditions()
            article = ArticleFactory(authors=[AuthorFactory()], picture=picture)
            publish(article, editor)

    def queries(url):
        cache.clear()  # the article list's popular tags are kept ten minutes: read each time
        with CaptureQueriesContext(connection) as captured:
            page = client.get(url).content.decode()
        return len(captured), page.count('class="admin-thumb"')

    client = client_for(editor)
    add(1)
    articles, thumbs = queries(reverse("admin:articles_article_changelist"))
    pictures, _ = queries(LIBRARY)
    add(5)
    assert queries(reverse("admin:articles_article_changelist")) == (articles, thumbs + 5)
    assert queries(LIBRARY)[0] == pictures


def test_adding_to_the_library_needs_the_right_to_add(outsider, journalist):
    picture = Picture(file=upload(makers.encoded(Image.new("RGB", (50, 50)), "JPEG")), title="x")
    with pytest.raises(PermissionDenied):
        picture.save_by(outsider)  # staff, in no group
    picture.alt_text = "Une photo"
    picture.save_by(journalist)
    assert Picture.objects.get(pk=picture.pk).uploaded_by == journalist
