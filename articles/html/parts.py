"""The parts every reader's page shares, as the values their templates show.

Each runs at most one query, whatever the page. newsroom/jinja.py hands them to the templates.
"""

import json
from functools import lru_cache
from typing import NamedTuple

from django.conf import settings
from django.core.files.storage import default_storage
from django.core.serializers.json import DjangoJSONEncoder
from django.template.defaultfilters import capfirst
from django.urls import translate_url
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import get_language_info
from django.utils.translation import gettext as _

from articles.search import MAX_LENGTH as MAX_SEARCH_LENGTH
from articles.share import share_links
from newsroom.absolute import absolute
from newsroom.links import url_for, url_maker
from newsroom.sql import rows
from newsroom.text import clean_line

# Characters that could end the script element or start markup, written as JSON escapes.
_JSON_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


def jsonld(data) -> str:
    """A JSON-LD block no text can break out of (no `</script>`, no markup)."""
    text = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False).translate(_JSON_ESCAPES)
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(text))


SECTIONS = """
SELECT id, name, slug, description, position FROM articles_section ORDER BY position, name
"""


class MenuSection(NamedTuple):
    """A section as the reader's pages show it: built for each of the menu's sections on
    every page, where a model instance cost ten times as much."""

    pk: int
    name: str
    slug: str
    description: str
    position: int

    def get_absolute_url(self) -> str:
        return url_for("articles:section", self.slug)

    def __str__(self) -> str:
        return self.name


def sections(request) -> list[MenuSection]:
    """The site's sections in menu order, read once per request: the menu shows them and a
    section's page finds its own among them. One small prepared statement (newsroom/sql.py)."""
    found = getattr(request, "_sections", None)
    if found is None:
        found = [MenuSection(*row) for row in rows(SECTIONS, prepared=True)]
        remember_sections(request, found)
    return found


# The menu's statement with a page's own lookup (one row at most) joined to its first row,
# run once (PostgreSQL materializes it): the lookup's own round trip is saved, which costs
# 0.18 ms of the app's CPU and 0.09 ms of PostgreSQL's even for one row, a tenth of a
# section page's CPU in process. `columns`: more of each section's, after its own.
# The menu's sections numbered in menu order from 1 (n), for a statement that reads them
# beside its own rows.
MENU = """SELECT id, name, slug, description, position,
        row_number() OVER (ORDER BY position, name) AS n FROM articles_section"""
SECTIONS_WITH = f"""
SELECT s.id, s.name, s.slug, s.description, s.position, {{columns}}x.*
FROM ({MENU}) s
LEFT JOIN ({{lookup}}) x ON s.n = 1
ORDER BY s.n
"""


def sections_with(request, lookup: str, params, prepared: bool = True) -> tuple | None:
    """The menu's sections, as sections() reads them, and the row a page's own `lookup`
    found (its first column never null), or None. Prepared, as both are alone, unless the
    lookup's best plan depends on its values (a search's words).

    A site without sections finds nothing: it has no article, nor any tag or author that
    one signs, to show.
    """
    found = menu_rows(request, lookup, params, prepared=prepared)
    looked_up = found[0][5:] if found else None
    return looked_up if looked_up and looked_up[0] is not None else None


def menu_rows(
    request, lookup: str, params, columns: str = "", prepared: bool = True
) -> list[tuple]:
    """SECTIONS_WITH's rows, their sections remembered for the menu."""
    found = rows(SECTIONS_WITH.format(lookup=lookup, columns=columns), params, prepared=prepared)
    remember_sections(request, [MenuSection(*row[:5]) for row in found])
    return found


def menu_beside(request, statement: str, params) -> list[tuple]:
    """The rows of a prepared `statement` that reads the menu's sections (MENU) beside a
    page's own rows, row by row: each row starts with a section's five columns (null past
    the last section) and goes on with a page's row (null past the page's last). The
    sections are remembered for the menu; each row is returned without them."""
    found = rows(statement, params, prepared=True)
    remember_sections(request, [MenuSection(*row[:5]) for row in found if row[0] is not None])
    return [row[5:] for row in found]


def looked_up(request, lookup: str, params) -> tuple | None:
    """The row a page's own `lookup` finds, or None: with the menu's sections when there is a
    page's request (sections_with), alone when not (a feed)."""
    if request is None:
        return next(iter(rows(lookup, params, prepared=True)), None)
    return sections_with(request, lookup, params)


def remember_sections(request, found: list) -> None:
    """For a page that read every section in menu order itself (the home page)."""
    if request is not None:
        request._sections = found


