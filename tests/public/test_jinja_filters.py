"""The reader's templates' filters give what Django's own give (newsroom/jinja.py)."""

import unicodedata

import pytest
from django.template.defaultfilters import truncatechars
from django.utils.safestring import SafeString, mark_safe

from newsroom.jinja import fitting_truncatechars

LONG = "La Russie a réaffirmé sa volonté de coopérer avec l’AES. " * 8

TEXTS = [
    "",
    "Court.",
    "x" * 300,
    "x" * 301,
    LONG,
    unicodedata.normalize("NFD", "Côte d’Ivoire : élections"),  # é as e + accent
    unicodedata.normalize("NFD", "é" * 300),  # 600 code points, 300 characters
    mark_safe("<b>déjà</b> sûr"),
]


@pytest.mark.parametrize("text", TEXTS)
@pytest.mark.parametrize("length", [0, 10, 200, 300])
def test_truncatechars_is_djangos(text, length):
    ours, djangos = fitting_truncatechars(text, length), truncatechars(text, length)
    assert ours == djangos
    assert isinstance(ours, SafeString) == isinstance(djangos, SafeString)
