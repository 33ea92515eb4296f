"""Block-editor posts: each kind of block becomes the element Newsroom's editor makes."""

import re

import pytest

from articles.models import Article, Picture
from importer.blocks import Block, parse
from tests.importer.conftest import picture
from tests.importer.exports import attachment, block, export, image_block, post, upload_url

YOUTUBE = "https://www.youtube.com/watch?v=dQw4w9WgXcQ"


def imported(run_import, content, *items, **options):
    summary = run_import(export(*items, post(1, content=content)), **options)
    return Article.objects.get(), summary


def library_image(picture_, alt):
    return f'<img src="{picture_.file.url}" alt="{alt}" data-file="{picture_.pk}">'


@pytest.fixture
def gallery_files(uploads):
    for number in range(1, 4):
        picture(uploads / f"2024/03/g{number}.jpg", size=(640, 480))
    return [
        attachment(60 + n, f"2024/03/g{n}.jpg", f"Photo {n}", alt=f"Vue {n}") for n in (1, 2, 3)
    ]


# --- reading the comments ------------------------------------------------------------------
def test_blocks_are_read_with_their_attributes_nesting_and_freeform_text():
    parts = parse(
        'Avant<!-- wp:gallery {"ids":[1,2]} --><figure><!-- wp:image {"id":1} -->'
        "<img><!-- /wp:image --></figure><!-- /wp:gallery -->"
        '<!-- wp:my-plugin/card {"a":"}{x}"} /-->Après'
    )
    assert parts[0] == "Avant" and parts[-1] == "Après"
    gallery, card = parts[1], parts[2]
    assert (gallery.name, gallery.attrs) == ("core/gallery", {"ids": [1, 2]})
    assert [inner.name for inner in gallery.blocks] == ["core/image"]
    assert gallery.html == "<figure></figure>"
    assert (card.name, card.attrs, card.inner) == ("my-plugin/card", {"a": "}{x}"}, [])


@pytest.mark.parametrize(
    "text",
    [
        '<!-- wp:image {"id":12,,} --><p>x</p><!-- /wp:image -->',  # broken JSON
        '<!-- wp:image ["a"] --><p>x</p><!-- /wp:image -->',
        "<!-- wp:quote --><p>x</p>",  # never closed
        "<p>x</p><!-- /wp:quote -->",  # closed, never opened
        "<!-- wp:group -->" * 500 + "<p>x</p>",
        '<!-- wp:image {"id":' + "[" * 5000 + " --><p>x</p>",
    ],
)
def test_damaged_block_comments_keep_the_text(text):
    parts = parse(text)

    def texts(items):
        for item in items:
            yield from texts(item.inner) if isinstance(item, Block) else [item]

    assert "<p>x</p>" in "".join(texts(parts))


# --- each kind of block ----------------------------------------------------------------------
def test_an_image_block_becomes_a_library_picture_with_its_caption(run_import, uploads):
    article, summary = imported(
        run_import,
        image_block(50, "2024/03/une.jpg", alt="Le port", caption="Le port, <em>hier</em>."),
        attachment(50, "2024/03/une.jpg", "Port d’Abidjan", alt="Vue du port"),
        media_dir=uploads,
    )
    stored = Picture.objects.get()
    assert article.body == (
        f"<figure>{library_image(stored, 'Le port')}"
        "<figcaption>Le port, <em>hier</em>.</figcaption></figure>"
    )
    assert (stored.title, stored.alt_text) == ("Port d’Abidjan", "Vue du port")
    assert article.body_pictures.get().picture == stored
    assert summary.images_stored == 1


def test_an_image_block_finds_its_attachment_by_id_whatever_its_address(run_import, uploads):
    content = block(
        "image",
        '<figure class="wp-block-image"><img src="https://cdn.example.net/x.jpg" alt=""/></figure>',
        {"id": 50},
    )
    article, _summary = imported(
        run_import, content, attachment(50, "2024/03/une.jpg", alt="Le port"), media_dir=uploads
    )
    assert f'<img src="{Picture.objects.get().file.url}" alt="Le port"' in article.body


