"""Opaque cursors for the API's lists: the sort key where the last page stopped.

A cursor names its list's order, so one made for another order is refused: paging with it
would skip or repeat items.
"""

import base64
import binascii
import json
from datetime import datetime


class BadCursor(ValueError):
    pass


def encode(order: str, *key) -> str:
    values = [v.isoformat() if isinstance(v, datetime) else v for v in key]
    raw = json.dumps([order, *values], separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode(order: str, cursor: str, *types) -> tuple:
    """The sort key the previous page ended at, each value of its type (datetime or int);
    BadCursor if the API did not give this cursor for this order."""
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        named, *values = json.loads(raw)
    except (binascii.Error, ValueError, TypeError, UnicodeDecodeError) as error:
        raise BadCursor("This cursor is not one the API gave.") from error
    if named != order or len(values) != len(types):
        raise BadCursor("This cursor belongs to another list or order.")
    return tuple(_typed(value, kind) for value, kind in zip(values, types, strict=True))


def _typed(value, kind):
    if kind is datetime:
        try:
            moment = datetime.fromisoformat(value)
        except (TypeError, ValueError) as error:
            raise BadCursor("This cursor is not one the API gave.") from error
        if moment.tzinfo is None or not 1900 <= moment.year <= 2200:
            raise BadCursor("This cursor is not one the API gave.")
        return moment
    if type(value) is not int:
        raise BadCursor("This cursor is not one the API gave.")
    return value
