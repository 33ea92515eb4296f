"""Revisions and what the text shows besides words: the comparison lists the pictures (a
gallery's among them) and embeds one revision has and the other not; restoring brings them
back, the library's links following, a picture deleted since left out cleanly."""

import re

import pytest
from django.contrib import messages
from django.contrib.messages import get_messages
from django.urls import reverse
from django.utils import translation

from articles import revisions, workflow
from articles.models import Article, Picture, Revision
from tests.conftest import client_for
from tests.factories import PictureFactory
from tests.images.test_body_pictures import figure, gallery

YOUTUBE = '<figure data-embed="youtube:aqz-KE-bpKQ"><figcaption>Le match</figcaption></figure>'
DAILYMOTION = '<figure data-embed="dailymotion:x8p2k3q"></figure>'


@pytest.fixture
def save_body(journalist, django_capture_on_commit_callbacks):
    """Save a new body as the journalist would: one revision a save."""

    def save(article, body):
        article = Article.objects.get(pk=article.pk)  # as the admin reads it, for each save
        with django_capture_on_commit_callbacks(execute=True):
            article.body = body
            workflow.save_by(article, journalist)
        return Revision.objects.filter(article=article).first()

    return save


@pytest.fixture
def pictures(db):
    made = PictureFactory.create_batch(4)
    made[0].refresh_renditions()  # the others have none yet: no thumbnail, still listed
    return made


def compare_page(user, article, a, b) -> str:
    with translation.override("en"):  # the words checked here, whatever the catalogue says
        url = reverse("admin:articles_article_compare", args=[article.pk])
    return client_for(user).get(url, {"a": a.number, "b": b.number}).content.decode()


def media_row(html, label) -> tuple[str, str]:
    """The removed and added cells of a media row."""
    row = re.search(
        rf'<tr class="changed media"><th scope="row">{label}</th>(.*?)</tr>', html, re.S
    )
    assert row, f"no row {label!r}"
    removed, added = re.findall(r'<td class="compare-media">(.*?)</td>', row.group(1), re.S)
    return removed, added


def test_compare_shows_a_picture_added_with_its_thumbnail_and_title(
    draft, pictures, editor, save_body
):
    picture = pictures[0]
    old = save_body(draft, "<p>Le marché ouvre.</p>")
    new = save_body(draft, "<p>Le marché ouvre.</p>" + figure(picture, alt="Étals au matin"))
    html = compare_page(editor, draft, old, new)
    removed, added = media_row(html, "Pictures in the text")
    assert removed.strip() == ""
    assert "Pictures added" in added and picture.title in added and "Étals au matin" in added
    thumbnail = picture.renditions["widths"][0][3]
    assert f'src="/media/{thumbnail}"' in added and 'class="admin-thumb"' in added
    assert reverse("admin:articles_picture_change", args=[picture.pk]) in added
    assert "in a gallery" not in added and "Embeds in the text" not in html


def test_compare_shows_a_picture_removed_in_the_older_column(draft, pictures, editor, save_body):
    kept, gone = pictures[0], pictures[1]
    old = save_body(draft, figure(kept) + "<p>Texte</p>" + figure(gone, alt="Le port"))
    new = save_body(draft, figure(kept) + "<p>Texte</p>")
    removed, added = media_row(compare_page(editor, draft, new, old), "Pictures in the text")
    assert "Pictures removed" in removed and gone.title in removed and "Le port" in removed
    assert kept.title not in removed + added and added.strip() == ""


def test_gallery_pictures_count_as_pictures_and_say_so(draft, pictures, editor, save_body):
    standalone, first, second = pictures[1], pictures[2], pictures[3]
    old = save_body(draft, figure(standalone))
    new = save_body(draft, gallery([first, second, standalone]))
    removed, added = media_row(compare_page(editor, draft, old, new), "Pictures in the text")
    # Moved into the gallery: out of the text's own pictures, into the gallery's.
    assert standalone.title in removed and "in a gallery" not in removed
    assert [first.title, second.title, standalone.title] == re.findall(r"Photo \d+", added)
    assert added.count("(in a gallery)") == 3


def test_compare_shows_embeds_added_and_removed_with_their_links(draft, editor, save_body):
    old = save_body(draft, "<p>Le match</p>" + YOUTUBE)
    new = save_body(draft, "<p>Le match</p>" + DAILYMOTION)
    html = compare_page(editor, draft, old, new)
    removed, added = media_row(html, "Embeds in the text")
    assert "Embeds removed" in removed and "YouTube" in removed
    assert 'href="https://www.youtube.com/watch?v=aqz-KE-bpKQ"' in removed
    assert "Embeds added" in added and "Dailymotion" in added
    assert 'href="https://www.dailymotion.com/video/x8p2k3q"' in added
    assert "Pictures in the text" not in html


def test_an_embed_without_a_caption_still_marks_the_body_changed(draft, save_body):
    old = save_body(draft, "<p>Le match</p>")
    new = save_body(draft, "<p>Le match</p>" + DAILYMOTION)
    body = next(row for row in revisions.compare(old.data, new.data) if row["field"] == "body")
    assert body["changed"]


def test_unchanged_media_makes_no_row(draft, pictures, editor, save_body):
    old = save_body(draft, figure(pictures[0]) + YOUTUBE + "<p>Avant</p>")
    new = save_body(draft, figure(pictures[0]) + YOUTUBE + "<p>Après</p>")
    assert 'class="changed media"' not in compare_page(editor, draft, old, new)


