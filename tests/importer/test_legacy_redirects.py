"""Old WordPress addresses answer 301 to the new article — published ones only, and never
in place of a page that exists."""

import uuid

import pytest
from django.db import connection
from django.http import HttpResponse
from django.test.utils import CaptureQueriesContext
from django.urls import path as route

from articles.models import Article
from tests.conftest import client_for
from tests.importer.exports import SITE, export, post


@pytest.fixture
def imported(run_import):
    run_import(
        export(
            post(12, "Publié", slug="le-marche", date="2024-03-05 10:00:00"),
            post(13, "Brouillon", slug="le-brouillon", status="draft"),
            post(14, "Privé", slug="le-secret", status="private"),
            post(15, "Plus tard", slug="plus-tard", status="future", date="2099-01-01 10:00:00"),
            post(16, "Contact", slug="contact"),
            post(17, "Lien maison", slug="maison", link=f"{SITE}/actualites/maison.html"),
            post(18, "Accents", slug="%c3%a9t%c3%a9", date="2024-06-01 10:00:00"),
        )
    )
    return {a.headline: a for a in Article.objects.all()}


@pytest.mark.parametrize(
    "old",
    [
        "/?p=12",
        "/2024/03/05/le-marche/",
        "/2024/03/le-marche/",
        "/le-marche/",
        "/le-marche",
        "/2024/03/05/Le-Marche",
        "/index.php?p=12",
    ],
)
def test_old_addresses_redirect_permanently(client, imported, old):
    response = client.get(old)
    assert response.status_code == 301
    assert response["Location"] == imported["Publié"].get_absolute_url()
    assert client.get(response["Location"]).status_code == 200


def test_the_permalink_in_the_export_redirects_too(client, imported):
    response = client.get("/actualites/maison.html")
    assert (response.status_code, response["Location"]) == (301, "/article/maison/")


def test_non_ascii_old_addresses_redirect(client, imported):
    response = client.get("/2024/06/01/%C3%A9t%C3%A9/")
    assert (response.status_code, response["Location"]) == (
        301,
        imported["Accents"].get_absolute_url(),
    )


def test_tracking_terms_are_dropped_for_readers_and_kept_for_staff(client, imported, editor):
    # Readers' answers are those of the clean address: trackers never make a cache entry.
    assert client.get("/?p=12&utm_source=lettre")["Location"] == "/article/le-marche/"
    client.force_login(editor)
    response = client.get("/?p=12&utm_source=lettre")
    assert response["Location"] == "/article/le-marche/?utm_source=lettre"


@pytest.mark.parametrize(
    ("headline", "paths"),
    [
        ("Brouillon", ["/?p=13", "/le-brouillon/"]),
        ("Privé", ["/?p=14", "/2024/03/05/le-secret/", "/le-secret/"]),
        ("Plus tard", ["/?p=15", "/2099/01/01/plus-tard/", "/plus-tard/"]),
    ],
)
def test_articles_not_public_keep_their_old_addresses_missing(client, imported, headline, paths):
    assert Article.objects.get(headline=headline).legacy_addresses.exists()
    for path in paths:
        response = client.get(path)
        assert response.status_code == (200 if path.startswith("/?") else 404), path
        assert "Location" not in response


def test_an_unpublished_article_stops_redirecting(client, imported, editor):
    from articles import workflow

    article = imported["Publié"]
    workflow.apply_transition(article, "unpublish", editor, comment="Retrait demandé.")
    assert client.get("/?p=12").status_code == 200  # the home page, not a redirect
    assert client.get("/2024/03/05/le-marche/").status_code == 404


def test_a_page_that_exists_is_never_shadowed(client, imported):
    """Post 16's old address is /contact/, which is the contact page here."""
    response = client.get("/contact/")
    assert response.status_code == 200
    assert "<form" in response.content.decode()
    # Without its slash, the site's own redirect to the page wins, not the old post.
    response = client.get("/contact")
    assert (response.status_code, response["Location"]) == (301, "/contact/")


# A URL configuration with a page where post 12's old address is, for the test below.
urlpatterns = [route("le-marche/", lambda request: HttpResponse("une page"))]


def test_a_page_added_since_an_address_was_checked_is_not_shadowed(client, imported, settings):
    """What the middleware remembers of an address is forgotten with the URL configuration."""
    assert client.get("/le-marche/").status_code == 301  # no page there yet
    settings.ROOT_URLCONF = __name__
    response = client.get("/le-marche/")
    assert (response.status_code, response.content) == (200, b"une page")


def test_long_addresses_are_answered(client, imported):
    assert client.get("/" + "x" * 300 + "/").status_code == 404
    assert client.get(f"/court-{uuid.uuid4().hex}/").status_code == 404


def test_p_on_a_real_page_is_left_to_that_page(imported, editor):
    response = client_for(editor).get("/admin/articles/article/?p=12")
    assert response.status_code != 301


def test_unknown_ids_and_addresses_stay_404(client, imported):
    assert client.get("/?p=999").status_code == 200
    assert client.get("/nulle-part/").status_code == 404
    assert client.get("/?p=12abc").status_code == 200


def test_only_reads_are_redirected(client, imported):
    assert client.post("/le-marche/").status_code != 301


@pytest.mark.parametrize("old", ["/?p=12", "/2024/03/05/le-marche/", "/le-marche/"])
def test_a_redirect_costs_one_lookup_and_one_count(client, imported, old):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(old).status_code == 301
    assert len(queries) == 2
    assert queries[1]["sql"].startswith("UPDATE")


def test_an_old_address_behind_a_page_pattern_redirects_after_its_404(run_import, client):
    """WordPress's permalinks may look like ours: /article/<old slug>/ is tried after the 404."""
    run_import(export(post(1, slug="nouveau", link=f"{SITE}/article/ancien/")))
    response = client.get("/article/ancien/")
    assert (response.status_code, response["Location"]) == (301, "/article/nouveau/")


def test_a_404_costs_one_lookup_more(client, imported):
    with CaptureQueriesContext(connection) as with_lookup:
        assert client.get("/nulle-part/").status_code == 404
    lookups = [q for q in with_lookup if "importer_legacyaddress" in q["sql"]]
    assert len(lookups) == 1


def test_an_old_address_already_taken_keeps_its_first_article(run_import, client):
    run_import(export(post(12, slug="premier")))
    other_site = "https://autre.example.org"
    summary = run_import(export(post(12, slug="second", site=other_site), site=other_site))
    assert any("?p=12" in note and "already leads elsewhere" in note for note in summary.notes)
    assert client.get("/?p=12")["Location"] == "/article/premier/"
    assert client.get("/second/")["Location"] == "/article/second/"
