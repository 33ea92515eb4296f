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


def opens(client, link) -> bool:
    response = client.get(link.get_absolute_url())
    assert response.status_code in (200, 404)
    return response.status_code == 200


def test_a_link_stays_dead_once_its_article_went_public(client, link, in_review, editor):
    workflow.apply_transition(in_review, "publish", editor)
    workflow.apply_transition(in_review, "unpublish", editor, comment="Retrait demandé.")
    assert not opens(client, link)  # unpublishing does not bring it back
    workflow.apply_transition(in_review, "reopen", editor)
    assert not opens(client, link)  # nor does reopening as a draft


def test_a_link_made_after_unpublishing_dies_at_the_next_publication(client, published, editor):
    workflow.apply_transition(published, "unpublish", editor, comment="Retrait demandé.")
    with time_machine.travel(timezone.now() + timedelta(seconds=1)):
        fresh = PreviewLink.objects.create(article=published, created_by=editor)
    with time_machine.travel(timezone.now() + timedelta(seconds=2)):
        assert opens(client, fresh)
        workflow.apply_transition(published, "publish", editor)
        assert not opens(client, fresh)
        workflow.apply_transition(published, "unpublish", editor, comment="Retrait demandé.")
        assert not opens(client, fresh)


def test_a_scheduled_article_previews_until_its_time_then_never(client, link, in_review, editor):
    at = timezone.now() + timedelta(hours=2)
    workflow.apply_transition(in_review, "schedule", editor, when=at)
    assert opens(client, link)  # not public yet: the lawyer may still read it
    with time_machine.travel(at + timedelta(minutes=1)):
        assert not opens(client, link)
        workflow.apply_transition(in_review, "unpublish", editor, comment="Retrait demandé.")
        assert not opens(client, link)


def test_links_are_revocable_in_every_state(client, link, in_review, editor, journalist):
    workflow.apply_transition(in_review, "publish", editor)
    revoke = reverse("admin:articles_article_revoke_preview_link", args=[link.pk])
    assert client_for(journalist).post(revoke).status_code == 403
    link.refresh_from_db()
    assert link.revoked_at is None
    assert client_for(editor).post(revoke).status_code == 302
    link.refresh_from_db()
    assert link.revoked_at is not None
    page = client_for(editor).get(reverse("admin:articles_article_change", args=[in_review.pk]))
    assert "revoked" in page.content.decode() or "révoqué" in page.content.decode()
    workflow.apply_transition(in_review, "unpublish", editor, comment="Retrait demandé.")
    assert not opens(client, link)


def test_the_list_revokes_through_the_same_rule_and_spent_links_keep_their_expiry(
    link, in_review, editor
):
    listing = reverse("admin:articles_previewlink_changelist")
    client_for(editor).post(listing, {"action": "revoke", "_selected_action": [link.pk]})
    link.refresh_from_db()
    assert link.revoked_at is not None
    change = client_for(editor).get(reverse("admin:articles_previewlink_change", args=[link.pk]))
    assert 'name="expires_at' not in change.content.decode()  # nothing to extend
