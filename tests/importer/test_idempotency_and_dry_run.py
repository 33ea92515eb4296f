"""A second run imports nothing twice; a dry run does the work and saves nothing."""

from django.utils import translation

from articles.models import Article, Picture
from importer.models import ImportedAttachment, ImportedPost
from tests.importer.conftest import snapshot, stored_files
from tests.importer.exports import attachment, author, category, export, post, upload_url


def full_export():
    return export(
        attachment(50, "2024/03/une.jpg", alt="Une"),
        post(
            1,
            "Premier",
            categories=[("sport", "Sport")],
            tags=["Mali"],
            meta={"_thumbnail_id": "50"},
            content=f'Texte.\n\n<img src="{upload_url("2024/03/carte.png")}" alt="Carte" />',
            comments=2,
        ),
        post(2, "Deuxième", status="draft"),
        post(3, "Une page", post_type="page"),
        authors=[author("awa", display_name="Awa Koné")],
        categories=[category("sport", "Sport")],
    )


def test_a_second_run_imports_nothing_twice(run_import, uploads, settings):
    first = run_import(full_export(), media_dir=uploads)
    after_first, files = snapshot(), stored_files(settings)
    second = run_import(full_export(), media_dir=uploads)
    assert snapshot() == after_first
    assert stored_files(settings) == files
    assert first.posts_imported == 2 and second.posts_imported == 0
    assert second.already_imported == 2
    assert (second.authors_created, second.sections_created, second.tags_created) == (0, 0, 0)
    assert second.images_stored == 0


def test_a_second_run_adds_only_the_new_posts(run_import):
    run_import(export(post(1), post(2)))
    summary = run_import(export(post(1), post(2), post(3)))
    assert summary.posts_imported == 1 and summary.already_imported == 2
    assert Article.objects.count() == 3


def test_an_article_deleted_since_is_not_brought_back(run_import):
    run_import(export(post(1)))
    Article.objects.get().delete()
    summary = run_import(export(post(1)))
    assert not Article.objects.exists()
    assert summary.already_imported == 1
    assert ImportedPost.objects.get().article is None


def test_a_dry_run_saves_nothing_and_counts_the_same(run_import, uploads, settings, published):
    before, files = snapshot(), stored_files(settings)
    dry = run_import(full_export(), media_dir=uploads, dry_run=True)
    assert snapshot() == before
    assert stored_files(settings) == files  # pictures it stored on the way are removed
    real = run_import(full_export(), media_dir=uploads)
    assert dry.dry_run and not real.dry_run
    assert dry.lines()[1:] == real.lines()[1:]
    assert dry.images_stored == 2 and dry.posts_imported == 2


def featuring(post_id, attachment_id=50, **options):
    return post(
        post_id, f"Article {post_id}", meta={"_thumbnail_id": str(attachment_id)}, **options
    )


def test_a_second_run_reuses_the_pictures_an_earlier_run_stored(run_import, uploads, settings):
    una = attachment(50, "2024/03/une.jpg", alt="Une")
    run_import(export(una, featuring(1)), media_dir=uploads)
    files = stored_files(settings)
    body = f'<img src="{upload_url("2024/03/une.jpg")}" class="wp-image-50" alt="Une" />'
    second = run_import(export(una, featuring(2, content=body)), media_dir=uploads)
    first_article, second_article = Article.objects.order_by("pk")
    assert Picture.objects.count() == 1 and stored_files(settings) == files
    assert second_article.picture == first_article.picture
    assert f'data-file="{first_article.picture_id}"' in second_article.body
    assert (second.images_stored, second.images_reused) == (0, 1)
    with translation.override("en"):
        assert "Images already imported by an earlier run, reused: 1." in second.lines()


def test_a_picture_deleted_since_is_stored_again(run_import, uploads, settings):
    una = attachment(50, "2024/03/une.jpg", alt="Une")
    run_import(export(una, featuring(1)), media_dir=uploads)
    Article.objects.update(picture=None)
    Picture.objects.get().delete()
    second = run_import(export(una, featuring(2)), media_dir=uploads)
    assert second.images_stored == 1
    assert Article.objects.get(slug="article-2").picture == Picture.objects.get()
    assert ImportedAttachment.objects.get().picture == Picture.objects.get()


def test_the_same_attachment_id_of_another_site_is_another_picture(run_import, uploads):
    run_import(export(attachment(50, "2024/03/une.jpg"), featuring(1)), media_dir=uploads)
    other = "https://autre.example.com"
    run_import(
        export(attachment(50, "2024/03/une.jpg", site=other), featuring(1, site=other), site=other),
        media_dir=uploads,
    )
    assert Picture.objects.count() == 2
    assert ImportedAttachment.objects.filter(wordpress_id=50).count() == 2