def site_nav(menu: tuple, current: tuple | None) -> list:
    """The sections menu: (name, url, is this page), for the sections of `menu` and the
    entry `current` (menu_entry) in the active language."""
    section_url = url_maker("articles:section")
    links = [(_("Home"), url_for("articles:home"), current == ("articles:home", None))]
    for section in menu:
        links.append(
            (section.name, section_url(section.slug), current == ("articles:section", section.slug))
        )
    return links


def menu_entry(request) -> tuple | None:
    """Which entry of the menu this page is, if one: (view name, section slug or None)."""
    match = getattr(request, "resolver_match", None)
    if match is None or match.view_name not in ("articles:home", "articles:section"):
        return None
    return match.view_name, match.kwargs.get("slug")


def search_query(request) -> str:
    """The reader's search words as the search box shows them, control characters out."""
    return clean_line(request.GET.get("q", "")[:MAX_SEARCH_LENGTH]) if request else ""


def search_box(request, prefix="site-search", name=None) -> dict:
    """The search form: plain markup, as it is on every page (crispy cost 0.7 ms a page)."""
    return {
        "action": url_for("articles:search"),
        "query": search_query(request),
        "max_length": MAX_SEARCH_LENGTH,
        "prefix": prefix,
        "name": name or _("Site search"),
    }


def share_bar(article, place="top") -> dict:
    url = absolute(article.get_absolute_url())
    return {
        "links": share_links(article.headline, url),
        "url": url,
        "title": article.headline,
        "place": place,
    }


def language_links(request) -> list:
    """(code, name, this page's address in that language) for each of the site's languages."""
    return [
        (code, language_name(code), in_language(request, code)) for code, _ in settings.LANGUAGES
    ]


@lru_cache(maxsize=16)
def language_name(code: str) -> str:
    """The language's own name, as its speakers write it at the start of a line (Français)."""
    return capfirst(get_language_info(code)["name_local"])


def in_language(request, code: str) -> str:
    """This page's address in another language, query string kept.

    Pages named by a slug alone (all the reader's lists and articles) are built from the
    resolved route: translate_url resolves the path again and cost 0.2 ms on every page.
    """
    path = request.get_full_path() if request else "/"
    match = getattr(request, "resolver_match", None)
    if match is None or not match.namespace or set(match.kwargs) - {"slug"} or match.args:
        return translate_url(path, code)
    query = path.partition("?")[2]
    url = url_for(match.view_name, match.kwargs.get("slug"), language=code)
    return f"{url}?{query}" if query else url


def og_locale(language_code: str) -> str:
    return settings.OG_LOCALES.get(language_code, language_code)


ARTICLE_SIZES = "(min-width: 44rem) 42rem, 100vw"


def article_picture(article, eager=False, sizes=ARTICLE_SIZES) -> dict:
    """<picture> with WebP and fallback srcsets, explicit size, lazy unless above the fold.

    When the renditions cannot be made (another process is making them, or the stored
    original is damaged, which is logged) a placeholder of the same shape stands in.
    """
    context = {"alt": article.image_alt, "eager": eager, "sizes": sizes}
    images = article.images
    if not images or not images.get("widths"):
        width, height = article.image_width or 1600, article.image_height or 900
        return {**context, "placeholder": True, "width": width, "height": height}
    widths = images["widths"]
    largest, middle = widths[-1], widths[min(1, len(widths) - 1)]
    url = default_storage.url
    return {
        **context,
        "webp_srcset": ", ".join(f"{url(w[2])} {w[0]}w" for w in widths),
        "fallback_srcset": ", ".join(f"{url(w[3])} {w[0]}w" for w in widths),
        "src": url(middle[3]),
        "width": largest[0],
        "height": largest[1],
    }


def social_image(article):
    """The 1200×630 crop shared links show: {url, width, height}, or None."""
    crop = (article.images or {}).get("crops", {}).get("og") if article.featured_image else None
    if not crop:
        return None
    return {"url": absolute(default_storage.url(crop[3])), "width": crop[0], "height": crop[1]}


def portrait(author, size=96, eager=False) -> dict:
    photos = author.photos if author.photo else None
    crops = (photos or {}).get("crops", {})
    one, two = crops.get(f"sq{size}"), crops.get(f"sq{size * 2}") or crops.get("sq400")
    if not one:
        return {"missing": True}
    return {
        "size": size,
        "eager": eager,
        "webp_srcset": f"{default_storage.url(one[2])} 1x"
        + (f", {default_storage.url(two[2])} 2x" if two else ""),
        "src": default_storage.url(one[3]),
        "srcset": f"{default_storage.url(one[3])} 1x"
        + (f", {default_storage.url(two[3])} 2x" if two else ""),
    }
