"""Real Chromium against a live test server; every request and console message is watched.

Every test here is marked `browser`, runs on a transactional database with its groups kept
(serialized rollback), and runs after the rest of the suite: sync Playwright keeps an event
loop running in the main thread, and Django's ORM works beside it only with
DJANGO_ALLOW_ASYNC_UNSAFE set; neither should reach the other tests.
"""

import os
from pathlib import Path

import pytest
from django.conf import settings
from django.core.cache import cache
from django.core.management import call_command
from django.db import connections
from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import sync_playwright
from pytest_django.live_server_helper import LiveServer
from pytest_django.plugin import blocking_manager_key

from tests.browser.pages import DESKTOP, save_screenshot
from tests.browser.watch import Watch

HERE = Path(__file__).parent
CHROMIUM = Path("/usr/bin/chromium")
AXE = Path(settings.BASE_DIR) / "node_modules" / "axe-core" / "axe.min.js"
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    # Without this Chromium reaches for Google's hosts even when told not to.
    "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1",
]


def pytest_collection_modifyitems(items):
    for item in items:
        if HERE in Path(item.path).parents:
            item.add_marker(pytest.mark.browser)
            item.add_marker(pytest.mark.django_db(transaction=True, serialized_rollback=True))
    items.sort(key=lambda item: item.get_closest_marker("browser") is not None)


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_setup(item):
    """Empty the tables before Django restores the test database's saved contents.

    Django restores them on top of what is there. A transactional test without serialized
    rollback, run earlier, leaves content types made again under other ids, which would
    collide with the saved ones.
    """
    with item.config.stash[blocking_manager_key].unblock():
        for alias in connections:
            if hasattr(connections[alias], "_test_serialized_contents"):  # set up, and saved
                call_command(
                    "flush",
                    database=alias,
                    interactive=False,
                    inhibit_post_migrate=True,
                    verbosity=0,
                )


@pytest.hookimpl(wrapper=True)
def pytest_runtest_call(item):
    try:
        result = yield
        watch = item.funcargs.get("watch")
        if watch is not None and watch.problems:
            pytest.fail("In the browser:\n" + "\n".join(watch.problems), pytrace=False)
    except BaseException:
        keep_failure_pictures(item)
        raise
    return result


def keep_failure_pictures(item) -> None:
    """What every open tab showed when the test failed, for whoever reads the CI log."""
    opened = getattr(item.funcargs.get("new_context"), "contexts", [])
    pages = [page for context in opened for page in context.pages]
    for number, page in enumerate(pages, start=1):
        try:
            save_screenshot(page, f"failures/{item.name}-{number}")
        except PlaywrightError:
            pass  # a tab that closed or crashed: nothing to show


def require(present: bool, reason: str) -> None:
    """Skip on a developer's machine; in CI no browser test may be skipped."""
    if present:
        return
    if os.environ.get("CI") == "true":
        pytest.fail(f"{reason} (CI runs every browser test)", pytrace=False)
    pytest.skip(reason)


@pytest.fixture(scope="session")
def live_server():
    # Addressed by IP: the only host Chromium's resolver rules leave reachable.
    server = LiveServer("127.0.0.1")
    yield server
    server.stop()


@pytest.fixture(scope="session")
def browser(django_db_setup):
    require(
        CHROMIUM.exists(),
        f"Chromium not found at {CHROMIUM}: install it with `apt-get install -y chromium`",
    )
    before = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "1"
    test_connections = {alias: connections[alias] for alias in connections}
    with sync_playwright() as playwright:
        # With an event loop running in this thread, Django keeps a second set of connections,
        # without the test database's saved contents (serialized rollback would restore
        # nothing): hand it the ones the test database was set up on.
        for alias, connection in test_connections.items():
            connections[alias] = connection
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_FLAGS)
        yield chromium
        chromium.close()
    if before is None:
        del os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"]
    else:
        os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = before


@pytest.fixture
def axe_script():
    require(AXE.exists(), f"axe-core not found at {AXE}: run `npm ci` in the project folder")
    return AXE


@pytest.fixture
def site(live_server, settings):
    """The live server's address, which share links and metadata are built on."""
    settings.SITE_URL = live_server.url
    cache.clear()  # the contact form's rate limit lives there
    yield live_server.url
    cache.clear()


@pytest.fixture
def watch(site):
    return Watch(site)


@pytest.fixture
def new_context(browser, site, watch):
    """Open a fresh, watched browser context: one per person in the test."""
    contexts = []

    def open_context(viewport=DESKTOP, **options):
        context = browser.new_context(
            base_url=site,
            viewport=viewport,
            locale="fr-FR",
            timezone_id=settings.TIME_ZONE,
            service_workers="block",
            **options,
        )
        context.set_default_timeout(10_000)
        watch.attach(context)
        contexts.append(context)
        return context

    open_context.contexts = contexts
    yield open_context
    for context in contexts:
        context.close()


@pytest.fixture
def page(new_context):
    return new_context().new_page()
