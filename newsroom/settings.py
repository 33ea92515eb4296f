"""Newsroom settings, read from the environment (see README, "Configuration")."""

import secrets
from datetime import timedelta
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.templatetags.static import static
from django.utils.functional import lazy
from django.utils.translation import gettext_lazy as _
from django_prose_editor.config import html_tags

from newsroom.env import env_bool, env_int, env_list, env_required, env_str

BASE_DIR = Path(__file__).resolve().parent.parent

DEBUG = env_bool("DEBUG", default=False)

if DEBUG:
    # Only for a developer's machine: never valid when DEBUG is off.
    SECRET_KEY = env_str("SECRET_KEY") or "django-insecure-development-only-key"
else:
    SECRET_KEY = env_required("SECRET_KEY", "when DEBUG is off (set a long random value)")

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost"] if DEBUG else [])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

SITE_NAME = env_str("SITE_NAME", "Newsroom")
# Where readers reach the site; by default the development server's address on PORT.
SITE_URL = env_str("SITE_URL", f"http://127.0.0.1:{env_str('PORT', '8000')}").rstrip("/")
# Open Graph locales for the languages articles are written in.
OG_LOCALES = {"fr": "fr_FR", "en": "en_GB"}

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.forms",  # its widget templates, for FORM_RENDERER below
    "django_fsm",
    "django_tasks",
    "django_tasks_db",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",  # authenticator apps
    "django_otp.plugins.otp_static",  # recovery codes
    "newsroom.apps.TagsConfig",  # django-taggit, named "Mots-clés" on the desk
    "django_prose_editor",
    "crispy_forms",
    "crispy_bootstrap5",
    "authors",
    "articles",
    "importer",
    "newsroom.two_factor",
    "audience",
    "audit",
    "live",
    "newsletters",
    "ninja",  # the API docs' Swagger UI, served from here rather than a CDN
    "corsheaders",
    "api",
    "webhooks",
]
# Widgets render with the project's templates too (templates/admin/widgets: labelled inputs).
FORM_RENDERER = "newsroom.form_renderer.DjangoTemplatesSetting"

MIDDLEWARE = [
    "newsroom.middleware.RequestLogMiddleware",
    "newsroom.middleware.RefuseHostileInputMiddleware",
    # Outside the page cache, so cached pages count as read too.
    "audience.middleware.ReadCounterMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "corsheaders.middleware.CorsMiddleware",  # the API's answers, readable from any origin
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "newsroom.media.MediaMiddleware",  # uploaded pictures, like WhiteNoise's static files
    "django.middleware.gzip.GZipMiddleware",  # what the page cache did not compress
    "django.middleware.http.ConditionalGetMiddleware",
    "api.middleware.RateLimitMiddleware",  # before the page cache: its hits count too
    # Before sessions and the rest: a hit for a reader without a session cookie skips them.
    "newsroom.page_cache.AnonymousPageCacheMiddleware",
    # A live story's poll, answered from the cache before sessions and the rest (live/).
    "live.middleware.LivePollMiddleware",
    "newsroom.data_saving.SaveDataMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "audit.middleware.AuditRequestMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "newsroom.two_factor.middleware.SecondFactorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "newsroom.security.AdminPolicyMiddleware",
    "axes.middleware.AxesMiddleware",
    "importer.middleware.LegacyRedirectMiddleware",
]

ROOT_URLCONF = "newsroom.urls"

TEMPLATES = [
    # The reader's pages (newsroom/jinja.py says why); first, as they are the hot path.
    {
        "BACKEND": "django.template.backends.jinja2.Jinja2",
        "DIRS": [BASE_DIR / "templates" / "jinja2"],
        "APP_DIRS": False,
        "OPTIONS": {
            "environment": "newsroom.jinja.environment",
            "context_processors": ["newsroom.context_processors.site"],
        },
    },
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "newsroom.context_processors.site",
            ],
        },
    },
]

WSGI_APPLICATION = "newsroom.wsgi.application"

