"""The language menu of every reader's page, written in Python.

As an included template it cost 93 µs a page for two links, and through format_html 78 µs
(bench/profile_page.py): escaping each value with markupsafe, as Jinja does, costs a few.
The markup is the template's.
"""

from django.utils.translation import get_language
from django.utils.translation import gettext as _
from markupsafe import Markup, escape

from articles.html.parts import language_links

CURRENT = ' aria-current="true"'


def language_nav(request) -> Markup:
    """This page in each of the site's languages, the one shown marked as current."""
    current = get_language()
    links = "".join(
        f'<li><a href="{escape(url)}" lang="{escape(code)}" hreflang="{escape(code)}"'
        f"{CURRENT if code == current else ''}>{escape(name)}</a></li>"
        for code, name, url in language_links(request)
    )
    label = escape(_("Language"))
    return Markup(f'<nav class="languages" aria-label="{label}"><ul>\n{links}\n</ul></nav>')
