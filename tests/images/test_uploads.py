"""Bad images (TRUST_MAP.md, cases 1-7): every case with files the tests make themselves."""

import io
import time
import tracemalloc

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image, TiffImagePlugin

from articles.models import Article, Picture
from newsroom.images.fields import checked_file
from tests.admin_forms import article_post
from tests.conftest import client_for
from tests.factories import PictureFactory
from tests.images import makers


def upload(data: bytes, name="photo.jpg", content_type="image/jpeg"):
    return SimpleUploadedFile(name, data, content_type=content_type)


def refused(data, name="photo.jpg", code=None):
    with pytest.raises(ValidationError) as error:
        checked_file(upload(data, name))
    if code:
        assert error.value.code == code
    return error.value


# 1. Decompression bombs --------------------------------------------------------------
@pytest.mark.parametrize(("width", "height"), [(30_000, 30_000), (12_000, 12_000)])
def test_bomb_is_refused_fast_without_decoding(width, height):
    data = makers.png_header_only(width, height)
    assert len(data) < 5_000
    tracemalloc.start()
    started = time.perf_counter()
    refused(data, code="pixels")
    elapsed = time.perf_counter() - started
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert elapsed < 1.0
    assert peak < 5 * 1024 * 1024  # decoding even one row set would need far more


def test_animation_with_many_large_frames_is_refused(settings):
    settings.IMAGE_MAX_PIXELS = 10_000_000
    data = makers.animated_gif(2000, 2000, 4)  # 16 megapixels in all, 4 in each frame
    assert refused(data, "anim.gif", code="pixels")


def test_animation_of_300000_tiny_frames_is_refused_in_the_form_within_a_second(journalist):
    """TRUST_MAP case 36: 6.9 MB, one pixel a frame, and a core for minutes once accepted."""
    data = makers.many_frames_gif(300_000)
    assert len(data) < 7_000_000
    post = article_post(headline="Animation hostile")
    post["new_picture"] = upload(data, "anim.gif", "image/gif")
    started = time.perf_counter()
    response = client_for(journalist).post(reverse("admin:articles_article_add"), post)
    elapsed = time.perf_counter() - started
    assert response.status_code == 200
    errors = response.context["adminform"].form.errors["new_picture"]
    assert "trop d’images" in errors[0] or "too many frames" in errors[0]
    assert elapsed < 1.0
    assert not Article.objects.filter(headline="Animation hostile").exists()


def test_animation_within_the_frame_limit_is_kept_with_every_frame(settings):
    settings.IMAGE_MAX_FRAMES = 20
    assert refused(makers.many_frames_gif(21), "anim.gif", code="frames")
    stored = checked_file(upload(makers.animated_gif(8, 8, 20), "anim.gif"))
    assert Image.open(io.BytesIO(stored.read())).n_frames == 20


def test_animation_too_slow_to_reencode_is_refused(settings):
    settings.IMAGE_MAX_DECODE_SECONDS = 0
    assert refused(makers.animated_gif(40, 40, 3), "anim.gif", code="too_slow")


# 2. Oversized uploads --------------------------------------------------------------------
def test_file_over_the_size_limit_is_refused(settings):
    settings.IMAGE_MAX_BYTES = 50_000
    data = makers.encoded(Image.effect_noise((400, 400), 80).convert("RGB"), "PNG")
    assert len(data) > 50_000
    assert refused(data, "big.png", code="too_large")


def test_oversized_request_is_a_400_before_it_is_read(client, journalist, settings):
    settings.DATA_UPLOAD_MAX_REQUEST_BYTES = 100_000
    data = article_post(headline="Gros fichier")
    data["new_picture"] = upload(b"\xff" * 200_000)
    response = client_for(journalist).post(reverse("admin:articles_article_add"), data)
    assert response.status_code == 400


def test_request_with_hundreds_of_files_is_a_400(journalist):
    files = {f"file{i}": upload(b"x", f"f{i}.jpg") for i in range(300)}
    response = client_for(journalist).post(reverse("admin:articles_article_add"), files)
    assert response.status_code == 400


# 3. Wrong formats -------------------------------------------------------------------------
def tiff() -> bytes:
    return makers.encoded(Image.new("RGB", (10, 10)), "TIFF")


def pdf() -> bytes:
    return makers.encoded(Image.new("RGB", (10, 10)), "PDF")


def jpeg2000() -> bytes:
    return makers.encoded(Image.new("RGB", (10, 10)), "JPEG2000")


PSD = (
    b"8BPS\x00\x01"
    + b"\x00" * 6
    + b"\x00\x03"
    + b"\x00\x00\x00\x0a" * 2
    + b"\x00\x08\x00\x03"
    + b"\x00" * 64
)
EPS = b"%!PS-Adobe-3.0 EPSF-3.0\n%%BoundingBox: 0 0 10 10\nshowpage\n"


@pytest.mark.parametrize("make", [tiff, pdf, jpeg2000, lambda: PSD, lambda: EPS])
def test_other_formats_renamed_jpg_are_refused(make):
    assert refused(make(), "holiday.jpg", code="format")


def test_no_decoder_outside_the_allowlist_runs(monkeypatch):
    def forbidden(self):
        raise AssertionError("the TIFF decoder must never run on an upload")

    monkeypatch.setattr(TiffImagePlugin.TiffImageFile, "_open", forbidden)
    assert refused(tiff(), code="format")


