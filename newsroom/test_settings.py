"""Settings for the test suite: the real settings, with a throwaway key and fast hashing."""

import os
import tempfile
from pathlib import Path

os.environ.setdefault("SECRET_KEY", "tests-only-not-a-secret")
os.environ.setdefault("SITE_URL", "https://news.example.test")
# Slow work runs at once, as in development; tests of the worker turn it on.
os.environ.setdefault("TASK_WORKER", "0")

from newsroom.settings import *  # noqa: E402,F403

# The suite speaks plain HTTP to the test client; production settings are tested apart.
SECURE_SSL_REDIRECT = False
SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = False
SECURE_HSTS_SECONDS = 0
STORAGES = {
    **STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WHITENOISE_USE_FINDERS = WHITENOISE_AUTOREFRESH = True
# Pages are rendered afresh unless a test turns the page cache on (tests/test_page_cache.py):
# most tests change data without a commit, which is what makes cached pages stale.
PAGE_CACHE_ENABLED = False
# Query counts must not depend on the clock: the tests of unsent bumps set their own.
UNSENT_BUMP_CHECK_SECONDS = 3600
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
ALLOWED_HOSTS = ["testserver", "127.0.0.1", "localhost"]
MEDIA_ROOT = BASE_DIR / ".test-media"  # noqa: F405
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):  # noqa: F405
    # On a file, the browser tests' live server has connections of its own: an in-memory
    # database would share the tests' one connection with requests still arriving (a beacon).
    # One file a run: two runs at once on one checkout must not share it.
    TEST_DB = Path(tempfile.gettempdir()) / f"newsroom-test-{os.getpid()}.sqlite3"
    DATABASES["default"]["TEST"] = {"NAME": str(TEST_DB)}  # noqa: F405
# Most tests sign in with force_login and no authenticator; tests/accounts turn 2FA on.
TWO_FACTOR_REQUIRED = "off"
