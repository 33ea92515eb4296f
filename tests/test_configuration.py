"""Settings come from the environment; production refuses to start without a secret key."""

import os
import subprocess
import sys
from pathlib import Path

from django.contrib.auth.models import Group

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


def site_url(**env) -> str:
    shown = "from django.conf import settings; print(settings.SITE_URL)"
    result = run_python(
        "-c", shown, env={"SECRET_KEY": "x" * 50, **env}, left_out=("SITE_URL", "PORT")
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


def test_the_site_url_follows_the_port_unless_set():
    assert site_url() == "http://127.0.0.1:8000"
    assert site_url(PORT="8123") == "http://127.0.0.1:8123"
    assert site_url(PORT="8123", SITE_URL="https://news.example/") == "https://news.example"


def test_make_run_passes_its_port_to_the_server():
    """`PORT=8123 make run`: the development server and SITE_URL both take it."""
    result = subprocess.run(
        ["make", "-n", "run", "PORT=8123"], cwd=ROOT, capture_output=True, text=True, timeout=60
    )
    assert "PORT=8123" in result.stdout and "runserver 127.0.0.1:8123" in result.stdout


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
        # The library: they choose and upload pictures; editors alone delete them.
        "articles.view_picture",
        "articles.add_picture",
        "articles.change_picture",
    }
    editors = perms("Editors")
    assert "articles.publish_article" in editors
    assert {f"articles.{v}_picture" for v in crud} <= editors
    assert not any(p.startswith("auth.") for p in editors | perms("Journalists"))
