"""WordPress states and dates → article states and publication times, history recorded."""

from datetime import UTC, datetime

import pytest
import time_machine

from articles.models import Article, Status, Transition
from tests.importer.exports import export, post

NOW = datetime(2026, 11, 28, 12, 0, tzinfo=UTC)


@pytest.fixture(autouse=True)
def _frozen_now():
    with time_machine.travel(NOW, tick=False):
        yield


@pytest.mark.parametrize(
    ("wordpress", "status", "counted", "public"),
    [
        ("publish", Status.PUBLISHED, "published", True),
        ("draft", Status.DRAFT, "draft", False),
        ("pending", Status.REVIEW, "review", False),
        ("private", Status.UNPUBLISHED, "not_public", False),
        ("trash", Status.UNPUBLISHED, "not_public", False),
    ],
)
def test_each_wordpress_state_has_its_article_state(run_import, wordpress, status, counted, public):
    summary = run_import(export(post(1, "Le titre", status=wordpress)))
    article = Article.objects.get()
    assert article.status == status
    assert summary.posts == {counted: 1}
    assert Article.objects.published().exists() is public


def test_a_future_post_is_scheduled_for_its_time(run_import):
    summary = run_import(export(post(1, status="future", date="2027-01-15 08:30:00")))
    article = Article.objects.get()
    assert article.status == Status.PUBLISHED and article.is_scheduled
    assert article.published_at == datetime(2027, 1, 15, 8, 30, tzinfo=UTC)
    assert not Article.objects.published().exists()
    assert summary.posts == {"scheduled": 1}


def test_a_future_post_whose_time_has_passed_is_public_and_reported(run_import):
    summary = run_import(export(post(1, status="future", date="2026-01-15 08:30:00")))
    assert Article.objects.published().count() == 1
    assert any("scheduled time has passed" in note for note in summary.notes)


@pytest.mark.parametrize("wordpress", ["private", "trash"])
def test_private_and_trashed_posts_are_reported(run_import, wordpress):
    summary = run_import(export(post(4, "Secret", status=wordpress)))
    assert any("Post 4" in note and wordpress in note for note in summary.notes)
    assert Article.objects.get().published_at is None


def test_a_trashed_post_that_was_published_keeps_its_date(run_import):
    run_import(export(post(1, status="trash", meta={"_wp_trash_meta_status": "publish"})))
    article = Article.objects.get()
    assert article.status == Status.UNPUBLISHED
    assert (
        article.published_at == article.first_published_at == datetime(2024, 3, 5, 10, tzinfo=UTC)
    )


def test_a_password_protected_post_is_not_public(run_import):
    summary = run_import(export(post(1, status="publish", password="secret")))
    assert Article.objects.get().status == Status.UNPUBLISHED
    assert summary.posts == {"not_public": 1}
    assert any("password" in note for note in summary.notes)


@pytest.mark.parametrize("wordpress", ["auto-draft", "inherit"])
def test_wordpress_placeholders_are_skipped(run_import, wordpress):
    summary = run_import(export(post(1, status=wordpress)))
    assert not Article.objects.exists()
    assert summary.other_items == {f"post ({wordpress})": 1}


def test_an_unknown_state_is_refused_and_reported(run_import):
    summary = run_import(export(post(1, "Étrange", status="archived"), post(2)))
    assert summary.items_refused == 1 and summary.posts_imported == 1
    assert any("Étrange" in note and "archived" in note for note in summary.notes)


def test_every_imported_article_has_its_history(run_import):
    run_import(export(post(31, status="publish"), post(32, status="draft")))
    published, draft = (Article.objects.get(slug=f"article-{n}") for n in (31, 32))
    step = Transition.objects.get(article=published)
    assert (step.user, step.name, step.source, step.target) == (
        None,
        "import",
        "import",
        "published",
    )
    assert "WordPress" in step.comment and "31" in step.comment
    assert step.publish_at == published.published_at
    assert Transition.objects.get(article=draft).target == "draft"


def test_gmt_time_is_used_when_wordpress_gives_it(run_import, settings):
    settings.TIME_ZONE = "Europe/Paris"
    run_import(export(post(1, date="2024-03-05 10:00:00", date_gmt="2024-03-05 09:00:00")))
    assert Article.objects.get().published_at == datetime(2024, 3, 5, 9, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("local", "utc_hour"),
    [("2024-07-01 12:00:00", 10), ("2024-01-15 12:00:00", 11)],
    ids=["summer time", "winter time"],
)
def test_local_time_is_read_in_the_site_time_zone_without_gmt(
    run_import, settings, local, utc_hour
):
    settings.TIME_ZONE = "Europe/Paris"
    run_import(export(post(1, date=local, date_gmt="0000-00-00 00:00:00")))
    published_at = Article.objects.get().published_at
    assert published_at.astimezone(UTC).hour == utc_hour
    assert published_at.astimezone(UTC).date() == datetime.fromisoformat(local).date()


def test_a_draft_has_no_publication_time(run_import):
    run_import(export(post(1, status="draft", date_gmt="0000-00-00 00:00:00")))
    article = Article.objects.get()
    assert article.published_at is None and article.first_published_at is None


def test_headline_and_standfirst_are_plain_text(run_import):
    run_import(
        export(
            post(
                1,
                "Sport &amp; santé <em>à Abidjan</em>",
                excerpt="<p>Le <strong>résumé</strong>\n en deux lignes.</p>",
            )
        )
    )
    article = Article.objects.get()
    assert article.headline == "Sport & santé à Abidjan"
    assert article.standfirst == "Le résumé en deux lignes."


def test_a_long_title_is_shortened_and_reported(run_import):
    summary = run_import(export(post(1, "Mot " * 80)))
    assert len(Article.objects.get().headline) <= 200
    assert any("shortened" in note for note in summary.notes)


def test_the_wordpress_slug_is_kept_when_free(run_import):
    run_import(export(post(1, slug="le-marche-dadjame")))
    assert Article.objects.get().slug == "le-marche-dadjame"


def test_a_percent_encoded_slug_is_decoded_then_made_ascii(run_import):
    run_import(export(post(1, slug="%c3%a9t%c3%a9-au-sahel")))
    assert Article.objects.get().slug == "ete-au-sahel"


def test_a_taken_slug_gets_a_unique_one(run_import, published):
    run_import(export(post(1, slug=published.slug)))
    imported = Article.objects.exclude(pk=published.pk).get()
    assert imported.slug == f"{published.slug}-2"


def test_a_post_without_slug_gets_one_from_its_headline(run_import):
    run_import(export(post(1, "Élections à Bouaké", slug="", status="draft")))
    assert Article.objects.get().slug == "elections-a-bouake"


def test_an_item_without_post_id_is_refused_and_reported(run_import):
    summary = run_import(export(post("abc", "Sans numéro"), post(2)))
    assert summary.items_refused == 1 and summary.posts_imported == 1
    assert any("Sans numéro" in note and "wp:post_id" in note for note in summary.notes)
