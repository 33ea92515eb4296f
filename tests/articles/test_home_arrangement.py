"""Only editors arrange the home page and switch the breaking-news banner: the model layer
refuses anyone else, and the desk answers a forged POST with 403 and changes nothing."""

from datetime import timedelta

import pytest
from django.contrib.auth.models import Permission
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone

from articles import workflow
from articles.models import BreakingNews, FeaturedStory
from articles.models.home import FEATURED_MOST
from tests.conftest import client_for
from tests.factories import ArticleFactory


def later(**delta):
    return timezone.now() + timedelta(**delta)


@pytest.fixture
def stories(journalist, editor):
    """Seven published stories."""
    made = []
    for number in range(7):
        article = ArticleFactory(headline=f"Dépêche {number}", authors=[journalist.author_profile])
        workflow.apply_transition(article, "submit", journalist)
        workflow.apply_transition(article, "publish", editor)
        made.append(article)
    return made


def feature(article, editor, position=0, **until):
    featured = FeaturedStory(
        article=article, position=position, until=later(**(until or {"hours": 6}))
    )
    featured.save_by(editor)
    return featured


def form_time(moment) -> dict:
    local = timezone.localtime(moment)
    return {"0": local.strftime("%d/%m/%Y"), "1": local.strftime("%H:%M:%S")}


# --- the model layer -------------------------------------------------------------------------
def test_an_editor_features_a_story_and_is_remembered(stories, editor):
    featured = feature(stories[0], editor, position=2)
    stored = FeaturedStory.objects.get()
    assert stored.article == stories[0] and stored.position == 2
    assert stored.set_by == editor and featured.is_shown


def test_a_journalist_may_not_feature_move_or_remove_a_story(stories, editor, journalist):
    with pytest.raises(PermissionDenied):
        FeaturedStory(article=stories[0], until=later(hours=1)).save_by(journalist)
    assert not FeaturedStory.objects.exists()
    featured = feature(stories[1], editor, position=1)
    featured.position = 9
    with pytest.raises(PermissionDenied):
        featured.save_by(journalist)
    with pytest.raises(PermissionDenied):
        featured.delete_by(journalist)
    stored = FeaturedStory.objects.get()
    assert (stored.position, stored.set_by) == (1, editor)


def test_a_journalist_may_not_switch_the_banner_on(editor, journalist):
    banner = BreakingNews(text="Coup de tonnerre", is_on=True, until=later(hours=1))
    with pytest.raises(PermissionDenied):
        banner.save_by(journalist)
    assert not BreakingNews.objects.exists()
    banner.is_on = False
    banner.save_by(editor)
    banner.is_on = True
    with pytest.raises(PermissionDenied):
        banner.save_by(journalist)
    with pytest.raises(PermissionDenied):
        banner.delete_by(journalist)
    assert BreakingNews.objects.get().is_on is False


def test_at_most_five_stories_are_featured_at_once(stories, editor):
    for position, article in enumerate(stories[:FEATURED_MOST]):
        feature(article, editor, position)
    with pytest.raises(ValidationError) as refused:
        feature(stories[FEATURED_MOST], editor)
    assert "until" in refused.value.message_dict
    assert FeaturedStory.objects.count() == FEATURED_MOST
    # An expired one leaves room, and the stories still featured may be reordered.
    FeaturedStory.objects.filter(article=stories[0]).update(until=later(minutes=-1))
    feature(stories[FEATURED_MOST], editor)
    moved = FeaturedStory.objects.get(article=stories[1])
    moved.position = 8
    moved.save_by(editor)
    assert FeaturedStory.objects.current().count() == FEATURED_MOST


def test_only_a_published_story_is_featured(article_in, journalist, editor):
    a_draft = ArticleFactory(authors=[journalist.author_profile])
    for article in (a_draft, article_in("scheduled")):
        with pytest.raises(ValidationError) as refused:
            FeaturedStory(article=article, until=later(hours=1)).save_by(editor)
        assert "article" in refused.value.message_dict
    assert not FeaturedStory.objects.exists()


def test_a_story_taken_down_may_still_be_moved_or_removed(published, editor):
    featured = feature(published, editor)
    workflow.apply_transition(published, "unpublish", editor, comment="Erreur de date.")
    featured = FeaturedStory.objects.get()
    assert not featured.is_shown
    featured.position = 3
    featured.save_by(editor)
    featured.delete_by(editor)
    assert not FeaturedStory.objects.exists()


def test_an_expiry_in_the_past_is_refused(published, editor):
    with pytest.raises(ValidationError):
        FeaturedStory(article=published, until=later(minutes=-5)).save_by(editor)
    with pytest.raises(ValidationError):
        BreakingNews(text="Trop tard", is_on=True, until=later(minutes=-5)).save_by(editor)
    assert not FeaturedStory.objects.exists() and not BreakingNews.objects.exists()


@pytest.mark.parametrize(
    "link", ["javascript:alert(1)", "//evil.test/", "/\\evil.test/", "data:text/html,x"]
)
def test_a_banner_links_only_to_web_addresses(editor, link):
    with pytest.raises(ValidationError) as refused:
        BreakingNews(text="Alerte", link=link, is_on=True, until=later(hours=1)).save_by(editor)
    assert "link" in refused.value.message_dict


