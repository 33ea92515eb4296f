"""Wording that depends on a number, in Python: makemessages reads ngettext here, not in
Jinja templates. The message ids are the ones Django's templates had."""

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from articles.html.cards import written_date


def reading_time(article) -> str:
    minutes = article.reading_minutes
    return ngettext("%(minutes)s minute read", "%(minutes)s minutes read", minutes) % {
        "minutes": minutes
    }


def search_results(total: int, query: str, more: bool, since=None) -> str:
    """How many articles matched, or that there are more than `total` of them: since the
    window's start when only the window was searched (ranked_search)."""
    if since is not None:
        return _search_results_since(total, query, more, since)
    if more:
        return _("More than %(total)s results for “%(query)s”") % {"total": total, "query": query}
    return ngettext(
        "%(total)s result for “%(query)s”", "%(total)s results for “%(query)s”", total
    ) % {"total": total, "query": query}


def _search_results_since(total: int, query: str, more: bool, since) -> str:
    words = {"total": total, "query": query, "date": window_start(since)}
    if more:
        return _("More than %(total)s results since %(date)s for “%(query)s”") % words
    return (
        ngettext(
            "%(total)s result since %(date)s for “%(query)s”",
            "%(total)s results since %(date)s for “%(query)s”",
            total,
        )
        % words
    )


def window_start(since) -> str:
    """The search window's first day, in the site's time zone ("1 septembre 2026")."""
    return written_date(timezone.localtime(since).date())
