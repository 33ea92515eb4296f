"""Dates a newsroom can mean: 1900 to 2200. Beyond them a slip of the keyboard (year 1) or a
broken export, which local time cannot even show (Abidjan's 1 January of year 1 is in year 0)."""

from datetime import UTC, datetime

from django.core.exceptions import ValidationError
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

EARLIEST = datetime(1900, 1, 1, tzinfo=UTC)
LATEST = datetime(2200, 12, 31, 23, 59, 59, tzinfo=UTC)


def is_plausible(when: datetime) -> bool:
    # The year first: comparing year 1 in a zone west of UTC with anything overflows.
    return EARLIEST.year <= when.year <= LATEST.year and EARLIEST <= when <= LATEST


def validate_plausible(when: datetime) -> None:
    if when is not None and not is_plausible(when):
        raise ValidationError(_("Choose a date between 1900 and 2200."), code="implausible_date")


def plausible(field: str) -> Q:
    """The check constraint that keeps even a queryset update() within the range."""
    return Q(**{f"{field}__isnull": True}) | Q(**{f"{field}__range": (EARLIEST, LATEST)})
