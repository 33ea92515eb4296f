"""Any WXR: the prefixes' namespaces as the file declares them, http or https (WordPress.com),
versions 1.0 to 1.2, as WordPress's own importer reads them."""

import pytest

from articles.models import Article
from importer.wxr import WxrError, read_channel
from tests.importer.exports import author, category, export, post, tag

VERSIONS = ["1.0", "1.1", "1.2"]


def a_full_export(**options):
    return export(
        post(
            7,
            "Le marché",
            excerpt="Le résumé.",
            creator="awa",
            categories=[("economie", "Économie")],
            tags=["Sahel"],
        ),
        authors=[author("awa", display_name="Awa Koné")],
        categories=[category("economie", "Économie")],
        **options,
    )


@pytest.mark.parametrize("version", VERSIONS)
@pytest.mark.parametrize("scheme", ["http", "https"])
def test_every_version_imports_whatever_its_scheme(run_import, version, scheme):
    summary = run_import(a_full_export(version=version, scheme=scheme))
    article = Article.objects.get()
    assert summary.posts_imported == 1
    assert (article.headline, article.standfirst, article.section.name) == (
        "Le marché",
        "Le résumé.",
        "Économie",
    )
    assert [tag.name for tag in article.tags.all()] == ["Sahel"]
    assert article.bylines.get().author.display_name == ("Awa Koné" if version != "1.0" else "awa")


def test_a_wordpress_com_export_is_no_longer_refused(run_command):
    out, _err = run_command(a_full_export(scheme="https"))
    assert "Articles imported: 1" in out
    assert Article.objects.get().headline == "Le marché"


def test_the_prefix_decides_whatever_the_namespace_it_is_given(run_import):
    """WordPress's importer reads "wp:" elements under whatever the file declares for wp."""
    namespaces = {
        "excerpt": "https://example.org/wxr/excerpt",
        "content": "https://example.org/content",
        "dc": "https://example.org/dc",
        "wp": "https://example.org/wxr",
    }
    run_import(a_full_export(namespaces=namespaces))
    article = Article.objects.get()
    assert (article.headline, article.standfirst) == ("Le marché", "Le résumé.")
    assert article.bylines.get().author.display_name == "Awa Koné"


def test_wordpress_namespaces_are_known_under_another_prefix(run_import):
    xml = (
        a_full_export(scheme="https")
        .replace('xmlns:wp="', 'xmlns:wordpress="')
        .replace("<wp:", "<wordpress:")
        .replace("</wp:", "</wordpress:")
    )
    run_import(xml)
    assert Article.objects.get().headline == "Le marché"


def test_a_file_without_wordpress_elements_is_still_refused(run_import):
    xml = a_full_export().replace("wp:wxr_version", "wp:version")
    with pytest.raises(WxrError, match="wp:wxr_version"):
        run_import(xml)
    assert not Article.objects.exists()


def test_term_ids_tags_and_author_ids_are_read(write_export):
    channel = read_channel(
        write_export(
            export(
                post(1, tags=["Mali"]),
                authors=[author("awa", author_id=42)],
                categories=[category("afrique", "Afrique", term_id=5)],
                tags=[tag("sahel", "Sahel", term_id=9)],
                scheme="https",
            )
        )
    )
    assert channel.authors["awa"].id == 42
    assert channel.categories["afrique"].term_id == 5
    assert (channel.tags["sahel"].name, channel.tags["sahel"].term_id) == ("Sahel", 9)
    assert channel.tags["mali"].name == "Mali"  # named by a post only
