"""Issue 34: two readers follow a live story, each on another app server, while an editor
posts an entry through the first server's desk; it reaches both pages behind the
"1 nouvelle entrée" button, with no reload.

Real gunicorn servers with production settings share PostgreSQL and Redis. The entry goes
through server A's admin, so it reaches server B's reader only by way of the database and
the shared cache. Real Chromium reads both pages, and talks to 127.0.0.1 alone.

Marked `browser` as well as `postgres`, it runs after the rest of the suite, with the browser
tests (tests/browser/conftest.py orders them). Chromium is driven from a thread of its own
(ChromiumThread): sync Playwright runs an event loop in the thread that drives it, and refuses
to start in a thread where one already runs, as one does in the main thread once the browser
tests' session-wide Chromium is up. The ORM is used from the main thread only, so it never
runs beside this test's event loop and needs no DJANGO_ALLOW_ASYNC_UNSAFE.
"""

import re
import threading
import time
from concurrent.futures import Future

import pytest
from django.conf import settings
from django.contrib.auth.hashers import PBKDF2PasswordHasher, make_password
from django.urls import reverse
from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import expect, sync_playwright

from articles import workflow
from live.models import LiveCoverage, LiveEntry
from tests.browser.conftest import CHROMIUM, CHROMIUM_FLAGS, require
from tests.browser.pages import DESKTOP, save_screenshot
from tests.browser.watch import Watch
from tests.factories import ArticleFactory, AuthorFactory, UserFactory
from tests.production.servers import Browser, app_server

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.usefixtures("servers_gone_from_the_database"),
]
PASSWORD = "correct-horse-battery"
POLL_SECONDS = 1  # the page's poll (LIVE_POLL_SECONDS), shortened for the test
ARRIVES_WITHIN = 8 * POLL_SECONDS  # seconds from the post until both pages offer the entry
STEP_SECONDS = 60  # the longest one step in Chromium may take (Playwright's own waits: 10 s)


class ChromiumThread:
    """Chromium driven from a thread of its own. `run(action)` calls `action(browser)` there
    and gives back its result, or raises its error, waiting `STEP_SECONDS` at most; what
    Playwright hands back (contexts, pages) is used through `run` only."""

    def __init__(self):
        self._jobs = []
        self._waiting = threading.Condition()
        self._thread = threading.Thread(target=self._serve, name="chromium", daemon=True)

    def __enter__(self):
        self._thread.start()
        self.run(lambda browser: None)  # launched
        return self

    def __exit__(self, *exc_info):
        try:
            self.run(lambda browser: browser.close())
        finally:
            self._put(None)
            self._thread.join(timeout=STEP_SECONDS)

    def run(self, action):
        future = Future()
        self._put((future, action))
        return future.result(timeout=STEP_SECONDS)

    def _put(self, job):
        with self._waiting:
            self._jobs.append(job)
            self._waiting.notify()

    def _take(self):
        with self._waiting:
            self._waiting.wait_for(lambda: self._jobs)
            return self._jobs.pop(0)

    def _serve(self):
        with sync_playwright() as playwright:
            job = self._take()
            try:
                browser = playwright.chromium.launch(
                    executable_path=str(CHROMIUM), args=CHROMIUM_FLAGS
                )
            except BaseException as error:
                job[0].set_exception(error)
                return
            while job is not None:
                future, action = job
                try:
                    future.set_result(action(browser))
                except BaseException as error:  # for the test waiting on it
                    future.set_exception(error)
                job = self._take()


@pytest.fixture
def live_shared(shared):
    return {**shared, "LIVE_POLL_SECONDS": POLL_SECONDS}


@pytest.fixture
def chromium():
    require(
        CHROMIUM.exists(),
        f"Chromium not found at {CHROMIUM}: install it with `apt-get install -y chromium`",
    )
    with ChromiumThread() as chromium:
        yield chromium


@pytest.fixture
def coverage():
    """A published story followed live, one entry in; its editor signs in by password."""
    editor = UserFactory(username="chef", group="Editors")
    # The servers run production settings, whose hashers do not include the tests' fast one.
    editor.password = make_password(PASSWORD, hasher=PBKDF2PasswordHasher())
    editor.save()
    writer = UserFactory(username="plume", group="Journalists")
    author = AuthorFactory(user=writer, display_name="Plume Vive")
    article = ArticleFactory(headline="Élections : la soirée en direct", authors=[author])
    workflow.apply_transition(article, "publish", editor)
    coverage = LiveCoverage.start_by(editor, article)
    LiveEntry.post_by(editor, coverage, title="Les bureaux ouvrent", body="<p>À 8 h.</p>")
    return coverage


