"""The desk's front page (the admin index): what waits for the editors, and for each writer."""

from datetime import UTC, datetime, timedelta
from urllib.parse import parse_qs, urlsplit
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.urls import reverse
from django.utils import translation

from articles import workflow
from articles.templatetags.desk import LIST_LENGTH
from tests.conftest import client_for
from tests.factories import ArticleFactory

NOW = datetime(2027, 3, 10, 9, 0, tzinfo=UTC)


def english(name, *args):
    """The English desk: its words stay as written here whatever the French catalogue says."""
    with translation.override("en"):
        return reverse(name, args=args)


def front_page(user):
    """The index as `user` sees it at NOW: its lists by key, in order, and its HTML."""
    with time_machine.travel(NOW, tick=False):
        response = client_for(user).get(english("admin:index"))
    assert response.status_code == 200
    return {desk.key: desk for desk in response.context["lists"]}, response.content.decode()


def at(moment, action, *args, **kwargs):
    with time_machine.travel(moment, tick=False):
        return action(*args, **kwargs)


def written_by(user, headline=None, **kwargs):
    extra = {"headline": headline} if headline else {}
    return ArticleFactory(authors=[user.author_profile], **extra, **kwargs)


def submitted(user, when, headline=None):
    article = written_by(user, headline)
    at(when, workflow.apply_transition, article, "submit", user)
    return article


def published(journalist, editor, when):
    article = submitted(journalist, when - timedelta(hours=1))
    at(when, workflow.apply_transition, article, "publish", editor)
    return article


def scheduled(journalist, editor, when, decided=NOW - timedelta(hours=1)):
    article = submitted(journalist, decided - timedelta(hours=1))
    at(decided, workflow.apply_transition, article, "schedule", editor, when=when)
    return article


def changelist_result(user, address):
    with time_machine.travel(NOW, tick=False):
        response = client_for(user).get(address)
    assert response.status_code == 200
    return set(response.context["cl"].result_list)


# --- the editors' lists ------------------------------------------------------------------
def test_editor_sees_the_oldest_submission_first_with_how_long_it_has_waited(
    journalist, colleague, editor
):
    recent = submitted(journalist, NOW - timedelta(minutes=30), "Récent")
    morning = submitted(colleague, NOW - timedelta(hours=3), "Ce matin")
    # Sent back, then submitted again: it waits since the second submission.
    again = submitted(journalist, NOW - timedelta(days=4), "Resoumis")
    at(
        NOW - timedelta(days=3),
        workflow.apply_transition,
        again,
        "send_back",
        editor,
        comment="Non",
    )
    at(NOW - timedelta(hours=26), workflow.apply_transition, again, "submit", journalist)
    old = submitted(colleague, NOW - timedelta(days=3, hours=5), "Ancien")
    written_by(journalist)  # a draft is not waiting for review

    lists, html = front_page(editor)

    review = lists["review"]
    assert review.articles == [old, again, morning, recent]
    assert [a.waiting_for for a in review.articles] == [
        "for 3 days",
        "for 26 hours",
        "for 3 hours",
        "for 30 minutes",
    ]
    assert review.total == 4
    assert "4 articles awaiting review</h2>" in html
    assert ">for 3 hours</time>" in html
    assert review.see_all == english("admin:articles_article_changelist") + "?state=review"
    assert "All articles in review</a>" in html


def test_editor_sees_scheduled_articles_soonest_first_in_the_sites_time_zone(
    settings, journalist, editor
):
    settings.TIME_ZONE = "Europe/Paris"
    later = scheduled(journalist, editor, NOW + timedelta(days=2))
    sooner = scheduled(journalist, editor, NOW + timedelta(hours=5))
    published(journalist, editor, NOW - timedelta(hours=2))  # already public: not scheduled

    lists, html = front_page(editor)

    assert lists["scheduled"].articles == [sooner, later]
    assert lists["scheduled"].total == 2
    assert "2 scheduled articles</h2>" in html
    # 14:00 UTC is 15:00 in Paris in March (before summer time).
    assert '<time datetime="2027-03-10T15:00:00+01:00">' in html
    assert lists["scheduled"].see_all.endswith("?state=scheduled")


@pytest.mark.parametrize("zone", ["Africa/Abidjan", "Europe/Paris", "America/New_York"])
def test_published_today_begins_at_midnight_in_the_sites_time_zone(
    settings, journalist, editor, zone
):
    settings.TIME_ZONE = zone
    local = ZoneInfo(zone)
    midnight = datetime(2027, 3, 10, tzinfo=local)
    now = midnight + timedelta(minutes=30)
    just_after = published(journalist, editor, midnight + timedelta(minutes=10))
    first = published(journalist, editor, midnight + timedelta(minutes=1))
    published(journalist, editor, midnight - timedelta(minutes=10))  # yesterday, locally
    later = midnight + timedelta(hours=1)
    scheduled(journalist, editor, later, decided=now - timedelta(minutes=5))  # not yet

    with time_machine.travel(now, tick=False):
        response = client_for(editor).get(english("admin:index"))
    today = {desk.key: desk for desk in response.context["lists"]}["published_today"]

    assert today.articles == [just_after, first]
    assert today.total == 2
    assert "2 articles published today</h2>" in response.content.decode()
    query = parse_qs(urlsplit(today.see_all).query)
    assert query == {
        "state": ["published"],
        "published_at__gte": [str(midnight)],
        "published_at__lt": [str(midnight + timedelta(days=1))],
    }
    with time_machine.travel(now, tick=False):
        answer = client_for(editor).get(today.see_all)
    listed = answer.context["cl"].result_list
    assert set(listed) == {just_after, first}
    # The list shows its date filter on "today": its own link, highlighted.
    assert answer.context["cl"].has_active_filters
    date_filter = next(
        f
        for f in answer.context["cl"].filter_specs
        if getattr(f, "field_path", "") == "published_at"
    )
    chosen = [c for c in date_filter.choices(answer.context["cl"]) if c["selected"]]
    assert [str(c["display"]) for c in chosen] == ["Today"]  # the English desk