def test_a_gallery_block_keeps_its_pictures_in_order_and_its_caption(
    run_import, uploads, gallery_files
):
    inner = "".join(image_block(60 + n, f"2024/03/g{n}.jpg") for n in (2, 1, 3))
    content = block(
        "gallery",
        '<figure class="wp-block-gallery has-nested-images">'
        f'{inner}<figcaption class="blocks-gallery-caption">Le carnaval</figcaption></figure>',
        {"linkTo": "none"},
    )
    article, _summary = imported(run_import, content, *gallery_files, media_dir=uploads)
    by_title = {p.title: p for p in Picture.objects.all()}
    order = [by_title[f"Photo {n}"].pk for n in (2, 1, 3)]
    assert article.body.startswith('<figure data-gallery="">')
    assert [int(pk) for pk in re.findall(r'data-file="(\d+)"', article.body)] == order
    assert article.body.endswith("<figcaption>Le carnaval</figcaption></figure>")
    assert 'alt="Vue 2"' in article.body  # the library's alt text, as WordPress shows it


def test_an_old_gallery_block_reads_its_pictures_from_its_html(run_import, uploads, gallery_files):
    items = "".join(
        f'<li class="blocks-gallery-item"><figure><img src="{upload_url(f"2024/03/g{n}.jpg")}" '
        f'alt="" data-id="{60 + n}" class="wp-image-{60 + n}"/>'
        f'<figcaption class="blocks-gallery-item__caption">Photo {n}</figcaption></figure></li>'
        for n in (1, 2)
    )
    content = block(
        "gallery",
        f'<figure class="wp-block-gallery"><ul class="blocks-gallery-grid">{items}</ul>'
        '<figcaption class="blocks-gallery-caption">Deux vues</figcaption></figure>',
        {"ids": [61, 62]},
    )
    article, _summary = imported(run_import, content, *gallery_files, media_dir=uploads)
    assert article.body.count("data-file=") == 2
    assert article.body.endswith("<figcaption>Deux vues</figcaption></figure>")
    assert "<ul" not in article.body and "Photo 1" not in article.body


def test_a_gallery_larger_than_a_gallery_may_be_is_split(run_import, uploads):
    files = []
    for number in range(35):
        picture(uploads / f"2024/04/p{number}.jpg", size=(64, 48), colour=f"#{number:06x}")
        files.append(attachment(100 + number, f"2024/04/p{number}.jpg", f"P{number}", alt="x"))
    content = block("gallery", "", {"ids": [100 + n for n in range(35)]})
    article, _summary = imported(run_import, content, *files, media_dir=uploads)
    galleries = re.findall(r'<figure data-gallery="">(.*?)</figure>', article.body)
    assert [gallery.count("<img") for gallery in galleries] == [30, 5]


def test_an_embed_block_becomes_an_embed_with_its_caption(run_import):
    content = block(
        "embed",
        '<figure class="wp-block-embed is-type-video is-provider-youtube"><div '
        f'class="wp-block-embed__wrapper">\n{YOUTUBE}\n</div><figcaption>Le clip</figcaption></figure>',
        {"url": YOUTUBE, "type": "video", "providerNameSlug": "youtube"},
    )
    article, _summary = imported(run_import, content)
    assert article.body == (
        '<figure data-embed="youtube:dQw4w9WgXcQ"><figcaption>Le clip</figcaption></figure>'
    )


def test_an_old_embed_block_reads_the_address_in_its_html(run_import):
    content = block(
        "core-embed/twitter",
        '<figure class="wp-block-embed-twitter"><div class="wp-block-embed__wrapper">\n'
        "https://twitter.com/ministere/status/1790000000000000000\n</div></figure>",
    )
    article, _summary = imported(run_import, content)
    assert article.body == '<figure data-embed="x:1790000000000000000"></figure>'


