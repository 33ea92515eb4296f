"""Settings come from the environment; production refuses to start without a secret key."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.contrib.auth.models import Group
from django.db import connection
from django.test.utils import override_settings

from articles.models import Section
from tests.factories import SectionFactory

ROOT = Path(__file__).resolve().parent.parent


def run_python(*args, env, left_out=("SECRET_KEY", "DEBUG")):
    """Python in the project, with this environment less `left_out`, plus `env`."""
    clean = {k: v for k, v in os.environ.items() if k not in left_out}
    clean.update(env, DJANGO_SETTINGS_MODULE="newsroom.settings")
    return subprocess.run(
        [sys.executable, *args], cwd=ROOT, env=clean, capture_output=True, text=True, timeout=60
    )


def run_check(**env):
    return run_python("manage.py", "check", env=env)


def test_server_refuses_to_start_without_secret_key_when_debug_is_off():
    result = run_check()
    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr


def test_server_starts_with_a_secret_key():
    result = run_check(SECRET_KEY="x" * 50)
    assert result.returncode == 0, result.stderr


def test_debug_must_be_a_clear_boolean():
    result = run_check(DEBUG="maybe", SECRET_KEY="x" * 50)
    assert result.returncode != 0 and "DEBUG" in result.stderr


def test_the_app_servers_code_is_left_out_of_garbage_collection():
    """What a worker loads lives as long as it: frozen, the collector no longer looks through
    it on every full collection (newsroom/wsgi.py)."""
    shown = "import gc, newsroom.wsgi; print(gc.get_freeze_count())"
    result = run_python("-c", shown, env={"SECRET_KEY": "x" * 50})
    assert result.returncode == 0, result.stderr
    assert int(result.stdout) > 10_000  # Django's and the project's modules, at least


def test_defaults(settings):
    assert settings.TIME_ZONE == "Africa/Abidjan"
    assert settings.LANGUAGE_CODE == "fr"
    assert settings.TAGGIT_CASE_INSENSITIVE


def perms(name):
    return {
        f"{p.content_type.app_label}.{p.codename}"
        for p in Group.objects.get(name=name).permissions.select_related("content_type")
    }


def test_groups_have_exactly_their_permissions(db):
    crud = ("add", "change", "delete", "view")
    assert perms("Journalists") == {
        *(f"articles.{v}_article" for v in crud),
        *(f"articles.{v}_byline" for v in crud),
        "articles.view_section",
        "authors.view_author",
        "authors.change_author",
    }
    editors = perms("Editors")
    assert "articles.publish_article" in editors
    assert not any(p.startswith("auth.") for p in editors | perms("Journalists"))


@pytest.mark.postgres
def test_postgres_prices_reads_for_data_in_memory(db):
    """The planner then reads a rare tag's taggings rather than walk the whole archive."""
    with connection.cursor() as cursor:
        cursor.execute("SHOW random_page_cost")
        assert cursor.fetchone()[0] == "1.1"


def test_planner_options_can_be_left_out_for_a_pooler():
    script = "from django.conf import settings; print(settings.DATABASES['default']['OPTIONS'])"
    shown = {}
    for value in ("", None):
        env = {"DATABASE_URL": "postgres://u@127.0.0.1:5432/x", "SECRET_KEY": "x" * 50}
        if value is not None:
            env["DATABASE_PLANNER_OPTIONS"] = value
        shown_by = f"import django; django.setup(); {script}"
        result = run_python("-c", shown_by, env=env, left_out=("DATABASE_PLANNER_OPTIONS",))
        assert result.returncode == 0, result.stderr
        shown[value] = result.stdout
    assert "random_page_cost" not in shown[""]
    assert (
        "'options': '-c random_page_cost=1.1 -c plan_cache_mode=force_generic_plan'" in shown[None]
    )


PREPARED = "SELECT name FROM articles_section WHERE slug = %s"


def prepared_statements() -> list[str]:
    with connection.cursor() as cursor:
        cursor.execute("SELECT statement FROM pg_prepared_statements")
        return [row[0] for row in cursor.fetchall()]


@pytest.mark.postgres
def test_the_busiest_statements_are_planned_once(db, django_assert_num_queries):
    from newsroom.sql import rows

    SectionFactory(name="Économie", slug="economie")
    with django_assert_num_queries(2) as captured:
        assert rows(PREPARED, ["economie"], prepared=True) == [("Économie",)]
        assert rows(PREPARED, ["absente"], prepared=True) == []
    assert "economie" in captured.captured_queries[0]["sql"]  # logged as Django logs them
    assert [s for s in prepared_statements() if "articles_section WHERE slug" in s] == [
        PREPARED.replace("%s", "$1")
    ]


