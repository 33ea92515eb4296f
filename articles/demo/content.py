"""The demo's words, read from content.json: users, sections, authors and articles."""

import json
from pathlib import Path

_DATA = json.loads(Path(__file__).with_name("content.json").read_text(encoding="utf-8"))

LANGUAGE = _DATA["language"]  # every demo article's
PICTURE = _DATA["picture"]  # featured pictures' alt text ("{section}": its name) and credit
USERS = _DATA["users"]
SECTIONS = _DATA["sections"]
AUTHORS = _DATA["authors"]
REFERENCE = _DATA["reference"]  # the real page the article page is modelled on, as written
ARTICLES = [REFERENCE, *_DATA["articles"]]  # in the order they are loaded