DATABASES = {
    "default": dj_database_url.parse(
        env_str("DATABASE_URL") or f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=60,
        conn_health_checks=True,  # a connection broken by a database restart is replaced
    )
}
if DATABASES["default"]["ENGINE"].endswith("postgresql"):
    # A database that does not answer is reported (503) in about two seconds, not hung on.
    DATABASES["default"].setdefault("OPTIONS", {})["connect_timeout"] = 2
elif DATABASES["default"]["ENGINE"].endswith("sqlite3"):
    # A transaction takes the write lock as it begins, waiting for another writer's: one
    # that read first, then wrote, would fail without waiting ("database is locked").
    DATABASES["default"].setdefault("OPTIONS", {}).update(transaction_mode="IMMEDIATE", timeout=20)

REDIS_URL = env_str("REDIS_URL")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": REDIS_URL,
            "OPTIONS": {
                # Keep serving from the database when Redis is down, and give up quickly.
                "IGNORE_EXCEPTIONS": True,
                "SOCKET_CONNECT_TIMEOUT": 0.5,
                "SOCKET_TIMEOUT": 0.5,
            },
        }
    }
    DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS = True
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",  # refuses a locked-out account before checking it
    "django.contrib.auth.backends.ModelBackend",
]

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = env_str("LANGUAGE_CODE", "fr")
LANGUAGES = [("fr", _("French")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
FORMAT_MODULE_PATH = ["newsroom.formats"]
TIME_ZONE = env_str("TIME_ZONE", "Africa/Abidjan")
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = Path(env_str("STATIC_ROOT") or BASE_DIR / "staticfiles")
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = env_str("MEDIA_URL", "/media/")
MEDIA_ROOT = Path(env_str("MEDIA_ROOT") or BASE_DIR / "media")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    # Hashed names, compressed (gzip and brotli), cached for a year by browsers and CDNs.
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
# Media in an S3-compatible bucket, shared by every app server: install django-storages[s3]
# and set AWS_STORAGE_BUCKET_NAME (credentials come from boto3's usual AWS_* variables).
AWS_STORAGE_BUCKET_NAME = env_str("AWS_STORAGE_BUCKET_NAME")
if AWS_STORAGE_BUCKET_NAME:
    STORAGES["default"] = {"BACKEND": "storages.backends.s3.S3Storage"}
    AWS_S3_ENDPOINT_URL = env_str("AWS_S3_ENDPOINT_URL") or None
    AWS_S3_REGION_NAME = env_str("AWS_S3_REGION_NAME") or None
    AWS_S3_CUSTOM_DOMAIN = env_str("AWS_S3_CUSTOM_DOMAIN") or None
    AWS_DEFAULT_ACL = None
    AWS_S3_FILE_OVERWRITE = False  # never replace a stored file

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# The body editor's own nodes (static/newsroom/editor/), beside django-prose-editor's; what
# each may store is articles/sanitize.py's schema.
DJANGO_PROSE_EDITOR_EXTENSIONS = [
    {
        "js": [lazy(static, str)("newsroom/editor/gallery.js")],  # its hashed name, once ready
        "extensions": {
            "Gallery": html_tags(tags=["figure"], attributes={"figure": ["data-gallery"]})
        },
    },
    {
        "js": [lazy(static, str)("newsroom/editor/embed.js")],
        "extensions": {"Embed": html_tags(tags=["figure"], attributes={"figure": ["data-embed"]})},
    },
    {
        "js": [lazy(static, str)("newsroom/editor/pull_quote.js")],
        "extensions": {
            "PullQuote": html_tags(tags=["blockquote"], attributes={"blockquote": ["class"]})
        },
    },
    {
        # The toolbar's titles and block-type menu in the desk's language; no HTML of its own.
        "js": [lazy(static, str)("newsroom/editor/menu_labels.js")],
        "extensions": {"MenuLabels": html_tags(tags=[])},
    },
]
# While someone types, the article form keeps a server copy (an autosave) at most this often.
AUTOSAVE_SECONDS = 30

TAGGIT_CASE_INSENSITIVE = True
TAGGIT_STRIP_UNICODE_WHEN_SLUGIFYING = True  # ASCII tag addresses: /mot-cle/securite/

CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"

EMAIL_BACKEND = env_str(
    "EMAIL_BACKEND",
    "django.core.mail.backends.console.EmailBackend"
    if DEBUG
    else "django.core.mail.backends.smtp.EmailBackend",
)
EMAIL_HOST = env_str("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 25)
EMAIL_HOST_USER = env_str("EMAIL_HOST_USER")
EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", default=False)  # STARTTLS, as on port 587
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "newsroom@localhost")
# Where readers' tips ("Contacter la rédaction") are sent.
NEWSROOM_EMAIL = env_str("NEWSROOM_EMAIL", DEFAULT_FROM_EMAIL)
# How many tips one address may send per hour before being asked to wait.
TIPS_PER_HOUR = 5
# Newsletter sign-ups: from one client an hour; confirmation emails to one address a day.
SIGNUPS_PER_HOUR = 10
SIGNUP_EMAILS_PER_DAY = 3
# Newsletters leave at this pace (0: as fast as the worker goes): mail relays cap senders,
# and the app servers beside the worker keep their share of the CPU.
NEWSLETTER_EMAILS_PER_SECOND = env_int("NEWSLETTER_EMAILS_PER_SECOND", 100, least=0)

LOGIN_URL = "admin:login"
LOGIN_REDIRECT_URL = "admin:index"  # where a refused or missing ?next= lands: the desk

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"json": {"()": "newsroom.logs.JsonFormatter"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "json"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
    "loggers": {
        # Our own request line replaces Django's and the server's access logs.
        "django.server": {"level": "WARNING"},
        "django.request": {"level": "ERROR"},
        "axes": {"level": "WARNING"},
    },
}

# --- login throttling (django-axes, newsroom/login_throttle.py) ---------------------------
# Failures count per account and address (one person's typos: colleagues behind the
# newsroom's shared proxy are not locked out by them), per account from any address
# (distributed guessing) and per address across accounts (one address trying many), each
# with its own limit. Counters live in the database, shared by every app server; the lock
# lifts by itself, or an administrator lifts it from the user list.
AXES_HANDLER = "newsroom.login_throttle.LimitPerCountHandler"
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"], "username", "ip_address"]
AXES_FAILURE_LIMIT = int(env_str("AXES_FAILURE_LIMIT", "5"))
LOGIN_FAILURE_LIMITS = [AXES_FAILURE_LIMIT, 4 * AXES_FAILURE_LIMIT, 6 * AXES_FAILURE_LIMIT]
AXES_COOLOFF_TIME = timedelta(minutes=int(env_str("AXES_COOLOFF_MINUTES", "15")))
AXES_RESET_ON_SUCCESS = True
AXES_CLIENT_IP_CALLABLE = "newsroom.client_ip.client_ip"
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"
AXES_LOCKOUT_CALLABLE = "newsroom.login_throttle.locked_out"
AXES_VERBOSE = False
AXES_SENSITIVE_PARAMETERS = ["username", "ip_address", "code"]  # a one-time or recovery code
# How many proxies in front of the app add themselves to X-Forwarded-For (0: none).
TRUSTED_PROXY_COUNT = int(env_str("TRUSTED_PROXY_COUNT", "0"))

# --- two-factor sign-in (django-otp, newsroom/two_factor) ----------------------------------
# Who must give an authenticator code after the password: "staff" (editors and
# administrators), "all" (every staff account) or "off". On by default in production; off
# for the demo (DEBUG on). Anyone who set up an authenticator is asked for it in every mode.
TWO_FACTOR_REQUIRED = env_str("TWO_FACTOR_REQUIRED", "off" if DEBUG else "staff").strip().lower()
if TWO_FACTOR_REQUIRED not in ("staff", "all", "off"):
    raise ImproperlyConfigured(
        f"TWO_FACTOR_REQUIRED must be staff, all or off, not {TWO_FACTOR_REQUIRED!r}."
    )
OTP_TOTP_ISSUER = SITE_NAME  # the account's name in the authenticator app
OTP_ADMIN_HIDE_SENSITIVE_DATA = True  # no administrator reads another person's secret

# --- Content API (api/) -------------------------------------------------------------------
API_RATE_LIMIT = env_str("API_RATE_LIMIT", "120/min")  # requests an address may make
# Read-only and without cookies: any site's scripts may read it.
CORS_URLS_REGEX = r"^/api/"
CORS_ALLOW_ALL_ORIGINS = True
CORS_ALLOW_METHODS = ("GET", "HEAD", "OPTIONS")
CORS_ALLOW_HEADERS = ("accept", "authorization", "if-none-match", "if-modified-since")
CORS_EXPOSE_HEADERS = ("ETag", "Retry-After")
CORS_ALLOW_CREDENTIALS = False

# --- Content-Security-Policy (django-csp) -------------------------------------------------
# Nothing from other sites, no inline script. The admin's rich-text editor brings an inline
# import map, so the admin gets its own policy (newsroom/security.py) with a nonce for it.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'none'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}

# --- production: HTTPS behind a proxy that sets X-Forwarded-Proto --------------------------
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", default=not DEBUG)
SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = env_bool("SECURE_COOKIES", default=not DEBUG)
SECURE_HSTS_SECONDS = 0 if DEBUG else int(env_str("SECURE_HSTS_SECONDS", "31536000"))
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", default=True)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", default=True)
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
# Messages stay on the server: one carries a new API key, never to sit in a readable cookie.
MESSAGE_STORAGE = "django.contrib.messages.storage.session.SessionStorage"
SECURE_REDIRECT_EXEMPT = [r"^healthz$", r"^readyz$"]  # probes speak plain HTTP to the app
WHITENOISE_MAX_AGE = 31536000
WHITENOISE_USE_FINDERS = WHITENOISE_AUTOREFRESH = DEBUG  # no collectstatic in development
# What cached fragments were rendered by: set it to the deployed commit so every app server
# shares them; unset, each server renders its own once (articles/fragments.py).
RELEASE = env_str("RELEASE") or secrets.token_hex(8)
# Whole pages for anonymous readers (newsroom/page_cache.py); PAGE_CACHE=0 turns it off.
PAGE_CACHE_ENABLED = env_bool("PAGE_CACHE", default=True)
# How often each server looks in the database for page-version bumps the cache missed.
UNSENT_BUMP_CHECK_SECONDS = 1.0
# Slow work (renditions, emails) goes to `manage.py worker` when TASK_WORKER is on, as
# it is by default in production; in development it runs at once, with nothing to start.
TASK_WORKER = env_bool("TASK_WORKER", default=not DEBUG)
TASKS = {
    "default": {
        "BACKEND": "django_tasks_db.DatabaseBackend"
        if TASK_WORKER
        else "django_tasks.backends.immediate.ImmediateBackend"
    }
}
# Webhooks go to partners' public addresses only (webhooks/outbound.py); tests and
# development may post to a receiver on this machine.
WEBHOOKS_ALLOW_PRIVATE_ADDRESSES = DEBUG
# How often a live story's open pages ask for new entries (live/page.py), in seconds.
LIVE_POLL_SECONDS = env_int("LIVE_POLL_SECONDS", 20)
BENCH_ENDPOINTS = env_bool("BENCH_ENDPOINTS", default=False)

# Uploaded images (see newsroom/images): refused above these, before any decoding.
IMAGE_MAX_BYTES = 10 * 1000 * 1000
IMAGE_MAX_PIXELS = 40 * 1000 * 1000  # in all the frames of an animation together
IMAGE_MAX_FRAMES = 350  # what X accepts in a GIF
IMAGE_MAX_DECODE_SECONDS = 5.0  # an animation still not re-encoded by then is refused
# A request bigger than one full image plus the form's text is refused with a 400 before it
# is read, so nobody can fill the disk; and no form takes more than a handful of files.
DATA_UPLOAD_MAX_REQUEST_BYTES = IMAGE_MAX_BYTES + 2 * 1000 * 1000
DATA_UPLOAD_MAX_NUMBER_FILES = 10
FILE_UPLOAD_HANDLERS = [
    "newsroom.images.upload_handlers.RequestSizeLimit",
    "django.core.files.uploadhandler.MemoryFileUploadHandler",
    "django.core.files.uploadhandler.TemporaryFileUploadHandler",
]