class Reader:
    """An anonymous reader with the article open on one server, in a browser context of
    their own. Made and used in Chromium's thread."""

    def __init__(self, browser, server, url):
        self.context = browser.new_context(
            base_url=server.base,
            viewport=DESKTOP,
            locale="fr-FR",
            timezone_id=settings.TIME_ZONE,
            service_workers="block",
        )
        self.context.set_default_timeout(10_000)
        self.watch = Watch(server.base)
        self.watch.attach(self.context)
        self.page = self.context.new_page()
        # Loaded once: a second load would be revalidated against the context's own HTTP
        # cache, and Chromium would report the first answer's headers.
        response = self.page.goto(url)
        assert response.status == 200, response.status
        self.page_cache = response.headers.get("x-page-cache")
        expect(self.page.locator("[data-live-reload]")).to_be_hidden()  # the script runs

    def shows(self, pk, *texts):
        for text in texts:
            expect(self.page.locator(f"#entry-{pk}")).to_contain_text(text)

    def offered_within(self, deadline: float):
        """The button offers the new entry by `deadline` (time.monotonic()); when it did."""
        left = max(0.0, deadline - time.monotonic())
        expect(self.page.locator("[data-live-new]")).to_have_text(
            "1 nouvelle entrée", timeout=left * 1000
        )
        return time.monotonic()

    def take_new_entry(self, pk):
        expect(self.page.locator(f"#entry-{pk}")).to_have_count(0)  # not before the click
        self.page.locator("[data-live-new]").click()
        expect(self.page.locator("[data-live-new]")).to_be_hidden()


def post_entry(desk, coverage, title, body) -> str:
    """An entry posted through the desk's server, as its entry form posts it; its token."""
    form = reverse("admin:live_livecoverage_post", args=[coverage.pk])
    status, _headers, html = desk.get(form)
    assert status == 200, status
    token = re.search(rb'name="token" value="([^"]+)"', html).group(1).decode()
    # Boxes left unticked (is_key_event, is_pinned) are not sent, as a browser sends none.
    status, url, html = desk.post(form, {"title": title, "body": body, "token": token})
    assert status == 200 and url.endswith(form), (status, url, html[:300])
    return token


def test_an_entry_posted_through_one_server_reaches_readers_on_both(
    request, chromium, live_shared, coverage
):
    url = coverage.article.get_absolute_url()
    first = coverage.entries.get()
    readers = []
    with app_server(**live_shared) as a, app_server(**live_shared) as b:
        try:
            for server in (a, b):
                readers.append(
                    chromium.run(lambda browser, server=server: Reader(browser, server, url))
                )
            on_a, on_b = readers
            # A rendered the page and kept it in Redis; B served that copy.
            assert (on_a.page_cache, on_b.page_cache) == ("miss", "hit")
            for reader in readers:
                chromium.run(lambda _, reader=reader: reader.shows(first.pk, "À 8 h."))

            desk = Browser(a.base, a.process)  # the editor, signed in on server A
            desk.log_in("chef", PASSWORD)
            token = post_entry(desk, coverage, "Premiers résultats", "<p>Korhogo a voté.</p>")
            posted = time.monotonic()
            entry = LiveEntry.objects.get(token=token)

            # Both pages poll all along, each its own server; both offer the entry in time.
            deadline = posted + ARRIVES_WITHIN
            arrived = [
                chromium.run(lambda _, reader=reader: reader.offered_within(deadline))
                for reader in readers
            ]
            for reader in readers:
                chromium.run(lambda _, reader=reader: reader.take_new_entry(entry.pk))
                chromium.run(
                    lambda _, reader=reader: reader.shows(
                        entry.pk, "Premiers résultats", "Korhogo a voté."
                    )
                )
                chromium.run(lambda _, reader=reader: reader.shows(first.pk, "À 8 h."))

            # The post made the page kept in Redis stale: read again on B, it has the entry.
            status, headers, html = b.get(url)
            assert (status, headers.get("X-Page-Cache")) == (200, "miss")
            assert f'id="entry-{entry.pk}"' in html.decode() and "Korhogo a voté." in html.decode()

            problems = [problem for reader in readers for problem in reader.watch.problems]
            assert not problems, "In the browser:\n" + "\n".join(problems)
            print("arrived after " + ", ".join(f"{when - posted:.2f} s" for when in arrived))
        except BaseException:
            keep_failure_pictures(chromium, readers, request.node.name)
            raise
        finally:
            for reader in readers:  # before the servers stop: no poll is left refused
                chromium.run(lambda _, reader=reader: reader.context.close())


def keep_failure_pictures(chromium, readers, name) -> None:
    """What each reader saw when the test failed, as the browser tests keep it."""
    for number, reader in enumerate(readers, start=1):
        try:
            chromium.run(
                lambda _, reader=reader, number=number: save_screenshot(
                    reader.page, f"failures/{name}-{number}"
                )
            )
        except (PlaywrightError, TimeoutError):
            pass  # a tab that closed or crashed: nothing to show
