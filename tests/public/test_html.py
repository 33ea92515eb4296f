"""Every public page parses as HTML without errors and has no duplicate ids."""

import re
from collections import Counter

import html5lib
import pytest
from django.urls import reverse

URLS = [
    lambda s: "/",
    lambda s: s.get_absolute_url(),
    lambda s: s.section.get_absolute_url(),
    lambda s: "/mot-cle/aes/",
    lambda s: s.bylines.first().author.get_absolute_url(),
    lambda s: reverse("articles:search") + "?q=russie",
    lambda s: "/contact/",
    lambda s: "/introuvable/",
]


@pytest.mark.parametrize("url_of", URLS)
def test_page_is_well_formed(client, story, url_of):
    html = client.get(url_of(story)).content.decode()
    parser = html5lib.HTMLParser(strict=False)
    parser.parse(html)
    assert parser.errors == []
    ids = Counter(re.findall(r'\sid="([^"]+)"', html))
    assert [i for i, n in ids.items() if n > 1] == []
