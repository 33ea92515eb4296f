"""Author profiles: a journalist edits only their own; published authors are never deleted."""

import pytest
from django.core.exceptions import PermissionDenied
from django.db.models import ProtectedError
from django.urls import reverse

from articles.models import Picture
from authors.models import Author
from tests.conftest import client_for
from tests.factories import AuthorFactory, PictureFactory
from tests.images import jpeg_upload


def profile_post(author, **overrides):
    data = {
        "display_name": author.display_name,
        "slug": author.slug,
        "job_title": author.job_title,
        "bio": author.bio,
        "website": author.website,
        "x_url": author.x_url,
        "facebook_url": author.facebook_url,
        "linkedin_url": author.linkedin_url,
        "user": str(author.user_id or ""),
        "photo": str(author.photo_id or ""),
    }
    data.update(overrides)
    return data


def change(author):
    return reverse("admin:authors_author_change", args=[author.pk])


def test_journalist_edits_own_profile(journalist):
    own = journalist.author_profile
    response = client_for(journalist).post(change(own), profile_post(own, bio="Reporter à Bouaké."))
    assert response.status_code == 302
    own.refresh_from_db()
    assert own.bio == "Reporter à Bouaké."


def test_journalist_cannot_edit_a_colleagues_profile(journalist, colleague):
    theirs = colleague.author_profile
    response = client_for(journalist).post(change(theirs), profile_post(theirs, bio="Piraté"))
    assert response.status_code == 403
    theirs.refresh_from_db()
    assert theirs.bio != "Piraté"


def test_journalist_cannot_relink_own_profile_or_change_its_slug(journalist, colleague):
    own = journalist.author_profile
    data = profile_post(own, user=str(colleague.pk), slug="autre")
    client_for(journalist).post(change(own), data)
    own.refresh_from_db()
    assert own.user == journalist and own.slug != "autre"
    own.user = colleague
    with pytest.raises(PermissionDenied):
        own.save_by(journalist)


def test_editor_edits_any_profile(editor, colleague):
    theirs = colleague.author_profile
    response = client_for(editor).post(change(theirs), profile_post(theirs, job_title="Chef"))
    assert response.status_code == 302
    theirs.refresh_from_db()
    assert theirs.job_title == "Chef"


def test_journalist_cannot_create_profiles(journalist):
    response = client_for(journalist).post(
        reverse("admin:authors_author_add"), {"display_name": "Faux"}
    )
    assert response.status_code == 403
    assert not Author.objects.filter(display_name="Faux").exists()


def test_author_with_published_articles_cannot_be_deleted(published, journalist, editor):
    author = journalist.author_profile
    with pytest.raises(ProtectedError):
        author.delete()
    with pytest.raises(ProtectedError):
        Author.objects.filter(pk=author.pk).delete()
    client_for(editor).post(
        reverse("admin:authors_author_delete", args=[author.pk]), {"post": "yes"}
    )
    response = client_for(editor).post(
        reverse("admin:authors_author_changelist"),
        {"action": "delete_selected", "_selected_action": [author.pk], "post": "yes"},
    )
    assert response.status_code in (200, 403)
    assert Author.objects.filter(pk=author.pk).exists()
    assert published.bylines.filter(author=author).exists()


def test_author_without_published_articles_can_be_deleted(editor, draft):
    author = AuthorFactory()
    response = client_for(editor).post(
        reverse("admin:authors_author_delete", args=[author.pk]), {"post": "yes"}
    )
    assert response.status_code == 302
    assert not Author.objects.filter(pk=author.pk).exists()


def test_slug_is_made_from_the_name(db):
    assert AuthorFactory(display_name="Séverin Konan").slug == "severin-konan"
    assert AuthorFactory(display_name="Séverin Konan").slug == "severin-konan-2"


def test_a_photo_uploaded_from_the_profile_goes_into_the_library(journalist):
    own = journalist.author_profile
    data = profile_post(own)
    data["new_photo"] = jpeg_upload("moi.jpg", size=(600, 800))
    assert client_for(journalist).post(change(own), data).status_code == 302
    own.refresh_from_db()
    photo = own.photo
    assert (photo.title, photo.alt_text, photo.uploaded_by) == (
        own.display_name,
        own.display_name,
        journalist,
    )
    assert (photo.focal_x, photo.focal_y) == (50, 35)  # a face sits in the upper part
    assert {name: crop[:2] for name, crop in photo.refresh_portraits()["crops"].items()} == {
        "sq96": [96, 96],
        "sq192": [192, 192],
        "sq400": [400, 400],
    }


def test_a_photo_from_the_library_is_in_use_and_kept(editor, journalist):
    picture = PictureFactory(title="Portrait d’Awa")
    own = journalist.author_profile
    client_for(journalist).post(change(own), profile_post(own, photo=str(picture.pk)))
    assert Author.objects.get(pk=own.pk).photo == picture
    assert not Picture.objects.unused().filter(pk=picture.pk).exists()
    used_by = client_for(editor).get(reverse("admin:articles_picture_change", args=[picture.pk]))
    assert own.display_name in used_by.content.decode()
    delete = reverse("admin:articles_picture_delete", args=[picture.pk])
    assert client_for(editor).post(delete, {"post": "yes"}).status_code == 403
    assert Picture.objects.filter(pk=picture.pk).exists()