def plans(statement_start: str) -> list[tuple[int, int]]:
    """(generic, custom) plans PostgreSQL made for the prepared statements starting so."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT generic_plans, custom_plans FROM pg_prepared_statements"
            " WHERE statement LIKE %s",
            [statement_start + "%"],
        )
        return cursor.fetchall()


@pytest.mark.postgres
def test_a_prepared_statement_is_planned_once_for_all_its_values(db):
    """Left to choose, PostgreSQL plans each of the first five runs for its values, and went
    on doing so for four of the reader's statements at 100,000 articles."""
    from newsroom.sql import rows

    for slug in ("economie", "politique", "sport", "culture", "monde", "sante"):
        rows(PREPARED, [slug], prepared=True)
    assert plans("SELECT name FROM articles_section WHERE slug") == [(6, 0)]


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True, serialized_rollback=True)  # as every such test here
def test_a_prepared_statement_survives_a_new_connection():
    """Unlogged, prepared statements run on a cursor kept with the connection: one closed
    (a database restart, CONN_MAX_AGE) gives way to the new connection's."""
    from newsroom.sql import rows

    SectionFactory(name="Économie", slug="economie")
    assert not connection.queries_logged  # the way the site runs them
    kept = rows(PREPARED, ["economie"], prepared=True)
    connection.close()
    assert rows(PREPARED, ["economie"], prepared=True) == kept == [("Économie",)]
    assert connection.binding_cursor().connection is connection.connection


@pytest.mark.postgres
def test_a_prepared_statement_reads_times_as_djangos_cursor_does(db):
    """Aware, in UTC, to the microsecond: read by psycopg's own loader, in C, where
    Django's parses them in Python."""
    from datetime import UTC, datetime, timedelta
    from zoneinfo import ZoneInfo

    import psycopg

    from newsroom.sql import rows

    statement = "SELECT %s::timestamptz + interval '1 microsecond' AS times_read"
    when = datetime(2026, 11, 28, 23, 30, 15, 999999, tzinfo=ZoneInfo("Africa/Lagos"))
    assert not connection.queries_logged  # the way the site runs them
    [(prepared,)] = rows(statement, [when], prepared=True)
    [(djangos,)] = rows(statement, [when])
    assert prepared == djangos == when + timedelta(microseconds=1)
    assert prepared.tzinfo is djangos.tzinfo is UTC
    timestamptz = psycopg.adapters.types["timestamptz"].oid
    loader = connection.binding_cursor().adapters.get_loader(timestamptz, psycopg.pq.Format.TEXT)
    assert loader.__module__ == "psycopg_binary._psycopg"


@pytest.mark.postgres
def test_a_prepared_statement_in_a_broken_transaction_is_refused(db):
    """As through Django's cursor: after an error inside atomic(), nothing more runs."""
    from django.db import DatabaseError, transaction
    from django.db.transaction import TransactionManagementError

    from newsroom.sql import rows

    with transaction.atomic():
        with pytest.raises(DatabaseError), transaction.atomic(savepoint=False):
            rows("SELECT no_such_column FROM articles_section", prepared=True)
        with pytest.raises(TransactionManagementError):
            rows(PREPARED, ["economie"], prepared=True)


@pytest.mark.postgres
def test_other_statements_are_planned_for_their_values(db):
    """A search's words, a rare or a busy tag: never one plan for all their values."""
    from newsroom.sql import rows

    # The statement as PostgreSQL received it: its values written in, no parameter to share
    # a plan over (bound by the server, it read "… AND $1 <> ''").
    statement = "SELECT query FROM pg_stat_activity WHERE pid = pg_backend_pid() AND %s <> ''"
    received = rows(statement, ["sport"])[0][0]
    assert "'sport'" in received and "$1" not in received


@pytest.mark.postgres
def test_a_prepared_statements_error_is_djangos(db):
    """As Django raises it: a lost connection must give the 503 page and be replaced."""
    from django.db import DatabaseError, transaction

    from newsroom.sql import rows

    with pytest.raises(DatabaseError), transaction.atomic():
        rows("SELECT no_such_column FROM articles_section", prepared=True)
    assert connection.errors_occurred


@pytest.mark.postgres
def test_other_statements_are_not_prepared(db):
    from newsroom.sql import rows

    rows("SELECT slug AS not_prepared FROM articles_section WHERE slug = %s", ["economie"])
    list(Section.objects.filter(slug="not_prepared"))
    assert not [s for s in prepared_statements() if "not_prepared" in s]


@pytest.mark.postgres
@override_settings(DATABASE_PREPARED_STATEMENTS=False)
def test_prepared_statements_can_be_turned_off_for_a_pooler(db):
    from newsroom.sql import rows

    rows("SELECT slug AS turned_off FROM articles_section WHERE slug = %s", ["x"], prepared=True)
    assert not [s for s in prepared_statements() if "turned_off" in s]


@pytest.mark.postgres
def test_a_connection_checked_a_moment_ago_is_not_checked_again(db, monkeypatch):
    """The health check's round trip, once a second per connection, not once a request."""
    import time

    checks = []
    monkeypatch.setattr(connection, "is_usable", lambda: checks.append("SELECT 1") or True)
    connection.ensure_connection()
    for checked_ago, expected in ((0.1, []), (2.0, ["SELECT 1"])):
        connection.health_check_done = False  # as at the start of each request
        connection.checked_at = time.monotonic() - checked_ago
        connection.close_if_health_check_failed()
        assert checks == expected and connection.health_check_done


@pytest.mark.postgres
def test_a_connection_that_fails_its_check_is_closed(db, monkeypatch):
    """Then the next statement opens a new one (a real close would end the test's transaction)."""
    closed = []
    monkeypatch.setattr(connection, "is_usable", lambda: False)
    monkeypatch.setattr(connection, "close", lambda: closed.append("closed"))
    connection.ensure_connection()
    connection.health_check_done, connection.checked_at = False, float("-inf")
    connection.close_if_health_check_failed()
    assert closed == ["closed"]
