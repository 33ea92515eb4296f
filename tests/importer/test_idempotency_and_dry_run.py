"""A second run imports nothing twice; a dry run does the work and saves nothing."""

from articles.models import Article
from importer.models import ImportedPost
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
