"""A library picture shown only in a live entry is in use: the library says where, and
refuses to delete it until no entry shows it."""

import importlib

import pytest
from django.apps import apps
from django.db.models import ProtectedError
from django.urls import reverse

from articles.models import Picture
from live.models import EntryPicture
from tests.conftest import client_for
from tests.factories import PictureFactory

MIGRATION = importlib.import_module("live.migrations.0003_revisions_and_pictures")


def shown(picture) -> str:
    return f'<figure><img src="{picture.file.url}" data-file="{picture.pk}"></figure><p>Vu.</p>'


def test_a_picture_in_an_entry_is_in_use_and_cannot_be_deleted(coverage, post, editor):
    picture = PictureFactory(title="La foule devant la CEI")
    post(coverage, body=shown(picture))
    assert picture.in_use() and picture not in Picture.objects.unused()
    response = client_for(editor).post(
        reverse("admin:articles_picture_delete", args=[picture.pk]), {"post": "yes"}
    )
    assert response.status_code == 403 and Picture.objects.filter(pk=picture.pk).exists()
    with pytest.raises(ProtectedError):
        picture.delete()


def test_the_library_names_the_live_story_using_it(coverage, post, editor):
    picture = PictureFactory()
    entry = post(coverage, body=shown(picture))
    page = client_for(editor).get(reverse("admin:articles_picture_change", args=[picture.pk]))
    html = page.content.decode()
    assert f"{coverage.article.headline} (dans une entrée en direct)" in html
    assert reverse("admin:live_liveentry_change", args=[entry.pk]) in html


def test_a_picture_taken_out_of_its_entry_or_deleted_with_it_is_free(
    coverage, post, editor, committed
):
    first, second = PictureFactory(), PictureFactory()
    entry = post(coverage, body=shown(first))
    other = post(coverage, body=shown(second))
    committed(
        entry.edit_by,
        editor,
        title="",
        body="<p>Sans photo.</p>",
        is_key_event=False,
        is_pinned=False,
    )
    assert not first.in_use()
    committed(other.delete_by, editor)
    assert not second.in_use()
    assert set(Picture.objects.unused()) == {first, second}


def test_entries_posted_before_the_upgrade_keep_their_pictures(coverage, post):
    picture = PictureFactory()
    post(coverage, body=shown(picture))
    EntryPicture.objects.all().delete()  # as they stood before the migration
    assert not picture.in_use()
    MIGRATION.pictures_already_shown(apps, None)
    assert picture.in_use()