def test_a_heading_counts_every_article_when_the_list_shows_the_first_only(journalist, editor):
    waiting = [submitted(journalist, NOW - timedelta(hours=40 - i)) for i in range(LIST_LENGTH + 2)]

    lists, html = front_page(editor)

    review = lists["review"]
    assert review.total == LIST_LENGTH + 2
    assert review.articles == waiting[:LIST_LENGTH]
    assert f"{LIST_LENGTH + 2} articles awaiting review</h2>" in html
    assert f"{LIST_LENGTH} of {LIST_LENGTH + 2} shown." in html
    assert changelist_result(editor, review.see_all) == set(waiting)


def test_an_empty_list_counts_none_and_offers_no_link(editor):
    lists, html = front_page(editor)

    assert [(d.key, d.total, d.articles, d.see_all) for d in lists.values()][:3] == [
        ("review", 0, [], ""),
        ("scheduled", 0, [], ""),
        ("published_today", 0, [], ""),
    ]
    assert "0 articles awaiting review</h2>" in html
    assert "All articles in review" not in html


# --- each writer's lists ---------------------------------------------------------------
def test_journalist_sees_only_her_own_drafts_and_what_was_sent_back_with_the_comment(
    journalist, colleague, editor
):
    older = at(NOW - timedelta(days=2), written_by, journalist, "Mon vieux brouillon")
    newer = at(NOW - timedelta(hours=1), written_by, journalist, "Mon brouillon")
    shared = at(NOW - timedelta(hours=2), ArticleFactory, headline="À quatre mains")
    shared.bylines.create(author=journalist.author_profile, position=0)
    shared.bylines.create(author=colleague.author_profile, position=1)
    returned = submitted(journalist, NOW - timedelta(hours=5), "Renvoyé")
    at(
        NOW - timedelta(hours=4),
        workflow.apply_transition,
        returned,
        "send_back",
        editor,
        comment="Vérifiez les chiffres.",
    )
    submitted(journalist, NOW - timedelta(hours=3))  # in review: not a draft of hers any more
    theirs = written_by(colleague, "Pas le sien")
    their_returned = submitted(colleague, NOW - timedelta(hours=5), "Renvoyé à Yao")
    at(NOW, workflow.apply_transition, their_returned, "send_back", editor, comment="Pour Yao")

    lists, html = front_page(journalist)

    assert list(lists) == ["sent_back", "drafts"]  # no desk lists: she is not an editor
    assert lists["sent_back"].articles == [returned]
    assert lists["sent_back"].articles[0].last_comment == "Vérifiez les chiffres."
    assert "Vérifiez les chiffres." in html and "Pour Yao" not in html
    assert lists["drafts"].articles == [newer, shared, older]
    assert lists["drafts"].total == 3
    assert "1 article sent back to you</h2>" in html
    assert "You have 3 drafts</h2>" in html
    assert theirs.headline not in html
    assert lists["sent_back"].see_all == ""  # no filter tells sent-back drafts apart
    author = journalist.author_profile.pk
    assert lists["drafts"].see_all.endswith(f"?state=draft&author={author}")
    assert changelist_result(journalist, lists["drafts"].see_all) == {
        newer,
        shared,
        older,
        returned,
    }


def test_an_editor_who_writes_sees_the_desk_then_her_own_work(journalist, editor):
    mine = written_by(editor, "L’édito")
    written_by(journalist)

    lists, _html = front_page(editor)

    assert list(lists) == ["review", "scheduled", "published_today", "sent_back", "drafts"]
    assert lists["drafts"].articles == [mine]


def test_an_editor_with_no_byline_sees_the_desk_only(admin_user):
    lists, _html = front_page(admin_user)

    assert list(lists) == ["review", "scheduled", "published_today"]


def test_someone_who_may_not_read_articles_sees_no_lists(outsider, draft):
    with time_machine.travel(NOW, tick=False):
        response = client_for(outsider).get(english("admin:index"))
    assert response.status_code == 200
    assert "lists" not in response.context
    assert draft.headline not in response.content.decode()


# --- its cost ---------------------------------------------------------------------------
def one_of_each(journalist, colleague, editor):
    submitted(colleague, NOW - timedelta(hours=2))
    scheduled(colleague, editor, NOW + timedelta(hours=2))
    published(colleague, editor, NOW - timedelta(hours=1))
    for writer in (journalist, editor):
        written_by(writer)
        returned = submitted(writer, NOW - timedelta(hours=3))
        at(
            NOW - timedelta(hours=2),
            workflow.apply_transition,
            returned,
            "send_back",
            editor,
            comment="À revoir",
        )


# The session, its user, the user's permissions (two), the author profile, one query a list,
# and the admin's recent actions.
@pytest.mark.parametrize(("reader", "lists", "queries"), [("editor", 5, 11), ("author", 2, 8)])
@pytest.mark.parametrize("more", [0, LIST_LENGTH + 5])
def test_the_front_page_costs_the_same_queries_however_many_articles(
    people, django_assert_num_queries, reader, lists, queries, more
):
    for _ in range(1 + more):
        one_of_each(people["author"], people["colleague"], people["editor"])
    address = english("admin:index")

    with time_machine.travel(NOW, tick=False):
        client = client_for(people[reader])  # a session that has not expired at NOW
        with django_assert_num_queries(queries):
            response = client.get(address)

    assert len(response.context["lists"]) == lists
    assert all(desk.total == 1 + more for desk in response.context["lists"])
