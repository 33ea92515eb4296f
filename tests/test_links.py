import pytest
from django.urls import NoReverseMatch, reverse
from django.utils import translation

from newsroom.links import slug_url


@pytest.mark.parametrize("language", ["fr", "en"])
@pytest.mark.parametrize("name", ["articles:detail", "articles:section", "articles:tag"])
def test_slug_urls_are_those_django_reverses(name, language):
    with translation.override(language):
        for slug in ("a", "un-titre_2", "x" * 80):
            assert slug_url(name, slug) == reverse(name, kwargs={"slug": slug})


def test_a_slug_django_would_refuse_is_refused():
    for slug in ("", "deux/mots", "été", "a b"):
        with pytest.raises(NoReverseMatch):
            slug_url("articles:tag", slug)
