"""Dates as WordPress reads them: the GMT date, else the local one; a post to be public with
neither (0000-00-00, year 1, past 2200) is reported and kept as a draft. Issue 33 reported
a post dated year 1 making the article page, the sitemap and the editors' list answer 500."""

from datetime import UTC, datetime

import pytest
import time_machine
from django.test import Client
from django.urls import reverse

from articles.models import Article, Status
from tests.conftest import client_for
from tests.importer.exports import export, post

NOW = datetime(2026, 11, 28, 12, 0, tzinfo=UTC)
YEAR_ONE = "0001-01-01 00:00:00"
NO_DATE = "0000-00-00 00:00:00"


@pytest.fixture(autouse=True)
def _frozen_now():
    with time_machine.travel(NOW, tick=False):
        yield


def pages_answer(editor, article):
    """Every page issue 33 saw answer 500, for readers and for the desk."""
    reader, desk = Client(), client_for(editor)
    return {
        "article": reader.get(article.get_absolute_url()).status_code,
        "home": reader.get("/").status_code,
        "sitemap": reader.get("/sitemap-articles.xml").status_code,
        "feed": reader.get("/flux/rss/").status_code,
        "desk list": desk.get(reverse("admin:articles_article_changelist")).status_code,
        "desk article": desk.get(
            reverse("admin:articles_article_change", args=[article.pk])
        ).status_code,
    }


@pytest.mark.parametrize(
    ("gmt", "local"),
    [
        (YEAR_ONE, YEAR_ONE),
        (NO_DATE, NO_DATE),
        (NO_DATE, YEAR_ONE),
        ("2301-01-01 10:00:00", "2301-01-01 10:00:00"),
        ("2024-02-30 10:00:00", "2024-02-30 10:00:00"),
        ("", ""),
    ],
    ids=["year 1", "0000-00-00", "no gmt, local year 1", "past 2200", "impossible", "empty"],
)
def test_a_post_without_a_valid_date_is_kept_as_a_draft_and_reported(
    run_import, editor, gmt, local
):
    summary = run_import(export(post(3, "Très ancien", date=local, date_gmt=gmt)))
    article = Article.objects.get()
    assert article.status == Status.DRAFT
    assert article.published_at is None and article.first_published_at is None
    assert summary.posts == {"draft": 1}
    assert any(
        "Post 3" in note and "no valid date" in note and "draft" in note for note in summary.notes
    )
    assert pages_answer(editor, article) == {
        "article": 404,
        "home": 200,
        "sitemap": 200,
        "feed": 200,
        "desk list": 200,
        "desk article": 200,
    }


def test_a_future_post_without_a_valid_date_is_kept_as_a_draft_too(run_import):
    run_import(export(post(3, status="future", date=YEAR_ONE, date_gmt=YEAR_ONE)))
    assert Article.objects.get().status == Status.DRAFT


def test_an_impossible_gmt_date_gives_way_to_the_local_one(run_import, editor):
    run_import(export(post(3, date="2019-06-01 08:00:00", date_gmt=YEAR_ONE)))
    article = Article.objects.get()
    assert article.status == Status.PUBLISHED
    assert article.published_at == datetime(2019, 6, 1, 8, 0, tzinfo=UTC)
    assert set(pages_answer(editor, article).values()) == {200}


def test_the_gmt_date_wins_over_an_impossible_local_one(run_import):
    run_import(export(post(3, date=YEAR_ONE, date_gmt="2019-06-01 08:00:00")))
    assert Article.objects.get().published_at == datetime(2019, 6, 1, 8, 0, tzinfo=UTC)


def test_a_draft_without_date_is_not_reported(run_import):
    summary = run_import(export(post(3, status="draft", date=NO_DATE, date_gmt=NO_DATE)))
    assert Article.objects.get().status == Status.DRAFT
    assert not any("no valid date" in note for note in summary.notes)


def test_an_undated_post_already_imported_is_not_reported_again(run_import):
    xml = export(post(3, date=YEAR_ONE, date_gmt=YEAR_ONE))
    run_import(xml)
    summary = run_import(xml)
    assert summary.already_imported == 1
    assert not any("no valid date" in note for note in summary.notes)
