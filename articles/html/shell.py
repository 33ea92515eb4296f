"""The shell of every reader's page: its <head> links, masthead, menu and footer links.

It shows nothing but the site's name, the language, the menu, which entry of it is this page,
and the year; rendering it cost a third of a millisecond of CPU on every page (an article's
whole page took 3.6, bench/profile_page.py). So it is rendered once for each such set of
values and kept in the process, as a compiled template is. The menu is still read from the
database on every request (parts.sections) and is part of what is looked up: a section
added, renamed or moved shows at the next request. A reader's search words are shown in the
search box: the shell kept for search pages holds a mark there, replaced by the reader's
words, escaped, for that reader's page only (rendering it on each search took 0.13 ms).
"""

from functools import lru_cache
from typing import NamedTuple

from django.conf import settings
from django.template import engines
from django.urls import get_script_prefix
from django.utils import timezone
from django.utils.translation import get_language
from markupsafe import Markup, escape

from articles.html import parts

KEPT = 64  # shells kept per process: languages × menu entries, a few KB each
# Where a reader's search words go in a kept shell. A reader's words cannot hold it, as
# search_query takes NULs out; and only the rendered shell is searched for it, once.
QUERY_MARK = "\x00query\x00"


class Shell(NamedTuple):
    head: Markup
    header: Markup
    footer: Markup
    year: int


def page_shell(request) -> Shell:
    menu = tuple(parts.sections(request))
    values = (get_language(), get_script_prefix(), settings.SITE_NAME, menu)
    current, query = parts.menu_entry(request), parts.search_query(request)
    year = timezone.localtime().year
    if not query:
        return _kept(*values, current, year)
    marked = _kept(*values, current, year, QUERY_MARK)
    return marked._replace(header=marked.header.replace(QUERY_MARK, escape(query), 1))


def _render(language, script_prefix, site_name, menu, current, year, query="") -> Shell:
    """In the active language, under the active script prefix: both are in the key. The
    menu's links are written here, not before the shell is looked up: 46 µs a page."""
    env = engines["jinja2"].env
    context = {
        "SITE_NAME": site_name,
        "nav": parts.site_nav(menu, current),
        "box": {**parts.search_box(None), "query": query},
    }

    def part(name: str) -> Markup:
        return Markup(env.get_template(f"includes/shell_{name}.html").render(context))

    return Shell(part("head"), part("header"), part("footer"), year)


_kept = lru_cache(maxsize=KEPT)(_render)
