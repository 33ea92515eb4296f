"""Everything a browser context asks for, and everything that goes wrong in it.

A test fails on any request to a host other than the test server, any request that fails,
any error answer it did not ask for, and any console or script error.
"""

from urllib.parse import urlsplit

LOCAL_SCHEMES = {"data", "blob", "about"}


class Watch:
    def __init__(self, server_url: str):
        self.server = urlsplit(server_url).netloc
        self.requests: list[str] = []
        self.problems: list[str] = []
        self._expected: dict[str, int] = {}
        self._stood_in: set[str] = set()
        self._not_modified: set = set()

    def attach(self, context) -> None:
        context.on("request", self._on_request)
        context.on("requestfailed", self._on_request_failed)
        context.on("response", self._on_response)
        context.on("console", self._on_console)
        context.on("weberror", lambda error: self.problems.append(f"script error: {error.error}"))

    def expect_status(self, path: str, status: int) -> None:
        """An error answer the test asks for (a 404 page, a refusal): not a problem."""
        self._expected[path] = status

    def stand_in_for(self, context, origin: str, body: str) -> None:
        """Answer in place of another site (a player a reader chose to load): the browser
        gets `body`, nothing leaves the machine, and the request is no problem."""
        self._stood_in.add(origin)
        context.route(
            f"{origin}/**", lambda route: route.fulfill(body=body, content_type="text/html")
        )

    def off_site_requests(self) -> list[str]:
        return [url for url in self.requests if not self._is_local(url)]

    def _is_local(self, url: str) -> bool:
        parts = urlsplit(url)
        return parts.scheme in LOCAL_SCHEMES or (
            parts.scheme in ("http", "https") and parts.netloc == self.server
        )

    def _on_request(self, request) -> None:
        self.requests.append(request.url)
        parts = urlsplit(request.url)
        if (
            not self._is_local(request.url)
            and f"{parts.scheme}://{parts.netloc}" not in self._stood_in
        ):
            self.problems.append(f"request leaving the test server: {request.url}")

    def _on_request_failed(self, request) -> None:
        if request.failure == "net::ERR_ABORTED" and urlsplit(request.url).path.endswith(
            "/favicon.png"
        ):
            # The browser drops its own icon request when the test moves on to the next
            # page before the icon arrived: a cancellation, not something the site failed.
            return
        if request.failure == "net::ERR_ABORTED" and request in self._not_modified:
            # Chromium hands a 304 (a live story's poll: nothing new) to the page's script,
            # then reports the request aborted all the same.
            return
        self.problems.append(f"failed request: {request.url} ({request.failure})")

    def _on_response(self, response) -> None:
        if response.status == 304:
            self._not_modified.add(response.request)
        path = urlsplit(response.url).path
        if response.status >= 400 and self._expected.get(path) != response.status:
            self.problems.append(f"error answer {response.status}: {response.url}")

    def _on_console(self, message) -> None:
        if message.type != "error":
            return
        # Chromium logs every error answer; those the test asked for are not problems.
        where = urlsplit(message.location.get("url", "")).path
        if message.text.startswith("Failed to load resource") and where in self._expected:
            return
        self.problems.append(f"console error: {message.text} ({message.location.get('url')})")
