"""What the tests of real app servers share: collected static files, the environment that
points them at the test database, Redis and a media folder, and a clean stop."""

import os
import time

import pytest
from django.db import connection

from tests.production.servers import collect_static, database_url


@pytest.fixture
def servers_gone_from_the_database():
    """Wait until the stopped servers' connections have closed, so the test database can go."""
    yield
    deadline = time.monotonic() + 10
    with connection.cursor() as cursor:
        while time.monotonic() < deadline:
            cursor.execute(
                "SELECT count(*) FROM pg_stat_activity "
                "WHERE datname = current_database() AND pid <> pg_backend_pid()"
            )
            if cursor.fetchone()[0] == 0:
                return
            time.sleep(0.1)


@pytest.fixture(scope="session")
def static_root(tmp_path_factory):
    root = tmp_path_factory.mktemp("static")
    collect_static(root)
    return root


@pytest.fixture
def redis_url():
    if not os.environ.get("REDIS_URL"):
        pytest.skip("needs Redis: run with REDIS_URL=redis://… (CI does, in .ci/run)")
    return os.environ["REDIS_URL"]


@pytest.fixture
def shared(redis_url, static_root, tmp_path):
    """The environment of app servers sharing the test database, Redis and media."""
    return {
        "DATABASE_URL": database_url(connection.settings_dict),
        "REDIS_URL": redis_url,
        "MEDIA_ROOT": tmp_path / "media",
        "STATIC_ROOT": static_root,
    }
