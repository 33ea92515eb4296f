"""Production settings pass Django's deployment checks and send the security headers."""

import json
import logging
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PRODUCTION = {
    "DEBUG": "0",
    "SECRET_KEY": "p9-Kx2vQ7wLm4Rt8Zy1Nc6Hd3Fj5Gb0Ts-Uv8Wq2Er7Ty4Io9Pa1Sd6Fg3Hj5Kl",
    "ALLOWED_HOSTS": "news.example.com",
    "CSRF_TRUSTED_ORIGINS": "https://news.example.com",
    "SITE_URL": "https://news.example.com",
    "DJANGO_SETTINGS_MODULE": "newsroom.settings",
}


def manage(*args, **env):
    clean = {k: v for k, v in os.environ.items() if k not in ("DEBUG", "SECRET_KEY")}
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env={**clean, **PRODUCTION, **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_check_deploy_passes_at_warning_level():
    result = manage("check", "--deploy", "--fail-level", "WARNING")
    assert result.returncode == 0, result.stdout + result.stderr


def test_check_deploy_fails_with_a_weak_key():
    result = manage("check", "--deploy", "--fail-level", "WARNING", SECRET_KEY="short")
    assert result.returncode != 0 and "security.W009" in result.stdout + result.stderr


def test_production_responses_carry_security_headers(client, settings, db):
    settings.SECURE_SSL_REDIRECT = True
    settings.SECURE_HSTS_SECONDS = 31536000
    redirected = client.get("/")  # plain HTTP is sent to HTTPS
    assert redirected.status_code == 301 and redirected["Location"].startswith("https://")
    response = client.get("/", headers={"X-Forwarded-Proto": "https"})
    assert response.status_code == 200
    assert response["Strict-Transport-Security"].startswith("max-age=31536000")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert response["X-Frame-Options"] == "DENY"


def test_health_probes_are_not_redirected(client, settings, db):
    settings.SECURE_SSL_REDIRECT = True
    assert client.get("/healthz").status_code == 200


def test_every_request_is_logged_as_json_with_an_id(client, db, caplog):
    from newsroom.logs import JsonFormatter

    with caplog.at_level(logging.INFO, logger="newsroom.requests"):
        response = client.get("/", HTTP_X_REQUEST_ID="abc12345-trace")
        other = client.get("/", HTTP_X_REQUEST_ID="<script>")
    assert response["X-Request-ID"] == "abc12345-trace"
    assert len(other["X-Request-ID"]) == 32 and "<" not in other["X-Request-ID"]
    line = json.loads(JsonFormatter().format(caplog.records[0]))
    assert line["request_id"] == "abc12345-trace"
    assert (line["method"], line["path"], line["status"]) == ("GET", "/", 200)
    assert line["duration_ms"] >= 0 and line["level"] == "INFO"
