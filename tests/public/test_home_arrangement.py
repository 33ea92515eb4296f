"""The home page as editors arrange it: the lead story, the featured stories in their order
(until each expires), then the latest, then the sections; none repeated, in five queries
whatever editors chose; a change shows at the next request, an expiry at its time."""

import re
from datetime import timedelta

import pytest
import time_machine
from django.utils import timezone

from articles import freshness, workflow
from articles.models import Article, FeaturedStory
from articles.models.home import FEATURED_MOST
from tests.factories import ArticleFactory
from tests.public.conftest import PUBLISHED_AT, publish

HOME_QUERIES = 5  # the lead chosen, the featured, the newest, each section's cutoff, their newest


@pytest.fixture
def stories(journalist, editor, security):
    """Ten published stories, the newest first: "Dépêche 0" is the newest."""
    made = []
    for number in range(10):
        article = ArticleFactory(
            headline=f"Dépêche {number}", section=security, authors=[journalist.author_profile]
        )
        made.append(publish(article, editor, when=PUBLISHED_AT - timedelta(hours=number)))
    return made


def feature(article, editor, position, minutes=360):
    FeaturedStory(
        article=article, position=position, until=timezone.now() + timedelta(minutes=minutes)
    ).save_by(editor)


def make_lead(article):
    Article.objects.filter(pk=article.pk).update(is_lead=True)


def part(html, opening, closing="</section>") -> str:
    start = html.index(opening)
    return html[start : html.index(closing, start)]


def headlines(html) -> list[str]:
    return re.findall(r">(Dépêche \d+)</a></h[23]>", html)


def home(client):
    html = client.get("/").content.decode()
    lead = re.search(r'<h2 class="lead-title"><a [^>]*>([^<]+)</a>', html).group(1)
    picks = headlines(part(html, '<section class="picks"')) if 'class="picks"' in html else []
    latest = headlines(part(html, '<section class="latest"'))
    return lead, picks, latest


def test_lead_then_featured_in_the_editors_order_then_the_latest(client, stories, editor):
    make_lead(stories[5])
    for position, number in enumerate([7, 2, 5, 9]):
        feature(stories[number], editor, position)
    lead, picks, latest = home(client)
    assert lead == "Dépêche 5"
    assert picks == ["Dépêche 7", "Dépêche 2", "Dépêche 9"]  # the lead is not repeated
    assert latest == [f"Dépêche {n}" for n in (0, 1, 3, 4, 6, 8)]


def test_without_a_chosen_lead_the_newest_leads_and_is_featured_no_twice(client, stories, editor):
    feature(stories[0], editor, 0)
    feature(stories[3], editor, 1)
    lead, picks, latest = home(client)
    assert (lead, picks) == ("Dépêche 0", ["Dépêche 3"])
    assert "Dépêche 0" not in latest and "Dépêche 3" not in latest
    assert latest[0] == "Dépêche 1"


def test_without_featured_stories_the_home_page_is_as_before(client, stories):
    lead, picks, latest = home(client)
    assert lead == "Dépêche 0" and picks == []
    assert latest == [f"Dépêche {n}" for n in range(1, 10)]
    assert 'class="picks"' not in client.get("/").content.decode()


def test_a_story_taken_down_leaves_the_featured_at_once(client, stories, editor, committed):
    committed(feature, stories[4], editor, 0)
    committed(feature, stories[6], editor, 1)
    assert home(client)[1] == ["Dépêche 4", "Dépêche 6"]
    committed(workflow.apply_transition, stories[4], "unpublish", editor, comment="Erreur.")
    lead, picks, latest = home(client)
    assert picks == ["Dépêche 6"] and "Dépêche 4" not in latest


@pytest.mark.parametrize("page_cache", [False, True])
def test_a_featured_story_leaves_at_its_expiry_on_every_server(
    client, stories, editor, committed, settings, page_cache
):
    settings.PAGE_CACHE_ENABLED = page_cache
    # Both expire within the cached page's lifetime: only the expiry makes it fresh.
    committed(feature, stories[4], editor, 0, minutes=3)
    committed(feature, stories[6], editor, 1, minutes=6)
    assert home(client)[1] == ["Dépêche 4", "Dépêche 6"]
    assert home(client)[1] == ["Dépêche 4", "Dépêche 6"]  # kept, when the page cache is on
    with time_machine.travel(timezone.now() + timedelta(minutes=3, seconds=1)):
        lead, picks, latest = home(client)
        assert picks == ["Dépêche 6"]
        assert "Dépêche 4" in latest  # back among the latest, where its time puts it
    with time_machine.travel(timezone.now() + timedelta(minutes=6, seconds=1)):
        assert home(client)[1] == []


def test_the_next_expiry_is_kept_beside_the_versions(stories, editor, committed):
    committed(feature, stories[1], editor, 0, minutes=120)
    committed(feature, stories[2], editor, 1, minutes=60)
    soonest = FeaturedStory.objects.get(article=stories[2]).until
    assert freshness.upcoming() == (soonest.timestamp(), None)


def test_a_change_of_order_shows_at_the_next_request_with_the_page_cache_on(
    client, stories, editor, committed, settings
):
    settings.PAGE_CACHE_ENABLED = True
    committed(feature, stories[4], editor, 0)
    committed(feature, stories[6], editor, 1)
    assert home(client)[1] == ["Dépêche 4", "Dépêche 6"]
    moved = FeaturedStory.objects.get(article=stories[4])
    moved.position = 2
    committed(moved.save_by, editor)
    assert home(client)[1] == ["Dépêche 6", "Dépêche 4"]
    committed(moved.delete_by, editor)
    assert home(client)[1] == ["Dépêche 6"]


@pytest.mark.parametrize("featured", [0, 1, FEATURED_MOST])
@pytest.mark.parametrize("chosen_lead", [False, True])
def test_the_home_page_reads_the_same_queries_whatever_editors_chose(
    client, stories, editor, django_assert_num_queries, featured, chosen_lead
):
    if chosen_lead:
        make_lead(stories[9])
    for position in range(featured):
        feature(stories[position + 2], editor, position)
    client.get("/")  # the first reader renders the cards and the lead block
    with django_assert_num_queries(HOME_QUERIES):
        assert client.get("/").status_code == 200
