"""Featured and inline pictures from --media-dir: stored checked and stripped, or reported."""

import re

import pytest
from django.core.files.storage import default_storage
from PIL import Image

from articles.models import Article, Picture
from importer.run import import_wordpress
from tests.images.makers import jpeg_with_everything
from tests.importer.conftest import picture, stored_files
from tests.importer.exports import attachment, export, post, upload_url


def with_featured(attachment_xml, **post_options):
    return export(
        attachment_xml, post(1, "Le marché", meta={"_thumbnail_id": "50"}, **post_options)
    )


def test_featured_image_is_taken_from_the_media_dir(run_import, uploads, settings):
    summary = run_import(
        with_featured(
            attachment(50, "2024/03/une.jpg", alt="Le marché de Treichville", caption="Hier.")
        ),
        media_dir=uploads,
    )
    article = Article.objects.get()
    picture = article.picture
    assert picture.file.name.startswith("pictures/")
    assert "une" not in picture.file.name  # a server-made name
    assert (picture.width, picture.height) == (1200, 675)
    assert (picture.alt_text, picture.caption) == ("Le marché de Treichville", "Hier.")
    assert article.image_alt == "Le marché de Treichville"
    assert article.image_caption == "Hier."
    assert summary.images_stored == 1
    assert len(stored_files(settings)) == 1


def test_featured_image_alt_falls_back_to_the_attachment_title(run_import, uploads):
    run_import(
        with_featured(attachment(50, "2024/03/une.jpg", title="Vue du port")), media_dir=uploads
    )
    assert Article.objects.get().image_alt == "Vue du port"


def test_a_featured_image_loses_its_metadata(run_import, uploads):
    (uploads / "2024/03/gps.jpg").write_bytes(jpeg_with_everything())
    run_import(with_featured(attachment(50, "2024/03/gps.jpg", alt="x")), media_dir=uploads)
    with default_storage.open(Article.objects.get().picture.file.name) as stored:
        image = Image.open(stored)
        assert dict(image.getexif()) == {}
        assert "xmp" not in image.info and "comment" not in image.info
        assert image.size == (200, 400)  # turned upright


def test_a_missing_featured_image_is_reported_and_the_post_imported(run_import, uploads, settings):
    summary = run_import(with_featured(attachment(50, "2023/01/absente.jpg")), media_dir=uploads)
    article = Article.objects.get()
    assert not article.picture and article.image_alt == ""
    assert summary.images_missing == 1
    assert any("2023/01/absente.jpg" in note and "missing" in note for note in summary.notes)
    assert stored_files(settings) == []


def test_without_media_dir_every_picture_is_reported_missing(run_import):
    summary = run_import(with_featured(attachment(50, "2024/03/une.jpg")))
    assert summary.images_missing == 1 and not Article.objects.get().picture
    assert any("no --media-dir" in note for note in summary.notes)


def test_a_featured_image_absent_from_the_export_is_reported(run_import, uploads):
    summary = run_import(export(post(1, meta={"_thumbnail_id": "999"})), media_dir=uploads)
    assert summary.images_missing == 1
    assert any("999" in note for note in summary.notes)


def test_a_refused_image_is_reported_not_fatal(run_import, uploads, settings):
    (uploads / "2024/03/faux.jpg").write_bytes(b"%PDF-1.4 not a picture")
    summary = run_import(
        export(attachment(50, "2024/03/faux.jpg"), post(1, meta={"_thumbnail_id": "50"}), post(2)),
        media_dir=uploads,
    )
    assert summary.posts_imported == 2 and summary.images_refused == 1
    assert not Article.objects.get(slug="article-1").picture
    assert any("faux.jpg" in note and "refused" in note for note in summary.notes)
    assert stored_files(settings) == []


def test_paths_from_the_export_never_leave_the_media_dir(run_import, uploads, tmp_path):
    picture(tmp_path / "ailleurs.jpg")
    summary = run_import(with_featured(attachment(50, "../ailleurs.jpg")), media_dir=uploads)
    assert not Article.objects.get().picture
    assert summary.images_missing == 1


def inline(src, extra=""):
    return f'Avant.\n\n<img class="aligncenter size-medium {extra}" src="{src}" alt="La carte" width="300" height="225" />\n\nAprès.'


def test_an_inline_picture_goes_into_the_library_and_the_text_names_it(
    run_import, uploads, settings
):
    summary = run_import(
        export(post(1, content=inline(upload_url("2024/03/carte-300x225.png")))), media_dir=uploads
    )
    article = Article.objects.get()
    picture = Picture.objects.get()
    assert article.body == (
        "<p>Avant.</p>\n"
        f'<figure><img src="{picture.file.url}" alt="La carte" data-file="{picture.pk}"></figure>\n'
        "<p>Après.</p>"
    )
    assert picture.file.name.startswith("pictures/") and picture.file.name.endswith(".png")
    assert (picture.width, picture.height) == (300, 225)
    assert picture.alt_text == "La carte"  # the attachment has none: this use's
    assert list(article.body_pictures.values_list("picture_id", flat=True)) == [picture.pk]
    assert "ancien.example.com" not in article.body
    assert summary.images_stored == 1 and len(stored_files(settings)) == 1


