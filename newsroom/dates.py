"""Dates a newsroom can mean: 1900 to 2200. Beyond them a slip of the keyboard (year 1) or a
broken export, which local time cannot even show (Abidjan's 1 January of year 1 is in year 0)."""

from datetime import UTC, datetime

from django.core.exceptions import ValidationError
from django.db.models import Q
from django.utils import timezone
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


def machine_time(when: datetime | None) -> str:
    """The time as machines read it (<time datetime>, JSON-LD, Open Graph): local time to the
    second, with its offset, "2026-12-04T15:05:00+00:00". HTML allows at most three digits
    of a second; readers are never shown them. An offset HTML cannot write (the local mean
    time of zones before 1912, -00:16:08 in Abidjan) gives the time in UTC."""
    if when is None:
        return ""
    if timezone.is_aware(when):
        when = timezone.localtime(when)
        if when.utcoffset().seconds % 60:
            when = when.astimezone(UTC)
    return when.replace(microsecond=0).isoformat()
