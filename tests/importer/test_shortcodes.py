"""Classic shortcodes: [gallery], [embed], [video], [audio] become Newsroom's elements or go,
reported; WordPress's own reading of them (enclosing, escaping, nesting) is kept."""

import re

import pytest
from django.utils import translation

from articles.models import Article, Picture
from importer.body import Stored
from importer.shortcodes import autoembed, expand
from tests.importer.conftest import picture
from tests.importer.exports import attachment, export, post, upload_url

YOUTUBE = "https://www.youtube.com/watch?v=dQw4w9WgXcQ"


class Attachments:
    """Attachments 1 to 3 exist; pictures are kept where they are."""

    def resolve(self, src, classes, alt):
        return Stored(src)

    def attachment_url(self, attachment_id):
        return upload_url(f"{attachment_id}.jpg") if attachment_id <= 3 else None

    def images_of(self, post_id):
        return []


def imported(run_import, content, *items, **options):
    summary = run_import(export(*items, post(1, content=content)), **options)
    return Article.objects.get().body, summary


def test_a_gallery_shortcode_becomes_a_gallery_of_library_pictures(run_import, uploads):
    files = []
    for number in (1, 2):
        picture(uploads / f"2024/05/v{number}.jpg", size=(640, 480))
        files.append(attachment(70 + number, f"2024/05/v{number}.jpg", f"Vue {number}", alt="Vue"))
    body, summary = imported(
        run_import,
        'Avant.\n\n[gallery ids="72,71" columns="2"]\n\nAprès.',
        *files,
        media_dir=uploads,
    )
    by_title = {p.title: p.pk for p in Picture.objects.all()}
    assert re.fullmatch(
        r'<p>Avant\.</p>\n<figure data-gallery="">'
        rf'<img src="/media/pictures/[^"]+" alt="Vue" data-file="{by_title["Vue 2"]}">'
        rf'<img src="/media/pictures/[^"]+" alt="Vue" data-file="{by_title["Vue 1"]}">'
        r"</figure>\n<p>Après\.</p>",
        body,
    )
    assert not summary.shortcodes_removed and summary.images_stored == 2


def test_a_gallery_of_missing_attachments_is_reported_and_the_run_goes_on(run_import, uploads):
    summary = run_import(
        export(post(1, content='[gallery ids="998,999,abc"]Texte.'), post(2)), media_dir=uploads
    )
    assert summary.posts_imported == 2
    assert Article.objects.get(slug="article-1").body == "<p>Texte.</p>"
    assert summary.shortcodes_removed == {"gallery": 1}
    for missing in ("998", "999", "abc"):
        assert any(f"gallery picture {missing} is not" in note for note in summary.notes)


def test_a_gallery_without_ids_shows_the_posts_own_pictures_in_menu_order(run_import, uploads):
    for number in (1, 2, 3, 4):
        picture(uploads / f"2024/05/p{number}.jpg", size=(640, 480))
    body, summary = imported(
        run_import,
        "Avant.\n\n[gallery]\n\nAprès.",
        attachment(74, "2024/05/p4.jpg", "Quatre", parent=1, menu_order=1),
        attachment(73, "2024/05/p3.jpg", "Trois", parent=1, menu_order=2),
        attachment(72, "2024/05/p2.jpg", "Deux", parent=1, menu_order=1),
        attachment(71, "2024/05/p1.jpg", "D'un autre article", parent=9),
        attachment(75, "2024/05/notes.pdf", "Pas une image", parent=1),
        media_dir=uploads,
    )
    by_title = {p.title: p.pk for p in Picture.objects.all()}
    shown = [int(pk) for pk in re.findall(r'data-file="(\d+)"', body)]
    assert shown == [by_title["Deux"], by_title["Quatre"], by_title["Trois"]]
    assert body.startswith('<p>Avant.</p>\n<figure data-gallery="">')
    assert not summary.shortcodes_removed and summary.images_stored == 3


class OwnPictures(Attachments):
    """Post 5 has pictures 1, 3 and 2, in that order; the post being read has none."""

    def images_of(self, post_id):
        return [1, 3, 2] if post_id == 5 else []


def test_a_gallery_naming_another_post_shows_its_pictures_less_those_excluded():
    text, removed, problems = expand('[gallery id="5" exclude="3" order="DESC"]', OwnPictures())
    assert re.findall(r"wp-image-(\d)", text) == ["2", "1"]
    assert not removed and not problems