def test_switching_a_banner_on_switches_the_other_off(editor):
    first = BreakingNews(text="Première alerte", is_on=True, until=later(hours=1))
    first.save_by(editor)
    BreakingNews(
        text="Seconde alerte", link="/rubrique/x/", is_on=True, until=later(hours=1)
    ).save_by(editor)
    assert list(BreakingNews.objects.shown().values_list("text", flat=True)) == ["Seconde alerte"]
    first.refresh_from_db()
    assert first.is_on is False


# --- the desk ---------------------------------------------------------------------------------
def featured_list():
    return reverse("admin:articles_featuredstory_changelist")


def test_an_editor_adds_a_featured_story_on_the_desk(stories, editor):
    until = later(hours=5).replace(microsecond=0)
    response = client_for(editor).post(
        reverse("admin:articles_featuredstory_add"),
        {
            "article": stories[2].pk,
            "position": 1,
            **{f"until_{k}": v for k, v in form_time(until).items()},
        },
    )
    assert response.status_code == 302
    stored = FeaturedStory.objects.get()
    assert (stored.article, stored.position, stored.until, stored.set_by) == (
        stories[2],
        1,
        until,
        editor,
    )


def test_an_editor_reorders_the_featured_stories_in_their_list(stories, editor):
    first, second = feature(stories[0], editor, 0), feature(stories[1], editor, 1)
    data = {
        "form-TOTAL_FORMS": "2",
        "form-INITIAL_FORMS": "2",
        "form-MIN_NUM_FORMS": "0",
        "form-MAX_NUM_FORMS": "1000",
        "_save": "Save",
    }
    for index, (featured, position) in enumerate([(first, 5), (second, 0)]):
        data[f"form-{index}-id"] = featured.pk
        data[f"form-{index}-position"] = position
        for key, value in form_time(featured.until).items():
            data[f"form-{index}-until_{key}"] = value
    response = client_for(editor).post(featured_list(), data)
    assert response.status_code == 302
    assert list(FeaturedStory.objects.values_list("article", flat=True)) == [
        stories[1].pk,
        stories[0].pk,
    ]


def test_a_journalist_sees_neither_list_on_the_desk(journalist):
    client = client_for(journalist)
    for url in (featured_list(), reverse("admin:articles_breakingnews_changelist")):
        assert client.get(url).status_code == 403
    index = client.get(reverse("admin:index")).content.decode()
    assert "featuredstory" not in index and "breakingnews" not in index


def test_a_journalists_forged_posts_are_refused_and_change_nothing(stories, editor, journalist):
    featured = feature(stories[0], editor, 0)
    banner = BreakingNews(text="Alerte sûre", until=later(hours=1))
    banner.save_by(editor)
    # Even holding the models' permissions, a journalist is refused: the rules decide.
    journalist.user_permissions.add(
        *Permission.objects.filter(content_type__model__in=["featuredstory", "breakingnews"])
    )
    client = client_for(journalist)
    until = {f"until_{k}": v for k, v in form_time(later(hours=2)).items()}
    forged = [
        (
            reverse("admin:articles_featuredstory_add"),
            {"article": stories[1].pk, "position": 0, **until},
        ),
        (
            reverse("admin:articles_featuredstory_change", args=[featured.pk]),
            {"article": stories[0].pk, "position": 7, **until},
        ),
        (reverse("admin:articles_featuredstory_delete", args=[featured.pk]), {"post": "yes"}),
        (
            featured_list(),
            {"action": "delete_selected", "_selected_action": [featured.pk], "post": "yes"},
        ),
        (
            reverse("admin:articles_breakingnews_add"),
            {"text": "Fausse alerte", "link": "", "is_on": "on", **until},
        ),
        (
            reverse("admin:articles_breakingnews_change", args=[banner.pk]),
            {"text": "Fausse alerte", "link": "", "is_on": "on", **until},
        ),
        (reverse("admin:articles_breakingnews_delete", args=[banner.pk]), {"post": "yes"}),
    ]
    for url, data in forged:
        assert client.post(url, data).status_code == 403, url
    stored = FeaturedStory.objects.get()
    assert (stored.article, stored.position, stored.set_by) == (stories[0], 0, editor)
    banner = BreakingNews.objects.get()
    assert (banner.text, banner.is_on) == ("Alerte sûre", False)


def test_an_editor_switches_the_banner_on_on_the_desk(editor):
    until = later(hours=2).replace(microsecond=0)
    response = client_for(editor).post(
        reverse("admin:articles_breakingnews_add"),
        {
            "text": "Séisme au large d’Abidjan",
            "link": "/rubrique/securite/",
            "is_on": "on",
            **{f"until_{k}": v for k, v in form_time(until).items()},
        },
    )
    assert response.status_code == 302
    banner = BreakingNews.objects.get()
    assert (banner.is_shown, banner.until, banner.set_by) == (True, until, editor)
