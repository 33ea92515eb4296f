"""Wording that depends on a number, in Python: makemessages reads ngettext here, not in
Jinja templates. The message ids are the ones Django's templates had."""

from django.utils.translation import gettext as _
from django.utils.translation import ngettext


def reading_time(article) -> str:
    minutes = article.reading_minutes
    return ngettext("%(minutes)s minute read", "%(minutes)s minutes read", minutes) % {
        "minutes": minutes
    }


def search_results(total: int, query: str, more: bool) -> str:
    """How many articles matched, or that there are more than `total` of them."""
    if more:
        return _("More than %(total)s results for “%(query)s”") % {"total": total, "query": query}
    return ngettext(
        "%(total)s result for “%(query)s”", "%(total)s results for “%(query)s”", total
    ) % {"total": total, "query": query}
