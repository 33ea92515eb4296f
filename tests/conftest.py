"""Shared named people: two journalists, an editor, an administrator and a stranger."""

import pytest
from django.test import Client

from articles import workflow
from tests.factories import ArticleFactory, AuthorFactory, UserFactory


@pytest.fixture(autouse=True)
def _media_in_tmp(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


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