def test_an_embed_of_a_site_newsroom_does_not_embed_is_kept_as_a_link_and_reported(run_import):
    content = block("embed", "", {"url": "https://vimeo.com/76979871"})
    article, summary = imported(run_import, content)
    assert article.body == (
        '<p><a href="https://vimeo.com/76979871" rel="noopener noreferrer">'
        "https://vimeo.com/76979871</a></p>"
    )
    assert any("vimeo.com/76979871 kept as a link" in note for note in summary.notes)


def test_quotes_pull_quotes_tables_headings_and_lists_are_kept(run_import):
    content = (
        block(
            "quote",
            '<blockquote class="wp-block-quote"><p>Nous tiendrons.</p><cite>La ministre</cite>'
            "</blockquote>",
        )
        + block(
            "pullquote",
            '<figure class="wp-block-pullquote"><blockquote><p>La ville a retrouvé sa joie.</p>'
            "</blockquote></figure>",
        )
        + block(
            "table",
            '<figure class="wp-block-table"><table><thead><tr><th>Jour</th></tr></thead>'
            "<tbody><tr><td>Vendredi</td></tr></tbody></table><figcaption>Le programme"
            "</figcaption></figure>",
        )
        + block("heading", '<h2 class="wp-block-heading">Trois jours</h2>')
        + block("heading", "<h6>Détail</h6>", {"level": 6})
        + block("list", "<ul><li>Un</li><li>Deux</li></ul>")
    )
    article, _summary = imported(run_import, content)
    assert article.body == (
        "<blockquote><p>Nous tiendrons.</p><p>— La ministre</p></blockquote>\n"
        '<blockquote class="pull-quote"><p>La ville a retrouvé sa joie.</p></blockquote>\n'
        "<table><thead><tr><th>Jour</th></tr></thead><tbody><tr><td>Vendredi</td></tr></tbody>"
        "</table><p>Le programme</p>\n"
        "<h2>Trois jours</h2>\n<h4>Détail</h4>\n<ul><li>Un</li><li>Deux</li></ul>"
    )


def test_an_unknown_block_keeps_its_inner_html_sanitised(run_import):
    content = block(
        "my-plugin/notice",
        '<div class="notice" onclick="x()"><p>À savoir.</p><script>steal()</script></div>',
        {"tone": "info"},
    )
    article, _summary = imported(run_import, content)
    assert article.body == "<p>À savoir.</p>"


def test_sound_video_and_reusable_blocks_are_reported(run_import):
    content = (
        block(
            "video",
            f'<figure class="wp-block-video"><video src="{upload_url("v.mp4")}"></video></figure>',
        )
        + block("block", None, {"ref": 77})
        + block("paragraph", "<p>Texte.</p>")
    )
    article, summary = imported(run_import, content)
    assert article.body == "<p>Texte.</p>"
    assert any("v.mp4 not imported" in note for note in summary.notes)
    assert any("reusable block 77" in note for note in summary.notes)


def test_damaged_blocks_import_with_a_note_and_never_fail_the_run(run_import, uploads):
    content = (
        '<!-- wp:image {"id":50,,} -->\n<figure class="wp-block-image"><img src="'
        + upload_url("2024/03/une.jpg")
        + '" alt="Une"/></figure>\n<!-- /wp:image -->\n'
        "<!-- /wp:quote -->" + "<!-- wp:group -->" * 300 + "<p>Fin.</p>"
    )
    summary = run_import(
        export(post(1, content=content), post(2, content="Suivant.")), media_dir=uploads
    )
    assert summary.posts_imported == 2
    body = Article.objects.get(slug="article-1").body
    assert 'alt="Une" data-file=' in body and body.endswith("<p>Fin.</p>")
    assert any("block core/image has broken attributes" in note for note in summary.notes)