# 4. Polyglots --------------------------------------------------------------------------------
def test_png_with_html_appended_is_stored_without_it():
    data = makers.encoded(Image.new("RGB", (20, 20), "green"), "PNG")
    stored = checked_file(upload(data + b"<html><script>alert(1)</script></html>", "x.png")).read()
    assert b"<script>" not in stored
    assert Image.open(io.BytesIO(stored)).format == "PNG"


def test_svg_is_refused():
    svg = b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'
    assert refused(svg, "logo.svg", code="format")


# 5. Corrupt or truncated -------------------------------------------------------------------
def test_truncated_jpeg_is_refused():
    data = makers.encoded(Image.effect_noise((300, 300), 60).convert("RGB"), "JPEG")
    assert refused(data[: len(data) // 2], code="corrupt")


def test_garbage_after_a_png_signature_is_refused():
    assert refused(b"\x89PNG\r\n\x1a\n" + b"\x00garbage" * 20, "x.png")


def test_corrupt_upload_is_a_form_error_not_a_500(journalist):
    data = article_post(headline="Photo abîmée", image_alt="Une photo")
    data["new_picture"] = upload(b"\xff\xd8\xff\xe0 not really a jpeg")
    response = client_for(journalist).post(reverse("admin:articles_article_add"), data)
    assert response.status_code == 200
    assert "new_picture" in response.context["adminform"].form.errors


# 6. Metadata -------------------------------------------------------------------------------------
def test_every_trace_of_the_camera_and_place_is_removed_and_the_picture_is_upright():
    stored = checked_file(upload(makers.jpeg_with_everything())).read()
    image = Image.open(io.BytesIO(stored))
    assert dict(image.getexif()) == {}
    assert "xmp" not in image.info and "comment" not in image.info and "exif" not in image.info
    for needle in (b"SERIAL-123456", b"Jean Source", b"Bouake", b"secret source", b"CameraMaker"):
        assert needle not in stored
    assert image.size == (200, 400)  # turned upright
    assert image.getpixel((100, 40))[0] > 200  # red on top
    assert image.getpixel((100, 360))[2] > 200  # blue below


def test_metadata_is_stripped_when_the_file_bypasses_the_form(db):
    picture = Picture.objects.create(
        file=upload(makers.jpeg_with_everything(), "raw.jpg"), title="Brut", alt_text="Photo"
    )
    with picture.file.open("rb") as handle:
        stored = handle.read()
    assert b"SERIAL-123456" not in stored and b"secret source" not in stored
    assert (picture.width, picture.height) == (200, 400)


# 7. Hostile file names ------------------------------------------------------------------------
@pytest.mark.parametrize(
    "name",
    [
        "../../settings.py.jpg",
        "nul\x00byte.jpg",
        "x" * 300 + ".jpg",
        "rtl\u202egpj.exe",
        "photo.jpg",
    ],
)
def test_files_get_server_made_names_and_never_overwrite(db, name):
    data = makers.encoded(Image.new("RGB", (50, 50), "red"), "JPEG")
    stored_names = set()
    for _ in range(2):
        picture = PictureFactory(file=upload(data, name))
        stored_names.add(picture.file.name)
    assert len(stored_names) == 2
    for stored in stored_names:
        assert stored.startswith("pictures/") and ".." not in stored and "\x00" not in stored
        assert stored.rsplit("/", 1)[1].split(".")[0].isalnum() and stored.endswith(".jpg")
        assert picture.file.storage.exists(stored)


def test_accepted_formats_round_trip():
    for fmt, ext in (("JPEG", "jpg"), ("PNG", "png"), ("WEBP", "webp"), ("GIF", "gif")):
        data = makers.encoded(Image.new("RGB", (30, 20), "orange"), fmt)
        cleaned = checked_file(upload(data, f"x.{ext}"))
        assert cleaned.name == f"image.{ext}"
        assert Image.open(io.BytesIO(cleaned.read())).size == (30, 20)


def test_media_is_served_with_its_type_and_nosniff(client, db):
    data = makers.encoded(Image.new("RGB", (20, 20), "green"), "PNG")
    picture = PictureFactory(file=upload(data + b"<html><script>alert(1)</script>", "p.png"))
    response = client.get(picture.file.url)
    assert response.status_code == 200
    assert response["Content-Type"] == "image/png"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert b"<script>" not in b"".join(response.streaming_content)


def test_media_is_one_copy_for_every_reader_in_a_shared_cache(client, db, editor):
    """Kept for a year and the same for everyone: no Vary on cookies or languages, or a CDN
    would keep a copy per reader."""
    picture = PictureFactory()
    client.force_login(editor)  # a signed-in reader's session and language are read too
    response = client.get(picture.file.url, HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 200
    assert response["Cache-Control"] == "public, max-age=31536000, immutable"
    assert not response.has_header("Vary"), response.get("Vary")
    assert not response.cookies


@pytest.mark.parametrize(
    "path",
    [
        "/media/../manage.py",
        "/media/articles/x.html",
        "/media/secret.jpg",
        "/media/articles/none.jpg",
    ],
)
def test_media_serving_refuses_everything_else(client, db, path):
    assert client.get(path).status_code == 404
