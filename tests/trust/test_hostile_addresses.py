"""TRUST 38: no address, query string or admin list filter reaches a 500, whatever it holds.

Every URL pattern of the project is walked with hostile values in its parameters, and every
admin list with hostile values in each of its filters. On PostgreSQL (CI) a NUL byte or a
bad regular expression used to be a database error; SQLite lets them pass.
"""

import re

import pytest
from django.contrib import admin
from django.test import RequestFactory
from django.urls import URLResolver, get_resolver
from django.urls.resolvers import LocalePrefixPattern, RoutePattern

from tests.conftest import client_for
from tests.factories import ArticleFactory, UserFactory

HOSTILE = ["%00", "a%00b", "..%2F..%2Fsettings.py", "%FF%FE", "%27%22%3Cx%3E", "9" * 30, "\\"]
FILTER_VALUES = ["%00", "\\", "%27", "-1", "9" * 30, "2026-13-45", "abc", "[", "%FF"]
ROUTE_PARAMETER = re.compile(r"<(?:\w+:)?\w+>")
REGEX_GROUP = re.compile(r"\(\?P<\w+>(?:[^()]|\([^()]*\))*\)")


def routes(patterns, prefix=""):
    """Each pattern's address with `{}` where its parameters go."""
    for pattern in patterns:
        route = _route(pattern.pattern)
        if isinstance(pattern, URLResolver):
            yield from routes(pattern.url_patterns, prefix + route)
        else:
            yield prefix + route


def _route(pattern) -> str:
    if isinstance(pattern, LocalePrefixPattern):
        return pattern.language_prefix
    if isinstance(pattern, RoutePattern):
        return ROUTE_PARAMETER.sub("{}", str(pattern))
    return REGEX_GROUP.sub("{}", pattern.regex.pattern.lstrip("^").rstrip("$").replace("\\", ""))


@pytest.fixture
def everything(editor, journalist):
    ArticleFactory(authors=[journalist.author_profile]).tags.add("Sahel")
    return UserFactory(username="root", is_superuser=True)


def test_every_address_with_hostile_parameters_answers_without_a_500(client, everything):
    staff = client_for(everything)
    addresses = sorted({route for route in routes(get_resolver().url_patterns)})
    assert len(addresses) > 50  # the public pages, the feeds, the admin's
    for route in addresses:
        for value in HOSTILE:
            path = "/" + route.replace("{}", value)
            for who in (client, staff):
                status = who.get(path).status_code
                assert status < 500, (path, status)
                if "%00" in value and "{}" in route:
                    assert status in (400, 404), path


def test_every_public_query_string_with_hostile_values_answers_without_a_500(client, everything):
    for path in ("/", "/recherche/", "/auteurs/", "/flux/rss/", "/sitemap.xml"):
        for key in ("page", "q", "p", "o", "archives"):
            for value in HOSTILE:
                status = client.get(f"{path}?{key}={value}").status_code
                assert status < 500, (path, key, value, status)


def changelist_parameters(model_admin, user) -> set[str]:
    """What this admin list accepts: its filters' parameters, its dates', search, order, page."""
    request = RequestFactory().get("/")
    request.user = user
    changelist = model_admin.get_changelist_instance(request)
    names = {"q", "o", "p", "all", "_to_field", "e"}
    for spec in changelist.filter_specs:
        names |= set(spec.expected_parameters())
    if model_admin.date_hierarchy:
        names |= {f"{model_admin.date_hierarchy}__{part}" for part in ("year", "month", "day")}
    return names


def test_every_admin_list_filter_with_hostile_values_answers_without_a_500(everything):
    staff = client_for(everything)
    for model, model_admin in admin.site._registry.items():
        url = f"/admin/{model._meta.app_label}/{model._meta.model_name}/"
        assert staff.get(url).status_code == 200, url
        for name in sorted(changelist_parameters(model_admin, everything)):
            for value in FILTER_VALUES:
                status = staff.get(f"{url}?{name}={value}").status_code
                assert status < 500, (url, name, value, status)
                if value == "%00":
                    assert status == 400, (url, name)


def test_lookups_no_filter_offers_are_refused(everything):
    staff = client_for(everything)
    for lookup in ("headline__regex", "headline__iregex", "username__regex"):
        for url in ("/admin/articles/article/", "/admin/auth/user/"):
            assert staff.get(f"{url}?{lookup}=%5C").status_code == 400


def test_a_nul_byte_in_a_cookie_is_refused(client):
    assert client.get("/", HTTP_COOKIE='sessionid="\\000"').status_code == 400
