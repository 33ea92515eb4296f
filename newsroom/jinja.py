"""The Jinja2 environment of the reader's pages (templates/jinja2/).

Django's template engine spent about half of each public page's CPU walking its nodes: a
page is rendered on every uncached request, mostly by readers on phones. Jinja compiles
each template to Python once. The admin keeps Django's templates.

Translations: only `_("…")` and `_("… %(name)s …")|format(name=…)` in templates, which
`makemessages` reads; plurals are written in Python (ngettext), where it reads them too.
"""

import unicodedata
from functools import lru_cache

from crispy_forms.utils import render_crispy_form
from django.template.defaultfilters import capfirst, date, linebreaksbr, truncatechars
from django.templatetags.static import static
from django.utils import timezone, translation
from jinja2 import Environment

from articles.html import cards, language_nav, parts, plurals, shell
from newsroom.absolute import absolute
from newsroom.links import url_for


def local_date(value, format_name="DATE_FORMAT") -> str:
    """Django's `date` filter, in the site's time zone as Django's templates wrote it."""
    if value is None:
        return ""
    return date(timezone.localtime(value) if timezone.is_aware(value) else value, format_name)


def fitting_truncatechars(value, length: int):
    """Django's truncatechars, which gives text in NFC no longer than `length` back as it is:
    so does this, without its 45 µs (most standfirsts, on every article page)."""
    if isinstance(value, str) and len(value) <= length and unicodedata.is_normalized("NFC", value):
        return value
    return truncatechars(value, length)


@lru_cache(maxsize=64)
def static_url(path: str) -> str:
    """static(), once per file and process: the manifest it reads is fixed until the next
    deployment restarts the server, and each call cost 20 µs (urljoin, quoting)."""
    return static(path)


def crispy(form, csrf_token) -> str:
    """crispy's {% crispy form %}, with the CSRF token its form tag writes."""
    return render_crispy_form(form, context={"csrf_token": csrf_token})


def environment(**options) -> Environment:
    env = Environment(extensions=["jinja2.ext.i18n"], **options)
    env.install_gettext_callables(translation.gettext, translation.ngettext, newstyle=False)
    env.globals.update(
        static=static_url,
        link=url_for,
        get_language=translation.get_language,
        crispy=crispy,
        byline=cards.byline,
        time_tag=cards.time_tag,
        card_meta=cards.card_meta,
        article_cards=cards.article_cards,
        reading_time=plurals.reading_time,
        search_results=plurals.search_results,
        page_shell=shell.page_shell,
        search_box=parts.search_box,
        share_bar=parts.share_bar,
        language_nav=language_nav.language_nav,
        og_locale=parts.og_locale,
        article_picture=parts.article_picture,
        social_image=parts.social_image,
        portrait=parts.portrait,
    )
    env.filters.update(
        absolute_url=absolute,
        jsonld=parts.jsonld,
        date=local_date,
        truncatechars=fitting_truncatechars,
        linebreaksbr=linebreaksbr,
        capfirst=capfirst,
    )
    return env