def test_a_picture_deleted_from_the_library_is_named_as_such(draft, pictures, editor, save_body):
    gone = pictures[1]
    old = save_body(draft, figure(gone, alt="Le vieux pont <script>alert(1)</script>"))
    new = save_body(draft, "<p>Sans image</p>")
    gone.delete()
    html = compare_page(editor, draft, old, new)
    removed, _added = media_row(html, "Pictures in the text")
    assert "picture deleted from the library" in removed and "Le vieux pont" in removed
    assert gone.title not in removed and "<script>alert(1)" not in html


def test_the_comparison_reads_all_its_pictures_in_one_query(
    draft, pictures, editor, save_body, django_assert_num_queries
):
    deleted = PictureFactory()
    old = save_body(draft, figure(pictures[0]) + figure(deleted) + YOUTUBE)
    new = save_body(draft, gallery(pictures[1:]) + DAILYMOTION)
    deleted.delete()
    with translation.override("en"):
        url = reverse("admin:articles_article_compare", args=[draft.pk])
    client = client_for(editor)
    # Session, user, two for permissions, article, bylines, revisions, pictures.
    with django_assert_num_queries(8) as ran:
        html = client.get(url, {"a": old.number, "b": new.number}).content.decode()
    reads = [q["sql"] for q in ran.captured_queries if 'FROM "articles_picture"' in q["sql"]]
    assert len(reads) == 1
    removed, added = media_row(html, "Pictures in the text")
    assert removed.count("<li>") == 2 and "picture deleted from the library" in removed
    assert added.count("(in a gallery)") == 3
    assert html.count('class="admin-thumb"') == 1  # only the picture with its renditions made


def test_a_comparison_without_media_changes_reads_no_picture(
    draft, editor, save_body, django_assert_num_queries
):
    old = save_body(draft, "<p>Avant</p>" + YOUTUBE)
    new = save_body(draft, "<p>Après</p>" + YOUTUBE)
    url, client = reverse("admin:articles_article_compare", args=[draft.pk]), client_for(editor)
    with django_assert_num_queries(7):
        client.get(url, {"a": old.number, "b": new.number})


# --- restoring ------------------------------------------------------------------------------
def restore(user, article, revision):
    url = reverse("admin:articles_article_restore", args=[article.pk, revision.number])
    return client_for(user).post(url)


def linked(article) -> set[int]:
    return set(article.body_pictures.values_list("picture_id", flat=True))


def test_restore_brings_back_pictures_gallery_and_embed_and_relinks_them(
    draft, pictures, journalist, save_body, django_capture_on_commit_callbacks
):
    first, second, third, later = pictures
    body = "<p>Avant</p>" + figure(first) + gallery([second, third]) + YOUTUBE
    old = save_body(draft, body)
    save_body(draft, "<p>Réécrit</p>" + figure(later))
    assert linked(draft) == {later.pk}
    with django_capture_on_commit_callbacks(execute=True):
        assert restore(journalist, draft, old).status_code == 302
    article = Article.objects.get(pk=draft.pk)
    assert article.body == old.data["body"]
    assert linked(article) == {first.pk, second.pk, third.pk}
    assert 'data-embed="youtube:aqz-KE-bpKQ"' in article.body
    later.delete()  # no longer in the text: the library may let it go
    latest = Revision.objects.filter(article=draft).first()
    assert latest.number == old.number + 2 and latest.data["body"] == old.data["body"]


def test_restore_leaves_out_a_picture_deleted_since_and_loses_nothing_else(
    draft, pictures, journalist, save_body, django_capture_on_commit_callbacks
):
    kept, gone, in_gallery = pictures[0], pictures[1], pictures[2]
    body = (
        "<p>Premier paragraphe</p>"
        + figure(gone, caption="Légende partie")
        + figure(kept, caption="Légende gardée")
        + gallery([in_gallery, gone], caption="La galerie reste")
        + YOUTUBE
        + "<p>Dernier paragraphe</p>"
    )
    old = save_body(draft, body)
    save_body(draft, "<p>Réécrit</p>")
    Picture.objects.get(pk=gone.pk).delete()
    with django_capture_on_commit_callbacks(execute=True):
        response = restore(journalist, draft, old)
    assert response.status_code == 302
    article = Article.objects.get(pk=draft.pk)
    assert f'data-file="{gone.pk}"' not in article.body and "Légende partie" not in article.body
    assert gone.file.url not in article.body  # no bare <img> left behind
    for words in ("Premier paragraphe", "Légende gardée", "La galerie reste", "Dernier paragraphe"):
        assert words in article.body
    assert (
        f'data-file="{kept.pk}"' in article.body and f'data-file="{in_gallery.pk}"' in article.body
    )
    assert 'data-embed="youtube:aqz-KE-bpKQ"' in article.body
    assert linked(article) == {kept.pk, in_gallery.pk}
    warnings = [m for m in get_messages(response.wsgi_request) if m.level == messages.WARNING]
    assert len(warnings) == 1 and "1" in str(warnings[0])


def test_restore_where_every_picture_is_still_there_warns_of_nothing(
    draft, pictures, journalist, save_body
):
    old = save_body(draft, figure(pictures[0]))
    save_body(draft, "<p>Réécrit</p>")
    response = restore(journalist, draft, old)
    assert not [m for m in get_messages(response.wsgi_request) if m.level == messages.WARNING]
    assert linked(Article.objects.get(pk=draft.pk)) == {pictures[0].pk}
