"""Counts readers' views of articles, on the server: no cookie, nothing of another site.

The article's view marks its page (`counted_article`); the mark is kept with the page in
the page cache, and this middleware sits outside that cache, so cached pages count too.
"""

import logging
import re

from audience import counting

logger = logging.getLogger(__name__)

# Robots, link previewers (WhatsApp's, Facebook's: not readers) and scripts. Browsers name
# no address in their User-Agent; robots mostly do. "Cubot" is a phone.
ROBOTS = re.compile(
    r"(?<!cu)bot|crawl|spider|slurp|archiv|index|fetch|scrap|scan|check|preview|feed|"
    r"headless|lighthouse|pagespeed|pingdom|uptime|monitor|validator|synthetic|selenium|"
    r"playwright|facebookexternalhit|facebookcatalog|meta-external|whatsapp|embedly|"
    r"iframely|cardyb|vkshare|skypeuri|slack|google-|googleother|mediapartners|chatgpt|"
    r"claude|anthropic|cohere|perplexity|python|curl|wget|go-http|java|okhttp|libwww|http|"
    r"axios|phantomjs|ruby|php|zgrab|nikto|@|www\.|\.(?:com|net|org|io|ai)\b",
    re.IGNORECASE,
)
# Sent by browsers fetching a page ahead of a click that may never come.
PREFETCH_HEADERS = ("Sec-Purpose", "Purpose", "X-Purpose", "X-Moz")
PREFETCH_WORDS = ("prefetch", "prerender", "preview")


def is_reader(request) -> bool:
    """A person reading: not a robot, a prefetch, a HEAD, or the newsroom's own staff (any
    signed-in account: their visits are checks, not readers')."""
    if request.method != "GET":
        return False
    agent = request.headers.get("User-Agent", "")
    if not agent or ROBOTS.search(agent):
        return False
    for name in PREFETCH_HEADERS:
        value = request.headers.get(name, "").lower()
        if any(word in value for word in PREFETCH_WORDS):
            return False
    user = getattr(request, "user", None)
    return user is None or not user.is_authenticated


class ReadCounterMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        counted = getattr(response, "counted_article", None)
        try:
            if counted is not None and response.status_code == 200 and is_reader(request):
                counting.record(*counted)
        except Exception:  # a count is never worth a reader's page
            logger.exception("A read could not be counted.")
        return response
