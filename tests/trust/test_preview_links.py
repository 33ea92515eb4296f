"""Preview links for people without accounts: unguessable, expiring, revocable, never cached."""

from datetime import timedelta

import pytest
import time_machine
from django.core.cache import cache
from django.urls import reverse
from django.utils import timezone

from articles import workflow
from articles.models import PreviewLink
from tests.conftest import client_for


@pytest.fixture
def link(in_review, editor):
    response = client_for(editor).post(
        reverse("admin:articles_article_new_preview_link", args=[in_review.pk]),
        {"note": "Avocat", "hours": "48"},
    )
    assert response.status_code == 302
    return PreviewLink.objects.get(article=in_review)


def test_editor_creates_a_link_that_shows_the_unpublished_article(client, link, in_review):
    assert len(link.token) >= 43  # 32 random bytes, URL-safe: 256 bits
    assert link.expires_at - timezone.now() > timedelta(hours=47)
    response = client.get(link.get_absolute_url())
    assert response.status_code == 200
    assert in_review.headline in response.content.decode()
    assert response["Referrer-Policy"] == "no-referrer"
    assert {"private", "no-store"} <= {p.strip() for p in response["Cache-Control"].split(",")}
    assert "noindex" in response["X-Robots-Tag"]
    assert '<meta name="robots" content="noindex, nofollow">' in response.content.decode()


def test_journalist_cannot_create_links(in_review, journalist):
    response = client_for(journalist).post(
        reverse("admin:articles_article_new_preview_link", args=[in_review.pk])
    )
    assert response.status_code == 403
    assert not PreviewLink.objects.exists()


def missing(client):
    return client.get(reverse("articles:preview_link", kwargs={"token": "x" * 43}))


def test_wrong_expired_revoked_and_published_links_are_404(client, link, in_review, editor):
    assert missing(client).status_code == 404
    with time_machine.travel(link.expires_at + timedelta(seconds=1)):
        expired = client.get(link.get_absolute_url())
    assert expired.status_code == 404 and expired.content == missing(client).content
    workflow.apply_transition(in_review, "publish", editor)
    assert client.get(link.get_absolute_url()).status_code == 404
    other = PreviewLink.objects.create(article=in_review, created_by=editor)
    assert client.get(other.get_absolute_url()).status_code == 404  # dead once published


def test_revoking(client, link, editor):
    response = client_for(editor).post(
        reverse("admin:articles_article_revoke_preview_link", args=[link.pk])
    )
    assert response.status_code == 302
    assert client.get(link.get_absolute_url()).status_code == 404


def test_previews_never_enter_the_page_cache(client, link, settings):
    settings.PAGE_CACHE_ENABLED = True
    cache.clear()
    for _ in range(2):
        response = client.get(link.get_absolute_url())
        assert "X-Page-Cache" not in response


def test_links_are_listed_in_the_admin_for_editors(link, editor, journalist):
    assert (
        "Avocat"
        in client_for(editor).get(reverse("admin:articles_previewlink_changelist")).content.decode()
    )
    assert (
        client_for(journalist).get(reverse("admin:articles_previewlink_changelist")).status_code
        == 403
    )
