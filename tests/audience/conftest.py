"""Readers, robots and published stories for the most read lists."""

import os

import pytest
from django.core.cache import cache

from articles import workflow
from audience import counting
from tests.factories import ArticleFactory, SectionFactory

BROWSER = (
    "Mozilla/5.0 (Linux; Android 14; SM-A145F) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/130.0.6723.102 Mobile Safari/537.36"
)
LOCAL_MEMORY = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}


@pytest.fixture(autouse=True)
def _redis_not_paused(monkeypatch):
    monkeypatch.setattr(counting, "_redis_down_until", 0.0)


@pytest.fixture
def without_redis(settings):
    """The database keeps the reads: the cache is the local memory one, whatever the run."""
    settings.CACHES = LOCAL_MEMORY
    cache.clear()


@pytest.fixture
def with_redis():
    if not os.environ.get("REDIS_URL"):
        pytest.skip("needs Redis: run with REDIS_URL=redis://… (CI does, in .ci/run)")
    assert counting._redis() is not None


@pytest.fixture
def reader(client):
    """An anonymous reader's browser."""
    client.defaults["HTTP_USER_AGENT"] = BROWSER
    return client


@pytest.fixture
def politics(db):
    return SectionFactory(name="Politique", slug="politique")


@pytest.fixture
def economy(db):
    return SectionFactory(name="Économie", slug="economie")


@pytest.fixture
def publish(journalist, editor):
    """A published story in a section."""

    def make(headline, section):
        article = ArticleFactory(
            headline=headline, section=section, authors=[journalist.author_profile]
        )
        workflow.apply_transition(article, "submit", journalist)
        workflow.apply_transition(article, "publish", editor)
        return article

    return make


def read(article, times=1):
    """Reads counted as the middleware counts them."""
    for _ in range(times):
        counting.record(article.pk, article.section_id)
