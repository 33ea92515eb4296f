"""newsroom/bulk_copy.py: rows copied in on PostgreSQL are the rows bulk_create would have
stored, with ids from the table's sequence, Django's errors and a place in its query log;
elsewhere it is bulk_create."""

from datetime import UTC, datetime

import pytest
from django.db import IntegrityError, connection, transaction
from django.test.utils import CaptureQueriesContext

from articles.models import Article, Revision, Status
from newsroom import bulk_copy
from tests.factories import ArticleFactory, SectionFactory, UserFactory

pytestmark = pytest.mark.django_db
WHEN = datetime(2024, 3, 5, 10, 0, tzinfo=UTC)
CHANGING = {"id", "slug", "created_at", "updated_at", "changed_at"}


def unsaved(slug, section) -> Article:
    return Article(
        status=Status.PUBLISHED,
        headline="Coupure d’électricité à Bouaké",
        slug=slug,
        standfirst="Un chapeau « entre guillemets »\tavec une tabulation\net un saut de ligne.",
        body="<p>Une barre \\ oblique, et \\n écrit tel quel : COPY les échappe.</p>",
        section=section,
        published_at=WHEN,
        first_published_at=WHEN,
        is_lead=True,
        body_text="Le texte seul.",
        search_tags="Santé Sahel",
        search_authors="Awa Koné",
        image_alt="Une vue du port",
        version=3,
    )


def stored(article) -> dict:
    """Every column as stored, but those that differ by nature (id, slug, times of saving)."""
    fresh = Article.objects.get(pk=article.pk)
    columns = {f.attname: getattr(fresh, f.attname) for f in Article._meta.concrete_fields}
    kept = {name: value for name, value in columns.items() if name not in CHANGING}
    return kept | {"dated": fresh.created_at is not None and fresh.updated_at is not None}


def test_copied_rows_are_those_bulk_create_stores():
    section = SectionFactory()
    [made] = Article.objects.bulk_create([unsaved("par-bulk-create", section)])
    [copied] = bulk_copy.create(Article, [unsaved("par-copy", section)])
    assert copied.pk is not None and not copied._state.adding
    assert stored(copied) == stored(made)
    assert Article.objects.get(pk=copied.pk).slug == "par-copy"


def test_json_and_foreign_keys_are_stored_as_django_stores_them():
    article, user = ArticleFactory(), UserFactory()
    data = {"headline": "Été « chaud »", "tags": ["Santé", "Sahel"], "n": 3, "vide": None}
    [copied] = bulk_copy.create(
        Revision, [Revision(article=article, number=1, version=2, user=user, data=data)]
    )
    fresh = Revision.objects.get(pk=copied.pk)
    assert (fresh.article, fresh.user, fresh.data, fresh.number) == (article, user, data, 1)
    assert fresh.created_at is not None


def test_ids_come_from_the_sequence_and_later_inserts_follow_them():
    section = SectionFactory()
    copied = bulk_copy.create(Article, [unsaved(f"copie-{i}", section) for i in range(3)])
    later = ArticleFactory()
    ids = [article.pk for article in copied]
    assert len(set(ids)) == 3 and later.pk > max(ids)
    assert set(Article.objects.filter(pk__in=ids).values_list("slug", flat=True)) == {
        "copie-0",
        "copie-1",
        "copie-2",
    }


def test_a_refused_row_is_djangos_error_and_leaves_nothing():
    section = SectionFactory()
    ArticleFactory(slug="deja-la")
    with pytest.raises(IntegrityError), transaction.atomic():
        bulk_copy.create(Article, [unsaved("nouvelle", section), unsaved("deja-la", section)])
    assert not Article.objects.filter(slug="nouvelle").exists()


def test_a_row_refused_before_any_sql_leaves_the_transaction_usable():
    section = SectionFactory.build()  # never saved: Django refuses it before any SQL
    with transaction.atomic():
        with pytest.raises(ValueError, match="unsaved related object"):
            bulk_copy.create(Article, [unsaved("sans-rubrique", section)])
        assert Article.objects.count() == 0  # the transaction still answers


def test_the_copy_is_in_the_query_log():
    section = SectionFactory()
    with CaptureQueriesContext(connection) as captured:
        bulk_copy.create(Article, [unsaved(f"journal-{i}", section) for i in range(40)])
    statements = [query["sql"] for query in captured.captured_queries]
    if connection.vendor == "postgresql":
        assert len(statements) == 2 and statements[1].startswith('COPY "articles_article"')
    else:  # bulk_create, in as many inserts as SQLite's 999 values a statement need
        assert statements and all(sql.startswith("INSERT") for sql in statements)
