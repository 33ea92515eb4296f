"""Reading exports: every WXR version WordPress wrote; damaged and hostile files refused,
with the database left exactly as it was."""

import pytest
from django.core.management import CommandError, call_command
from django.utils import translation

from articles.models import Article
from authors.models import Author
from importer import wxr
from tests.importer.conftest import snapshot, stored_files
from tests.importer.exports import SITE, attachment, author, category, export, post


@pytest.mark.parametrize("version", ["1.0", "1.1", "1.2"])
def test_every_export_version_is_read(run_import, version):
    xml = export(
        post(7, "Le marché d’Adjamé", categories=[("economie", "Économie")], tags=["Commerce"]),
        version=version,
        authors=[author("awa", display_name="Awa Koné")],
        categories=[category("economie", "Économie")],
    )
    summary = run_import(xml)
    article = Article.objects.get()
    assert summary.posts_imported == 1
    assert article.headline == "Le marché d’Adjamé"
    assert article.section.name == "Économie"
    assert list(article.tags.names()) == ["Commerce"]
    # WXR 1.0 lists no authors: the byline comes from the post's login.
    expected = "awa" if version == "1.0" else "Awa Koné"
    assert [a.display_name for a in article.authors.all()] == [expected]


def valid_export():
    return export(
        post(1, "Premier"),
        post(2, "Deuxième"),
        post(3, "Troisième"),
        authors=[author("awa", display_name="Awa Koné")],
    )


def with_doctype(doctype, title_entity):
    xml = valid_export().replace("<title>Deuxième</title>", f"<title>{title_entity}</title>")
    return xml.replace(
        '<?xml version="1.0" encoding="UTF-8" ?>', f'<?xml version="1.0"?>\n{doctype}'
    )


BILLION_LAUGHS = """<!DOCTYPE rss [
  <!ENTITY lol "lol">
  <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
  <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
  <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
  <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
  <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
  <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
  <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
  <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>"""


def damaged(kind, tmp_path):
    xml = valid_export()
    if kind == "truncated":
        return xml[: int(len(xml) * 0.8)]
    if kind == "malformed":
        return xml.replace("<title>Troisième</title>", "<title>Troisième</titre>")
    if kind == "billion laughs":
        return with_doctype(BILLION_LAUGHS, "&lol9;")
    if kind == "external entity":
        secret = tmp_path / "secret.txt"
        secret.write_text("mot de passe de la base")
        return with_doctype(
            f'<!DOCTYPE rss [<!ENTITY secret SYSTEM "file://{secret}">]>', "&secret;"
        )
    if kind == "external DTD":
        return with_doctype('<!DOCTYPE rss SYSTEM "http://attacker.example/x.dtd">', "Deuxième")
    raise AssertionError(kind)


@pytest.mark.parametrize(
    ("kind", "message"),
    [
        ("truncated", "not valid XML"),
        ("malformed", "not valid XML (line"),
        ("billion laughs", "declares a DTD or entities"),
        ("external entity", "declares a DTD or entities"),
        ("external DTD", "declares a DTD or entities"),
    ],
)
def test_damaged_or_hostile_file_is_refused_and_changes_nothing(
    run_command, published, settings, tmp_path, kind, message
):
    before, files_before = snapshot(), stored_files(settings)
    with pytest.raises(CommandError) as refused:
        run_command(damaged(kind, tmp_path))
    assert message in str(refused.value)
    assert "Nothing was imported" in str(refused.value)
    assert snapshot() == before
    assert stored_files(settings) == files_before
    assert Article.objects.filter(headline__in=["Premier", "Deuxième"]).count() == 0


def test_a_file_damaged_after_valid_posts_imports_none_of_them(run_command, db):
    """The first posts are fine; the damage comes last: still nothing is written."""
    xml = valid_export().replace("</channel>", "<item><title>Cassé</item></channel>")
    with pytest.raises(CommandError):
        run_command(xml)
    assert not Article.objects.exists() and not Author.objects.exists()


@pytest.mark.parametrize(
    "xml",
    [
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Un flux</title></channel></rss>',
        '<?xml version="1.0"?><html><body>Bonjour</body></html>',
        "",
    ],
    ids=["plain RSS", "not RSS", "empty"],
)
def test_a_file_that_is_not_a_wordpress_export_is_refused(run_command, db, xml):
    with pytest.raises(CommandError) as refused:
        run_command(xml)
    assert "WordPress export" in str(refused.value) or "not valid XML" in str(refused.value)
    assert not Article.objects.exists()


def test_a_missing_file_is_refused_clearly(db):
    with translation.override("en"), pytest.raises(CommandError, match="Cannot read"):
        call_command("import_wordpress", "/nonexistent/export.xml")


def test_an_unknown_later_version_is_read_and_reported(run_import):
    summary = run_import(export(post(1), version="1.3"))
    assert summary.posts_imported == 1
    assert any("1.3" in note for note in summary.notes)


def test_site_is_identified_whatever_the_spelling_of_its_address(run_import):
    run_import(export(post(1), site=SITE))
    summary = run_import(export(post(1), site=SITE.upper().replace("HTTPS", "https") + "/"))
    assert summary.already_imported == 1 and Article.objects.count() == 1


def test_old_exports_listing_categories_twice_give_one_section_and_no_tag(run_import):
    """WordPress 2.x wrote each category as plain RSS and again with its domain."""
    item = post(1, categories=[("economie", "Économie")])
    item = item.replace(
        "<category domain=", "<category><![CDATA[Économie]]></category><category domain="
    )
    run_import(export(item, version="1.0", categories=[category("economie", "Économie")]))
    article = Article.objects.get()
    assert article.section.name == "Économie" and list(article.tags.names()) == []


def test_plain_rss_categories_are_used_when_they_are_all_there_is(run_import):
    item = post(1).replace("</wp:is_sticky>", "</wp:is_sticky><category>Politique</category>")
    run_import(export(item, version="1.0"))
    assert Article.objects.get().section.name == "Politique"


def test_an_items_parent_and_menu_order_are_read(write_export):
    path = write_export(
        export(
            post(1),
            attachment(7, "2024/03/une.jpg", parent=1, menu_order=3),
            attachment(8, "2024/03/deux.jpg", menu_order=-2),
        )
    )
    items = {item.post_id: item for item in wxr.iter_items(path)}
    assert (items[1].parent, items[1].menu_order) == (None, 0)  # 0: no parent
    assert (items[7].parent, items[7].menu_order) == (1, 3)
    assert (items[8].parent, items[8].menu_order) == (None, -2)
    channel = wxr.read_channel(path)
    try:
        kept = channel.attachments.get(7)
        assert (kept.path, kept.parent, kept.menu_order) == ("2024/03/une.jpg", 1, 3)
        assert channel.attachments.images_of(1) == [7]
        assert channel.attachments.get(1) is None  # a post is not an attachment
    finally:
        channel.close()