def test_an_inline_picture_takes_the_attachments_alt_title_and_caption(run_import, uploads):
    run_import(
        export(
            attachment(50, "2024/03/une.jpg", "Vue du port", alt="Le port", caption="Hier."),
            post(1, content=f'<img src="{upload_url("2024/03/une.jpg")}" alt="">'),
        ),
        media_dir=uploads,
    )
    picture = Picture.objects.get()
    assert (picture.title, picture.alt_text, picture.caption) == ("Vue du port", "Le port", "Hier.")
    # This use has no alt text of its own: the library's fills it in.
    assert f'alt="Le port" data-file="{picture.pk}"' in Article.objects.get().body


def test_the_featured_picture_and_the_same_file_in_the_text_are_one_library_picture(
    run_import, uploads
):
    summary = run_import(
        export(
            attachment(50, "2024/03/une.jpg", alt="Le marché"),
            post(
                1,
                "Le marché",
                meta={"_thumbnail_id": "50"},
                content=inline(upload_url("2024/03/une-1024x576.jpg")),
            ),
        ),
        media_dir=uploads,
    )
    picture = Picture.objects.get()
    article = Article.objects.get()
    assert article.picture == picture and f'data-file="{picture.pk}"' in article.body
    assert article.image_alt == "Le marché"
    assert summary.images_stored == 1


def test_an_inline_size_missing_falls_back_to_the_original(run_import, uploads):
    run_import(
        export(post(1, content=inline(upload_url("2024/03/une-1024x576.jpg")))), media_dir=uploads
    )
    assert re.search(r'<img src="/media/pictures/[^"]+\.jpg"', Article.objects.get().body)


def test_an_inline_picture_is_found_by_its_attachment_class(run_import, uploads):
    run_import(
        export(
            attachment(50, "2024/03/une.jpg"),
            post(1, content=inline("https://cdn.example.net/renamed.jpg", extra="wp-image-50")),
        ),
        media_dir=uploads,
    )
    assert 'data-file="' in Article.objects.get().body
    assert Picture.objects.get().file.name.startswith("pictures/")


def test_the_same_file_used_twice_is_stored_once(run_import, uploads, settings):
    src = upload_url("2024/03/carte.png")
    summary = run_import(
        export(post(1, content=inline(src)), post(2, content=inline(src))), media_dir=uploads
    )
    assert summary.images_stored == 1 and len(stored_files(settings)) == 1


def test_a_missing_inline_picture_is_removed_and_reported(run_import, uploads):
    summary = run_import(
        export(post(1, content=inline(upload_url("2022/01/perdue.jpg")))), media_dir=uploads
    )
    body = Article.objects.get().body
    assert "<img" not in body and body == "<p>Avant.</p>\n<p>Après.</p>"
    assert summary.images_missing == 1
    assert any("2022/01/perdue.jpg" in note for note in summary.notes)


def test_a_picture_from_another_site_is_removed_and_reported(run_import, uploads):
    summary = run_import(
        export(post(1, content=inline("https://tracker.example.org/pixel.gif"))), media_dir=uploads
    )
    assert "<img" not in Article.objects.get().body
    assert any("tracker.example.org" in note for note in summary.notes)


def test_a_caption_with_its_picture_becomes_a_figure(run_import, uploads):
    content = (
        f'[caption id="attachment_50" width="300"]<a href="{upload_url("2024/03/carte.png")}">'
        f'<img src="{upload_url("2024/03/carte-300x225.png")}" alt="La carte" /></a>'
        " La carte du Sahel.[/caption]"
    )
    run_import(export(post(1, content=content)), media_dir=uploads)
    body = Article.objects.get().body
    picture = Picture.objects.get()
    assert body == (
        f'<figure><img src="{picture.file.url}" alt="La carte" data-file="{picture.pk}">'
        "<figcaption>La carte du Sahel.</figcaption></figure>"
    )


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_pictures_stay_when_a_task_after_the_commit_fails(
    write_export, uploads, settings, monkeypatch
):
    """The articles are saved by then: their files must not be removed from under them.
    The renditions are a task of their own: its failure is recorded, the import goes on."""

    failed = []

    def broken(picture):
        failed.append(picture.pk)
        raise RuntimeError("renditions failed")

    monkeypatch.setattr(Picture, "refresh_renditions", broken)
    xml = with_featured(attachment(50, "2024/03/une.jpg", alt="Une"))
    import_wordpress(write_export(xml), media_dir=uploads)
    article = Article.objects.get()
    assert failed == [article.picture_id]  # the task ran, and failed
    assert default_storage.exists(article.picture.file.name)
    assert not Picture.objects.get(pk=article.picture_id).renditions
