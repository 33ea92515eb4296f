"""The demo (articles/demo/content.json): complete, idempotent, never loaded with DEBUG off."""

import io

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command
from PIL import Image, ImageStat

from articles.demo import content, images, reference
from articles.models import Article, Picture, Section, Transition
from authors.models import Author

MEDIA_HEADLINE = "Bouaké : le carnaval retrouve ses couleurs et ses foules"
CORRECTED_HEADLINE = "UEMOA : la BCEAO maintient ses taux directeurs face à une inflation en recul"
BLOCKS = {"p", "h2", "picture", "gallery", "pull-quote", "table", "embed"}


def snapshot():
    return (
        get_user_model().objects.count(),
        Section.objects.count(),
        Author.objects.count(),
        list(
            Article.objects.order_by("pk").values_list("pk", "status", "published_at", "updated_at")
        ),
        Transition.objects.count(),
        Picture.objects.count(),
    )


@pytest.fixture
def demo(db, settings):
    settings.DEBUG = True
    out = io.StringIO()
    call_command("load_demo", stdout=out)
    return out.getvalue()


def test_demo_is_complete(demo):
    assert Article.objects.count() == len(content.ARTICLES)
    assert Article.objects.published().count() >= 30
    assert Article.objects.scheduled().count() == 1
    assert Article.objects.filter(status="draft").exists()
    assert Article.objects.filter(status="review").exists()
    assert Section.objects.count() == 7 and Author.objects.count() == 4
    assert all(author.photo for author in Author.objects.all())
    User = get_user_model()
    assert User.objects.get(username="journalist").groups.get().name == "Journalists"
    assert User.objects.get(username="editor").groups.get().name == "Editors"
    assert User.objects.get(username="admin").is_superuser
    assert User.objects.get(username="journalist2").check_password("newsroom-demo")
    assert "journalist, journalist2, editor, admin." in demo  # the logins it tells of


def test_reference_article_is_published_as_written(demo):
    article = Article.objects.published().get(headline=reference.HEADLINE)
    assert [b.author.display_name for b in article.bylines.all()] == ["Séverin Konan"]
    assert article.section.name == "Sécurité"
    assert sorted(article.tags.names()) == sorted(reference.TAGS)
    assert "<h2>Vers une collaboration renforcée pour la sécurité du Sahel</h2>" in article.body
    for _kind, text in reference.BLOCKS:
        assert text in article.body
    assert article.body.count("<p>") == 7
    assert article.picture and article.image_alt == article.picture.alt_text


def test_reference_article_page_shows_its_text(demo, client):
    article = Article.objects.published().get(headline=reference.HEADLINE)
    page = client.get(article.get_absolute_url()).content.decode()
    assert f"<h1>{reference.HEADLINE}</h1>" in page
    assert content.REFERENCE["standfirst"] in page
    for _kind, text in reference.BLOCKS:
        assert text in page


def test_demo_shows_pictures_a_gallery_a_table_and_a_video_in_a_text(demo, client):
    article = Article.objects.published().get(headline=MEDIA_HEADLINE)
    assert article.body_pictures.count() == 2 + 4  # two pictures, a gallery of four
    assert article.body.count("<figure data-gallery") == 1
    assert '<blockquote class="pull-quote">' in article.body and "<table>" in article.body
    assert '<figure data-embed="youtube:aqz-KE-bpKQ"><figcaption>' in article.body
    assert all(use.picture.alt_text for use in article.body_pictures.all())
    page = client.get(article.get_absolute_url()).content.decode()
    assert page.count('class="gallery"') == 1 and 'class="embed embed-video"' in page
    assert "Des masques traditionnels sculptés" in page and "<td>Chars et orchestres</td>" in page


def test_demo_pictures_are_camera_sized_photos_shared_by_section(demo):
    article = Article.objects.published().get(headline=MEDIA_HEADLINE)
    in_text = [use.picture for use in article.body_pictures.all()]
    for picture in [article.picture, *in_text]:
        assert (picture.width, picture.height) == (2400, 1600)
        with picture.file.open("rb") as handle, Image.open(handle) as image:
            assert image.format == "JPEG"
            small = image.convert("RGB").resize((240, 160))
        assert len(small.getcolors(240 * 160)) > 5000  # gradients and grain, not flat colour
        assert min(ImageStat.Stat(small).stddev) > 20  # light and shade across the frame
    in_section = Article.objects.filter(section=article.section).exclude(pk=article.pk)
    assert {a.picture_id for a in in_section} == {article.picture_id}  # one file photo each


def test_demo_photos_are_the_same_on_every_load():
    assert images.photo("Carnaval, les chars").read() == images.photo("Carnaval, les chars").read()
    assert images.photo("Économie").read() != images.photo("Politique").read()


def test_demo_shows_an_article_corrected_twice(demo, client):
    article = Article.objects.published().get(headline=CORRECTED_HEADLINE)
    notes = list(article.corrections.all())
    assert [note.kind for note in notes] == ["correction", "correction"]
    assert article.published_at < notes[1].created_at < notes[0].created_at
    assert article.revised_at == notes[0].created_at and notes[0].revision is not None
    page = client.get(article.get_absolute_url()).content.decode()
    assert all(note.text in page for note in notes)
    assert notes[0].text in client.get("/rectificatifs/").content.decode()


def test_content_file_holds_what_the_loader_needs():
    usernames = {user["username"] for user in content.USERS}
    assert "editor" in usernames  # who publishes
    sections = {section["slug"] for section in content.SECTIONS}
    authors = {author["slug"] for author in content.AUTHORS}
    assert {author["username"] for author in content.AUTHORS} <= usernames | {None}
    for item in content.ARTICLES:
        assert item["section"] in sections and set(item["authors"]) <= authors
        assert item["state"] in {"draft", "review", "scheduled", "published"}
        assert ("days_ago" in item) == (item["state"] == "published")
        for entry in item.get("corrections", []):  # logged after publication, in order
            assert item["state"] == "published" and entry["kind"] in {"correction", "update"}
            assert 0 <= entry["days_ago"] < item["days_ago"] and entry["text"]
        assert item["tags"] and item["standfirst"]
        assert {kind for kind, _value in item["body"]} <= BLOCKS
        for kind, value in item["body"]:
            pictures = (
                [value] if kind == "picture" else value["pictures"] if kind == "gallery" else []
            )
            assert all(picture["scene"] and picture["alt"] for picture in pictures)
    headlines = [item["headline"] for item in content.ARTICLES]
    assert len(set(headlines)) == len(headlines)  # the loader finds each by its headline
    assert content.ARTICLES[0] is content.REFERENCE


def test_loading_twice_changes_nothing(demo):
    before = snapshot()
    call_command("load_demo", stdout=io.StringIO())
    assert snapshot() == before


def test_demo_refuses_to_run_with_debug_off(db, settings):
    settings.DEBUG = False
    with pytest.raises(CommandError, match="DEBUG"):
        call_command("load_demo")
    assert not get_user_model().objects.exists()
