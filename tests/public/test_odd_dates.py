"""TRUST 38: dates outside 1900–2200 are refused where they come in (the admin, the workflow,
the importer) and pages still render one that is already stored (year 1 in Abidjan's
historical local mean time falls before year 1): the database refuses them too, and the
migration that added the check brought those stored before within it."""

from datetime import UTC, datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, connection, transaction
from django.db.migrations.executor import MigrationExecutor
from django.urls import reverse

from articles import workflow
from articles.models import Article
from importer.posts import wordpress_time
from tests.admin_forms import article_post
from tests.conftest import client_for

YEAR_ONE = datetime(1, 1, 1, tzinfo=UTC)
FAR = datetime(9999, 12, 31, 23, 0, tzinfo=UTC)
BEFORE_THE_CHECK = "0003_search_postgres"


@pytest.mark.parametrize("when", [YEAR_ONE, datetime(1899, 12, 31, tzinfo=UTC), FAR])
def test_dates_outside_the_range_are_refused_on_the_model(story, when):
    story.published_at = when
    with pytest.raises(ValidationError) as refused:
        story.full_clean()
    assert "published_at" in refused.value.message_dict


def test_scheduling_past_2200_is_refused_and_changes_nothing(in_review, editor):
    with pytest.raises(ValidationError):
        workflow.apply_transition(in_review, "schedule", editor, when=FAR)
    in_review.refresh_from_db()
    assert in_review.status == "review" and in_review.published_at is None


def test_the_admin_form_refuses_year_one(in_review, editor):
    bylines = list(in_review.bylines.all())
    data = article_post(in_review, bylines, published_at_0="01/01/0001", published_at_1="10:00")
    response = client_for(editor).post(
        reverse("admin:articles_article_change", args=[in_review.pk]), data
    )
    assert response.status_code == 200  # the form again, with its error
    assert "1900" in response.content.decode()
    in_review.refresh_from_db()
    assert in_review.published_at is None


def test_the_importer_takes_an_impossible_date_for_none():
    assert wordpress_time("0001-01-01 00:00:00", "") is None
    assert wordpress_time("", "9999-12-31 23:59:59") is None
    assert wordpress_time("2024-05-01 08:00:00", "").year == 2024


def test_the_database_refuses_an_implausible_date_even_through_update(story):
    with pytest.raises(IntegrityError), transaction.atomic():
        Article.objects.filter(pk=story.pk).update(published_at=YEAR_ONE)


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_dates_stored_before_the_check_are_brought_within_it_and_render(client, story, editor):
    executor = MigrationExecutor(connection)
    executor.migrate([("articles", BEFORE_THE_CHECK)])
    Article.objects.filter(pk=story.pk).update(published_at=YEAR_ONE, first_published_at=FAR)
    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())
    story.refresh_from_db()
    assert story.published_at.year == 1900 and story.first_published_at.year == 2200
    for url in (
        story.get_absolute_url(),
        "/",
        story.section.get_absolute_url(),
        "/sitemap.xml",
        "/sitemap-articles.xml",
        "/flux/rss/",
    ):
        assert client.get(url).status_code == 200, url
    staff = client_for(editor)
    assert staff.get(reverse("admin:articles_article_changelist")).status_code == 200
    assert staff.get(reverse("admin:articles_article_change", args=[story.pk])).status_code == 200
