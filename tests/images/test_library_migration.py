"""The move into the media library (articles 0008, authors 0002): every featured image and
author photo becomes a Picture, with nothing lost, and revisions name it."""

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from PIL import Image

from articles.models import Article, Picture, Revision
from authors.models import Author
from tests.images import makers
from tests.migrations import migrate

BEFORE = ("articles", "0007_rate_counts")


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_featured_images_move_into_the_library_with_nothing_lost():
    old = migrate(BEFORE)
    OldArticle = old.get_model("articles", "Article")
    OldRevision = old.get_model("articles", "Revision")
    section = old.get_model("articles", "Section").objects.create(name="Économie", slug="eco")
    photo = makers.encoded(Image.new("RGB", (1200, 675), "teal"), "JPEG")
    name = default_storage.save("articles/2024/05/ancienne.jpg", ContentFile(photo))
    record = {"key": "k", "widths": [[320, 180, "r/w320.webp", "r/w320.jpg"]], "crops": {}}
    image = {
        "featured_image": name,
        "image_width": 1200,
        "image_height": 675,
        "image_focal_x": 20,
        "image_focal_y": 70,
        "image_renditions": record,
    }
    first = OldArticle.objects.create(
        headline="Le marché",
        slug="le-marche",
        section=section,
        image_alt="Des étals",
        image_caption="Treichville, au matin.",
        image_credit="AFP",
        **image,
    )
    again = OldArticle.objects.create(
        headline="Le marché, suite",
        slug="suite",
        section=section,
        image_alt="Étals",
        **image,
    )
    bare = OldArticle.objects.create(headline="Sans photo", slug="sans-photo", section=section)
    OldRevision.objects.create(
        article=first,
        number=1,
        data={"headline": "Le marché", "featured_image": name, "image_focal": [20, 70]},
    )
    OldRevision.objects.create(article=bare, number=1, data={"headline": "Sans photo"})
    portrait = default_storage.save("authors/2024/05/visage.jpg", ContentFile(photo))
    squares = {"key": "p", "widths": [], "crops": {"sq96": [96, 96, "a.webp", "a.jpg"]}}
    old.get_model("authors", "Author").objects.create(
        display_name="Awa Koné",
        slug="awa-kone",
        photo=portrait,
        photo_width=1200,
        photo_height=675,
        photo_renditions=squares,
    )

    migrate(None)

    picture = Picture.objects.get(file=name)  # one file, one picture, whoever uses it
    assert picture.file.name == name and default_storage.exists(name)
    assert (picture.width, picture.height, picture.focal_x, picture.focal_y) == (1200, 675, 20, 70)
    assert picture.renditions == record
    assert (picture.title, picture.alt_text) == ("Le marché", "Des étals")
    assert (picture.caption, picture.credit) == ("Treichville, au matin.", "AFP")
    first, again, bare = (Article.objects.get(slug=s) for s in ("le-marche", "suite", "sans-photo"))
    assert first.picture == again.picture == picture and bare.picture is None
    assert (first.image_alt, first.image_caption, first.image_credit) == (
        "Des étals",
        "Treichville, au matin.",
        "AFP",
    )
    assert again.image_alt == "Étals"  # each article keeps its own text for this use
    assert Revision.objects.get(article=first).data == {
        "headline": "Le marché",
        "picture": "Le marché",
        "picture_id": picture.pk,
    }
    assert Revision.objects.get(article=bare).data["picture_id"] is None
    face = Author.objects.get(slug="awa-kone").photo
    assert face.file.name == portrait and (face.width, face.height) == (1200, 675)
    assert (face.title, face.alt_text, face.focal_y) == ("Awa Koné", "Awa Koné", 35)
    assert face.portrait_renditions == squares
    assert Picture.objects.count() == 2
