"""The Jinja2 environment of the reader's pages (templates/jinja2/); the admin keeps Django's.

Translations: only `_("…")` and `_("… %(name)s …")|format(name=…)` in templates, which
`makemessages` reads; plurals are written in Python (articles/templating.py).
"""

from functools import cache

from crispy_forms.utils import render_crispy_form
from django.template.defaultfilters import capfirst, date, linebreaksbr, truncatechars
from django.templatetags.static import static
from django.utils import timezone, translation
from jinja2 import Environment

from articles import templating
from newsroom.absolute import absolute
from newsroom.dates import machine_time


def local_date(value, format_name="DATE_FORMAT") -> str:
    """Django's `date` filter, in the site's time zone as Django's templates write it."""
    if value is None:
        return ""
    return date(timezone.localtime(value) if timezone.is_aware(value) else value, format_name)


def crispy(form, csrf_token) -> str:
    """crispy's {% crispy form %}, with the CSRF token its form tag writes."""
    return render_crispy_form(form, context={"csrf_token": csrf_token})


def environment(**options) -> Environment:
    env = Environment(extensions=["jinja2.ext.i18n"], **options)
    env.install_gettext_callables(translation.gettext, translation.ngettext, newstyle=False)
    env.globals.update(
        static=cache(static),  # the manifest is fixed until the next deployment restarts us
        link=templating.link,
        now=timezone.localtime,
        get_language=translation.get_language,
        crispy=crispy,
        site_menu=templating.site_menu,
        site_text_lang=templating.site_text_lang,
        breaking_news=templating.breaking_news,
        search_box=templating.search_box,
        share_bar=templating.share_bar,
        language_links=templating.language_links,
        alternates=templating.alternates,
        lang_unless_page=templating.lang_unless_page,
        og_locale=templating.og_locale,
        reading_time=templating.reading_time,
        search_results=templating.search_results,
        article_picture=templating.article_picture,
        card_picture=templating.card_picture,
        body_html=templating.body_html,
        social_image=templating.social_image,
        portrait=templating.portrait,
    )
    env.filters.update(
        absolute_url=absolute,
        jsonld=templating.jsonld,
        date=local_date,
        machine_time=machine_time,
        truncatechars=truncatechars,
        linebreaksbr=linebreaksbr,
        capfirst=capfirst,
    )
    return env
