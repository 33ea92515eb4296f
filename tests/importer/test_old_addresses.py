"""Every old address: categories (nested too), tags, authors, feeds, /amp/, /page/N/ and
WordPress's query forms answer 301 to the page of ours they became — and never reveal what
only unpublished articles carry."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from taggit.models import Tag

from articles.models import Article
from authors.models import Author
from importer.models import LegacyAddress
from tests.conftest import client_for
from tests.importer.exports import SITE, author, category, export, post, tag


@pytest.fixture
def site(run_import):
    summary = run_import(
        export(
            post(
                12,
                "Le marché de Dakar",
                slug="le-marche",
                creator="awa",
                categories=[("senegal", "Sénégal")],
                tags=["Sahel"],
            ),
            post(13, "La finale", slug="la-finale", creator="awa", categories=[("sport", "Sport")]),
            post(
                14,
                "Le projet",
                slug="le-projet",
                status="draft",
                creator="yao",
                categories=[("afrique", "Afrique")],
                tags=["Secret"],
            ),
            authors=[
                author("awa", display_name="Awa Koné", author_id=42),
                author("yao", display_name="Yao Kouassi", author_id=43),
            ],
            categories=[
                category("afrique", "Afrique", term_id=5),
                category("senegal", "Sénégal", parent="afrique", term_id=6),
                category("sport", "Sport", term_id=7),
            ],
            tags=[tag("sahel", "Sahel", term_id=9), tag("secret", "Secret", term_id=10)],
        )
    )
    awa = Author.objects.get(display_name="Awa Koné")
    return {
        "summary": summary,
        "article": Article.objects.get(slug="le-marche"),
        "afrique": reverse("articles:section", kwargs={"slug": "afrique"}),
        "sport": reverse("articles:section", kwargs={"slug": "sport"}),
        "senegal": reverse("articles:tag", kwargs={"slug": Tag.objects.get(name="Sénégal").slug}),
        "sahel": reverse("articles:tag", kwargs={"slug": "sahel"}),
        "awa": reverse("authors:detail", kwargs={"slug": awa.slug}),
        "awa_slug": awa.slug,
    }


def redirects_to(client, old):
    response = client.get(old)
    assert response.status_code == 301, (old, response.status_code)
    return response["Location"]


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("/category/afrique/", "afrique"),
        ("/category/sport/", "sport"),
        ("/category/afrique/senegal/", "senegal"),  # a sub-category became a tag
        ("/category/senegal/", "senegal"),  # WordPress answered the slug alone too
        ("/Category/Afrique", "afrique"),
        ("/tag/sahel/", "sahel"),
        ("/author/awa/", "awa"),
        ("/?cat=5", "afrique"),
        ("/?cat=6", "senegal"),
        ("/?tag=sahel", "sahel"),
        ("/?author=42", "awa"),
        ("/index.php?cat=7", "sport"),
    ],
)
def test_categories_tags_and_authors_lead_to_their_new_pages(client, site, old, new):
    location = redirects_to(client, old)
    assert location == site[new]
    assert client.get(location).status_code == 200


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("/feed/", "/flux/rss/"),
        ("/feed/rss2/", "/flux/rss/"),
        ("/feed/atom/", "/flux/atom/"),
        ("/category/afrique/feed/", "/flux/rubrique/afrique/rss/"),
        ("/category/afrique/feed/atom/", "/flux/rubrique/afrique/atom/"),
        ("/category/afrique/senegal/feed/", "/flux/mot-cle/senegal/rss/"),
        ("/tag/sahel/feed/", "/flux/mot-cle/sahel/rss/"),
        ("/author/awa/feed/", "/flux/auteur/{awa_slug}/rss/"),
    ],
)
def test_feeds_lead_to_the_new_feeds(client, site, old, new):
    location = redirects_to(client, old)
    assert location == new.format(**site)
    assert client.get(location).status_code == 200


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("/category/afrique/page/2/", "{afrique}?page=2"),
        ("/category/afrique/senegal/page/3/", "{senegal}?page=3"),
        ("/tag/sahel/page/2/", "{sahel}?page=2"),
        ("/author/awa/page/4/", "{awa}?page=4"),
        ("/category/afrique/page/1/", "{afrique}"),
        ("/page/2/", "/"),
    ],
)
def test_later_pages_lead_to_the_same_page_of_ours(client, site, old, new):
    location = redirects_to(client, old)
    assert location == new.format(**site)
    assert client.get(location).status_code == 200


@pytest.mark.parametrize(
    "old",
    [
        "/2024/03/05/le-marche/amp/",
        "/2024/03/le-marche/amp/",
        "/le-marche/amp/",
        "/2024/03/05/le-marche/?amp=1",
        "/le-marche/?amp",
    ],
)
def test_amp_forms_lead_to_the_article(client, site, old):
    assert redirects_to(client, old) == site["article"].get_absolute_url()


def test_amp_of_the_home_page_is_the_home_page(client, site):
    assert redirects_to(client, "/amp/") == "/"


def test_a_wordpress_search_is_our_search(client, site):
    location = redirects_to(client, "/?s=march%C3%A9+%26+Dakar")
    assert location == "/recherche/?q=march%C3%A9+%26+Dakar"
    assert client.get(location).status_code == 200


def test_staff_keep_other_query_terms_but_not_wordpress_ones(site, editor):
    location = redirects_to(client_for(editor), "/category/afrique/?amp=1&utm_source=lettre")
    assert location == f"{site['afrique']}?utm_source=lettre"


@pytest.mark.parametrize(
    "old",
    [
        "/tag/secret/",  # only a draft carries it
        "/?tag=secret",
        "/author/yao/",  # only a draft of his
        "/?author=43",
        "/le-projet/amp/",
        "/category/inconnue/",
        "/category/afrique/feed/rdf/extra/",
        "/le-marche/feed/",  # a post's comments feed: nothing of ours answers it
    ],
)
def test_nothing_unpublished_or_unknown_is_revealed(client, site, old):
    response = client.get(old)
    assert response.status_code in (200, 404)  # the home page for a query form, else 404
    assert "Location" not in response


def test_a_redirect_counts_its_use(client, site):
    redirects_to(client, "/category/afrique/feed/")
    redirects_to(client, "/?cat=5")
    redirects_to(client, "/category/afrique/")
    address = LegacyAddress.objects.get(key="/category/afrique/")
    assert address.uses == 2 and address.last_used_at is not None  # its feed and itself
    assert LegacyAddress.objects.get(key="?cat=5").uses == 1


@pytest.mark.parametrize(
    "old", ["/category/afrique/senegal/", "/tag/sahel/page/2/", "/?cat=5", "/le-marche/amp/"]
)
def test_a_redirect_costs_a_lookup_and_a_count(client, site, old):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(old).status_code == 301
    assert len(queries) == 2
    assert "importer_legacyaddress" in queries[0]["sql"] and "UPDATE" in queries[1]["sql"]


@pytest.mark.parametrize("old", ["/feed/", "/page/2/", "/?s=sahel"])
def test_the_old_home_page_forms_cost_at_most_a_lookup(client, site, old):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(old).status_code == 301
    assert len(queries) <= 1


def test_a_second_run_keeps_each_address_once(run_import, site):
    count = LegacyAddress.objects.count()
    assert site["summary"].addresses_kept > 0
    summary = run_import(
        export(post(12, slug="le-marche"), categories=[category("sport", "Sport", term_id=7)])
    )
    assert LegacyAddress.objects.count() == count
    assert summary.addresses_kept == 0
    assert not any("already leads elsewhere" in note for note in summary.notes)


def test_an_address_changed_by_an_editor_is_left_as_it_was(run_import, site):
    LegacyAddress.objects.filter(key="/category/sport/").update(target="/rubrique/afrique/")
    summary = run_import(export(categories=[category("sport", "Sport", term_id=7)]))
    assert LegacyAddress.objects.get(key="/category/sport/").target == "/rubrique/afrique/"
    assert any("/category/sport/" in note for note in summary.notes)


def test_a_site_in_a_folder_keeps_its_folder(run_import):
    folder = f"{SITE}/journal"
    run_import(
        export(
            post(1, slug="un", categories=[("sport", "Sport")], site=folder),
            categories=[category("sport", "Sport")],
            site=folder,
        )
    )
    assert LegacyAddress.objects.filter(key="/journal/category/sport/").exists()


def test_with_the_page_cache_each_query_form_keeps_its_own_answer(client, site, settings):
    settings.PAGE_CACHE_ENABLED = True
    cache.clear()
    for _time in range(2):
        assert redirects_to(client, "/?cat=5") == site["afrique"]
        assert redirects_to(client, "/?cat=7") == site["sport"]
    assert client.get("/?cat=5")["X-Page-Cache"] == "hit"
    assert client.get("/?cat=7&utm_source=x")["Location"] == site["sport"]
