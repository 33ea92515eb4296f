"""Clean-up for single-line text typed or pasted by staff."""

import re
import unicodedata

# C0/C1 controls and the bidirectional overrides/isolates, which can disguise text.
_INVISIBLE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\u200e\u200f]")


def clean_line(text: str) -> str:
    """NFC-normalised, control characters removed, whitespace collapsed, trimmed."""
    text = unicodedata.normalize("NFC", text or "")
    text = _INVISIBLE.sub("", text)
    return " ".join(text.split())