def test_a_gallery_without_ids_of_a_post_without_pictures_is_removed_and_reported():
    with translation.override("en"):
        text, removed, problems = expand("[gallery]", OwnPictures())
    assert (text, removed) == ("", {"gallery": 1})
    assert problems == ["a gallery of the post's own pictures was removed: the export has none"]


def test_a_gallery_keeps_the_pictures_it_finds():
    text, removed, problems = expand('[gallery ids="1, 4,2"]', Attachments())
    assert text == (
        '<figure data-gallery="">'
        f'<img src="{upload_url("1.jpg")}" class="wp-image-1" alt="">'
        f'<img src="{upload_url("2.jpg")}" class="wp-image-2" alt=""></figure>'
    )
    assert not removed and problems == ["l’image 4 de la galerie n’est pas dans l’export"]


@pytest.mark.parametrize(
    "shortcode",
    [
        f"[embed]{YOUTUBE}[/embed]",
        f'[embed width="640"]{YOUTUBE}[/embed]',
        f'[video src="{YOUTUBE}"][/video]',
        "[embed]https://youtu.be/dQw4w9WgXcQ[/embed]",
    ],
)
def test_embeds_and_videos_of_sites_newsroom_embeds_become_embeds(run_import, shortcode):
    body, summary = imported(run_import, f"Avant.\n\n{shortcode}\n\nAprès.")
    assert body == (
        '<p>Avant.</p>\n<figure data-embed="youtube:dQw4w9WgXcQ"></figure>\n<p>Après.</p>'
    )
    assert not summary.shortcodes_removed


def test_an_address_alone_on_its_line_is_embedded_as_wordpress_does():
    text = f"Voir :\n{YOUTUBE}\n<p>https://x.com/ministere/status/1790000000000000000</p>"
    assert autoembed(text) == (
        'Voir :\n<figure data-embed="youtube:dQw4w9WgXcQ"></figure>\n'
        '<figure data-embed="x:1790000000000000000"></figure>'
    )
    assert autoembed("Voir https://youtu.be/dQw4w9WgXcQ ici") == (
        "Voir https://youtu.be/dQw4w9WgXcQ ici"
    )


def test_sound_and_video_files_are_removed_counted_and_reported(run_import):
    body, summary = imported(
        run_import,
        f'Avant.\n\n[video width="640" mp4="{upload_url("2024/03/clip.mp4")}"][/video]\n\n'
        '[audio mp3="https://ancien.example.com/son.mp3"]\n\nAprès.',
    )
    assert body == "<p>Avant.</p>\n<p>Après.</p>"
    assert summary.shortcodes_removed == {"video": 1, "audio": 1}
    assert any("clip.mp4 not imported" in note for note in summary.notes)
    assert any("son.mp3 not imported" in note for note in summary.notes)


def test_an_embed_of_another_site_is_kept_as_a_link_and_reported(run_import):
    body, summary = imported(run_import, "[embed]https://vimeo.com/76979871[/embed]")
    assert body == (
        '<p><a href="https://vimeo.com/76979871" rel="noopener noreferrer">'
        "https://vimeo.com/76979871</a></p>"
    )
    assert any("kept as a link" in note for note in summary.notes)


@pytest.mark.parametrize(
    "text",
    [
        '[caption][caption]<img src="a.jpg"> x[/caption][/caption]',
        f"[embed][embed]{YOUTUBE}[/embed][/embed]",
        '[gallery ids="[gallery ids=1]"]',
        "[caption]" * 2000 + "[/caption]" * 2000,
        "[video]" * 5000,
        "[embed]" + "x" * 100000,
        '[caption id="attachment_1"]',
    ],
)
def test_nested_and_unclosed_shortcodes_never_fail(run_import, text):
    summary = run_import(export(post(1, content=text), post(2)))
    assert summary.posts_imported == 2
    assert "[caption" not in Article.objects.get(slug="article-1").body


def test_an_escaped_shortcode_stays_as_written_text(run_import):
    body, summary = imported(run_import, 'Tapez [[gallery ids="1"]] pour une galerie.')
    assert body == '<p>Tapez [gallery ids="1"] pour une galerie.</p>'
    assert not summary.shortcodes_removed


def test_an_opening_tag_encloses_up_to_the_first_closing_one_as_in_wordpress():
    text, _removed, _problems = expand(
        f'[caption]<img src="a.jpg"> Un[/caption] et [embed]{YOUTUBE}[/embed]', Attachments()
    )
    assert text == (
        '<figure><img src="a.jpg"><figcaption>Un</figcaption></figure> et '
        '<figure data-embed="youtube:dQw4w9WgXcQ"></figure>'
    )
