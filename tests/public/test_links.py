"""url_for() gives exactly what reverse() gives, in every language, for every value."""

import pytest
from django.urls import NoReverseMatch, reverse
from django.utils import translation

from newsroom.links import url_for

NAMES = ["articles:detail", "articles:section", "articles:tag", "authors:detail", "feeds:tag-rss"]


@pytest.mark.parametrize("language", ["fr", "en"])
@pytest.mark.parametrize("name", NAMES)
@pytest.mark.parametrize("slug", ["politique", "a-b_c-9", "0slot0", "Majuscules"])
def test_same_as_reverse(language, name, slug):
    with translation.override(language):
        assert url_for(name, slug) == reverse(name, kwargs={"slug": slug})


@pytest.mark.parametrize("language", ["fr", "en"])
def test_plain_names(language):
    with translation.override(language):
        for name in ("articles:home", "articles:contact", "feeds:site-rss"):
            assert url_for(name) == reverse(name)
    assert url_for("articles:home") != url_for("articles:contact")


def test_values_reverse_refuses_are_refused():
    for slug in ("élection", "a/b", "", "a b"):
        with pytest.raises(NoReverseMatch):
            url_for("articles:detail", slug)
    with pytest.raises(NoReverseMatch):
        url_for("articles:nothing-by-this-name", "x")
