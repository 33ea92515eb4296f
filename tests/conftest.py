"""Shared named people: two journalists, an editor, an administrator and a stranger."""

from datetime import timedelta

import pytest
from django.core.cache import cache
from django.db import connection
from django.template.backends import jinja2 as jinja_backend
from django.test import Client
from django.test.signals import template_rendered
from django.utils import timezone, translation

from articles import freshness, workflow
from articles.models import Article
from tests.factories import ArticleFactory, AuthorFactory, UserFactory


@pytest.fixture(autouse=True, scope="session")
def _jinja_pages_tell_the_test_client():
    """The test client learns a page's context (response.context) from a signal that only
    Django's own engine sends; the reader's pages render through Jinja."""
    render = jinja_backend.Template.render

    def render_and_tell(self, context=None, request=None):
        template_rendered.send(sender=self, template=self, context=dict(context or {}))
        return render(self, context, request)

    jinja_backend.Template.render = render_and_tell
    yield
    jinja_backend.Template.render = render


@pytest.fixture(autouse=True)
def _fresh_cache():
    """No fragment or page of one test is seen by the next (ids are reused after a rollback)."""
    cache.clear()
    freshness._cache_down_until = 0.0
    yield
    cache.clear()


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """Run `action` as if it committed: what would run after its commit (the content
    version's bump, notifications) runs, and so does what earlier set-up left waiting."""

    def run(action, *args, **kwargs):
        waiting, connection.run_on_commit[:] = list(connection.run_on_commit), []
        for _savepoints, callback, _robust in waiting:
            callback()
        with django_capture_on_commit_callbacks(execute=True):
            result = action(*args, **kwargs)
        connection.run_on_commit[:] = []  # they ran, as after a commit
        return result

    return run


@pytest.fixture(autouse=True)
def _media_in_tmp(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture(autouse=True)
def _site_language(settings):
    # A request under /en/ leaves English active in the thread; reverse() would follow it.
    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture
def journalist(db):
    user = UserFactory(username="awa", first_name="Awa", last_name="Koné", group="Journalists")
    AuthorFactory(user=user, display_name="Awa Koné")
    return user


@pytest.fixture
def colleague(db):
    user = UserFactory(username="yao", first_name="Yao", last_name="Kouassi", group="Journalists")
    AuthorFactory(user=user, display_name="Yao Kouassi")
    return user


@pytest.fixture
def editor(db):
    user = UserFactory(username="mariam", first_name="Mariam", last_name="Sy", group="Editors")
    AuthorFactory(user=user, display_name="Mariam Sy")
    return user


@pytest.fixture
def admin_user(db):
    return UserFactory(username="root", is_superuser=True)


@pytest.fixture
def outsider(db):
    """Signed in, staff flag set, but in no group: may do nothing."""
    return UserFactory(username="stranger")


def client_for(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def draft(journalist):
    return ArticleFactory(authors=[journalist.author_profile])


@pytest.fixture
def in_review(draft, journalist):
    workflow.apply_transition(draft, "submit", journalist)
    return draft


@pytest.fixture
def published(in_review, editor):
    workflow.apply_transition(in_review, "publish", editor)
    return in_review


@pytest.fixture
def article_in(draft, journalist, editor):
    def make(state):
        if state in ("review", "published", "scheduled", "unpublished"):
            workflow.apply_transition(draft, "submit", journalist)
        if state in ("published", "unpublished"):
            workflow.apply_transition(draft, "publish", editor)
        if state == "unpublished":
            workflow.apply_transition(draft, "unpublish", editor, comment="Retrait demandé.")
        if state == "scheduled":
            when = timezone.now() + timedelta(hours=2)
            workflow.apply_transition(draft, "schedule", editor, when=when)
        return Article.objects.get(pk=draft.pk)

    return make


@pytest.fixture
def people(journalist, colleague, editor, outsider):
    return {"author": journalist, "colleague": colleague, "editor": editor, "outsider": outsider}


def pytest_collection_modifyitems(config, items):
    """PostgreSQL-only tests are reported as skipped, with the reason, on SQLite."""
    from django.db import connection

    if connection.vendor == "postgresql":
        return
    reason = pytest.mark.skip(
        reason="needs PostgreSQL: run with DATABASE_URL=postgres://… (CI does, in .ci/run)"
    )
    for item in items:
        if "postgres" in item.keywords:
            item.add_marker(reason)
