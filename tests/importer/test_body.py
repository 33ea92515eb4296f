"""Post content → article body: paragraphs, captions, shortcodes, sanitising."""

import pytest

from articles.models import Article
from importer.autop import autop
from importer.body import Stored, convert
from importer.shortcodes import expand, remove_shortcodes
from tests.importer.exports import export, post


class KeepImages:
    """Every picture kept where it is; no attachment known."""

    def resolve(self, src, classes, alt):
        return Stored(src)

    def attachment_url(self, attachment_id):
        return None

    def images_of(self, post_id):
        return []


def captions_to_figures(text):
    return expand(text, KeepImages())[0]


def imported_body(run_import, content):
    run_import(export(post(1, content=content)))
    return Article.objects.get().body


def test_blank_lines_make_paragraphs_and_newlines_line_breaks(run_import):
    body = imported_body(run_import, "Premier paragraphe.\n\nDeuxième ligne\nsuite.\r\n\r\nFin.")
    assert body == "<p>Premier paragraphe.</p>\n<p>Deuxième ligne<br>\nsuite.</p>\n<p>Fin.</p>"


def test_blocks_are_not_wrapped_in_paragraphs():
    html = autop("Intro\n<ul>\n<li>Un</li>\n<li>Deux</li>\n</ul>\n<h2>Titre</h2>\nSuite")
    assert "<p><ul>" not in html and "<p><h2>" not in html
    assert "<p>Intro</p>" in html and "<h2>Titre</h2>" in html and "<p>Suite</p>" in html
    assert "<li>Un</li>" in html and "<br" not in html.split("<ul>")[1].split("</ul>")[0]


def test_quotes_keep_their_paragraphs_inside():
    assert "<blockquote><p>Cité.</p></blockquote>" in autop("<blockquote>Cité.</blockquote>")


def test_a_newline_inside_a_tag_is_not_a_line_break():
    html = autop('Voir <a\nhref="https://example.org">ici</a>.')
    assert html.strip() == '<p>Voir <a href="https://example.org">ici</a>.</p>'


def test_block_editor_posts_keep_their_own_paragraphs(run_import):
    body = imported_body(
        run_import,
        "<!-- wp:paragraph -->\n<p>Un.</p>\n<!-- /wp:paragraph -->\n\n"
        "<!-- wp:paragraph -->\n<p>Deux\nlignes.</p>\n<!-- /wp:paragraph -->",
    )
    assert "<br>" not in body and "wp:paragraph" not in body
    assert "<p>Un.</p>" in body and "<p>Deux\nlignes.</p>" in body


def test_caption_becomes_a_figure_with_its_caption_and_attachment():
    html = captions_to_figures(
        '[caption id="attachment_9" align="alignleft" width="300"]'
        '<a href="https://ancien.example.com/photo/"><img src="a.jpg" alt="Le port" /></a>'
        " Le port d’Abidjan, <em>hier</em>.[/caption]"
    )
    assert html == (
        '<figure><img class="wp-image-9" src="a.jpg" alt="Le port" />'
        "<figcaption>Le port d’Abidjan, <em>hier</em>.</figcaption></figure>"
    )


def test_old_captions_written_in_an_attribute_are_kept():
    html = captions_to_figures(
        '[caption id="" caption="Vue &amp; mer"]<img src="a.jpg" />[/caption]'
    )
    assert html == '<figure><img src="a.jpg" /><figcaption>Vue &amp; mer</figcaption></figure>'


def test_a_caption_whose_picture_is_removed_goes_with_it(run_import):
    body = imported_body(
        run_import,
        'Avant.\n\n[caption width="300"]<img src="https://cdn.example.org/a.jpg" /> Légende[/caption]\n\nAprès.',
    )
    # The picture is outside the uploads, so it goes, and its figure and caption with it.
    assert "<figure>" not in body and "Légende" not in body
    assert body == "<p>Avant.</p>\n<p>Après.</p>"


def test_figure_survives_sanitising_when_its_picture_is_kept():
    body = convert(
        '[caption]<img src="https://example.org/a.jpg" alt="x"> Légende[/caption]', KeepImages()
    )
    assert body.html.strip() == (
        '<figure><img src="https://example.org/a.jpg" alt="x"><figcaption>Légende</figcaption></figure>'
    )


def test_other_shortcodes_are_removed_and_counted():
    text, removed = remove_shortcodes(
        'Voir [gallery ids="1,2"] et [contact-form-7 id="5" title="Contact"].\n'
        "[su_note]Une note[/su_note] [embed]https://video.example/v/1[/embed] [gallery/]"
    )
    assert removed == {"gallery": 2, "contact-form-7": 1, "su_note": 1, "embed": 1}
    assert "[" not in text
    assert "Une note" in text and "https://video.example/v/1" in text


@pytest.mark.parametrize(
    "text", ["Il a dit [sic] cela.", "Voir la note [1].", "Il [le ministre] a dit"]
)
def test_bracketed_words_of_ordinary_text_are_not_shortcodes(text):
    assert remove_shortcodes(text) == (text, {})


def test_an_escaped_shortcode_stays_as_written_text():
    text, removed = remove_shortcodes("Tapez [[gallery]] pour une galerie.")
    assert text == "Tapez [gallery] pour une galerie." and not removed


def test_shortcodes_removed_are_counted_in_the_summary(run_import):
    summary = run_import(
        export(
            post(1, content='[gallery ids="1"]\n\nTexte.'),
            post(2, content='[gallery ids="2"] [audio src="a.mp3"] [su_note]x[/su_note]'),
        )
    )
    # Galleries whose pictures are not in the export show nothing: removed, and reported.
    assert summary.shortcodes_removed == {"gallery": 2, "audio": 1, "su_note": 1}
    assert Article.objects.get(slug="article-1").body == "<p>Texte.</p>"
    assert any("gallery picture 1 is not in the export" in note for note in summary.notes)


def test_the_body_is_sanitised_like_any_other(run_import):
    body = imported_body(
        run_import,
        '<p onclick="steal()">Texte <a href="javascript:alert(1)">lien</a></p>'
        '<script>alert(1)</script><iframe src="https://x.example"></iframe>'
        '<img src="data:image/png;base64,AAAA" onerror="x()">',
    )
    for hostile in ("onclick", "javascript:", "<script", "<iframe", "data:", "onerror"):
        assert hostile not in body
    assert "Texte" in body and ">lien</a>" in body
