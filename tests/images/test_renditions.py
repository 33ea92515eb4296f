"""Renditions: made once, never larger than the original, focal point kept, failures survived."""

import io
import logging

import pytest
from django.core.cache import cache
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from PIL import Image

from newsroom.images import renditions
from tests.factories import PictureFactory
from tests.images import makers
from tests.images.test_uploads import upload
from tests.public.conftest import publish


def read(name):
    with default_storage.open(name, "rb") as handle:
        return Image.open(io.BytesIO(handle.read()))


@pytest.fixture
def pictured(draft, editor):
    """A wide picture, white with a red block at 10 % across, 50 % down."""
    image = Image.new("RGB", (2000, 500), "white")
    image.paste("red", (150, 200, 250, 300))
    draft.picture = PictureFactory(
        file=upload(makers.encoded(image, "JPEG", quality=95)), alt_text="Un bloc rouge"
    )
    draft.save()
    publish(draft, editor)
    return draft


def red_in(name) -> bool:
    picture = read(name).convert("RGB")
    return any(r > 200 and g < 80 and b < 80 for r, g, b in picture.get_flattened_data())


def test_widths_in_webp_and_jpeg_never_larger_than_the_original(pictured):
    record = pictured.picture.refresh_renditions()
    assert [w[0] for w in record["widths"]] == [320, 640, 960, 1280, 1920]
    for width, height, webp, fallback in record["widths"]:
        assert round(width / 4) == height
        assert read(webp).format == "WEBP" and read(fallback).format == "JPEG"
        assert read(webp).size == (width, height)
    small = upload(makers.encoded(Image.new("RGB", (500, 300)), "JPEG"))
    pictured.picture.file = small
    pictured.picture.save()
    assert [w[0] for w in pictured.picture.refresh_renditions()["widths"]] == [320]


def test_transparent_png_falls_back_to_png(db):
    picture = PictureFactory(
        file=upload(makers.encoded(Image.new("RGBA", (700, 400), (0, 0, 0, 0)), "PNG"), "t.png")
    )
    record = picture.refresh_renditions()
    assert read(record["widths"][0][3]).format == "PNG"


def test_crops_have_the_right_shape(pictured):
    crops = pictured.picture.refresh_renditions()["crops"]
    assert crops["og"][:2] == [952, 500]  # the largest 1.91:1 box in a 500-pixel-high picture
    assert crops["1x1"][:2] == [500, 500]
    assert crops["4x3"][:2] == [667, 500]
    assert crops["16x9"][:2] == [889, 500]


def test_every_crop_keeps_the_focal_point(pictured, editor):
    picture = pictured.picture
    centred = picture.refresh_renditions()["crops"]
    assert not red_in(centred["1x1"][3])  # centred on the middle: the red block is cut off
    picture.focal_x, picture.focal_y = 10, 50
    picture.save_by(editor)
    focused = picture.refresh_renditions()["crops"]
    for name in ("og", "1x1", "4x3", "16x9"):
        assert red_in(focused[name][3]), name


def test_renditions_are_made_once(pictured, monkeypatch):
    calls = []
    real = renditions.make
    monkeypatch.setattr(renditions, "make", lambda *a: calls.append(a) or real(*a))
    pictured.picture.refresh_renditions()
    for _ in range(3):
        fresh = type(pictured).objects.select_related("picture").get(pk=pictured.pk)
        assert fresh.images["key"] == pictured.images["key"]
    assert len(calls) == 1


def test_one_maker_at_a_time_others_see_the_original(client, pictured, monkeypatch):
    picture = pictured.picture
    key = renditions.plan_key(picture.file.name, picture.focal, renditions.ARTICLE_PLAN)
    cache.add(f"renditions:{key}", True, 60)  # another process is making them
    monkeypatch.setattr(renditions, "make", lambda *a: pytest.fail("made twice"))
    try:
        html = client.get(pictured.get_absolute_url()).content.decode()
    finally:
        cache.delete(f"renditions:{key}")
    original = f'class="image-original" src="{picture.file.url}" alt="Un bloc rouge"'
    assert original in html


def test_damaged_original_answers_and_logs(client, pictured, caplog):
    name = pictured.picture.file.name
    default_storage.delete(name)
    default_storage.save(name, ContentFile(b"\xff\xd8 damaged on disk"))
    with caplog.at_level(logging.ERROR, logger="newsroom.images.renditions"):
        response = client.get(pictured.get_absolute_url())
    assert response.status_code == 200
    assert "image-original" in response.content.decode()  # the browser then shows its alt text
    assert any("Could not make renditions" in r.message for r in caplog.records)


def test_renditions_carry_no_metadata(db):
    picture = PictureFactory(file=upload(makers.jpeg_with_everything(1400, 700)))
    record = picture.refresh_renditions()
    for name in [w[3] for w in record["widths"]] + [c[3] for c in record["crops"].values()]:
        with default_storage.open(name, "rb") as handle:
            data = handle.read()
        assert b"SERIAL" not in data and b"Exif" not in data


def test_author_photo_square_crops(editor):
    author = editor.author_profile
    author.photo = PictureFactory(
        file=upload(makers.encoded(Image.new("RGB", (600, 800), "navy"), "JPEG"))
    )
    author.save()
    crops = author.refresh_renditions()["crops"]
    assert {name: crop[:2] for name, crop in crops.items()} == {
        "sq96": [96, 96],
        "sq192": [192, 192],
        "sq400": [400, 400],
    }
