"""TWO_FACTOR_REQUIRED: on for editors and administrators in production, off for the demo,
and a misspelt value stops the server at start-up."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PRODUCTION = {
    "DEBUG": "0",
    "SECRET_KEY": "p9-Kx2vQ7wLm4Rt8Zy1Nc6Hd3Fj5Gb0Ts-Uv8Wq2Er7Ty4Io9Pa1Sd6Fg3Hj5Kl",
    "ALLOWED_HOSTS": "news.example.com",
    "DJANGO_SETTINGS_MODULE": "newsroom.settings",
}
READ = "from django.conf import settings; print(settings.TWO_FACTOR_REQUIRED)"


def setting_with(**env) -> subprocess.CompletedProcess:
    clean = {
        k: v
        for k, v in os.environ.items()
        if k not in ("DEBUG", "SECRET_KEY", "TWO_FACTOR_REQUIRED", "DJANGO_SETTINGS_MODULE")
    }
    return subprocess.run(
        [sys.executable, "-c", f"import django; django.setup(); {READ}"],
        cwd=ROOT,
        env={**clean, **PRODUCTION, **env},
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_production_requires_it_of_editors_and_administrators():
    assert setting_with().stdout.strip() == "staff"


def test_the_demo_does_not():
    assert setting_with(DEBUG="1").stdout.strip() == "off"


def test_it_can_be_required_of_everyone():
    assert setting_with(TWO_FACTOR_REQUIRED="all").stdout.strip() == "all"


def test_a_misspelt_value_stops_the_server():
    result = setting_with(TWO_FACTOR_REQUIRED="editors")
    assert result.returncode != 0 and "TWO_FACTOR_REQUIRED" in result.stderr
