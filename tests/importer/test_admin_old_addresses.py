"""The desk's list of old addresses: their uses shown, editors add and change them, nobody
else does (a journalist's forged POST changes nothing), and only pages of this site."""

import pytest
from django.contrib.auth.models import Permission
from django.core.cache import cache
from django.test import Client
from django.urls import reverse

from importer.models import LegacyAddress
from tests.conftest import client_for
from tests.importer.exports import export, post

LIST = reverse("admin:importer_legacyaddress_changelist")
ADD = reverse("admin:importer_legacyaddress_add")


def change_url(address):
    return reverse("admin:importer_legacyaddress_change", args=[address.pk])


def form(key="", target="", article=""):
    return {"key": key, "target": target, "article": str(article)}


@pytest.fixture
def imported(run_import):
    run_import(export(post(12, "Le marché", slug="le-marche")))
    return LegacyAddress.objects.get(key="/le-marche/")


def test_editors_see_each_address_with_its_uses(imported, editor):
    LegacyAddress.objects.filter(pk=imported.pk).update(uses=317)
    response = client_for(editor).get(LIST)
    assert response.status_code == 200
    html = response.content.decode()
    assert "/le-marche/" in html and "317" in html and "Le marché" in html


def test_an_editor_adds_an_address_spelled_as_the_old_site_wrote_it(client, editor):
    response = client_for(editor).post(
        ADD, form(key="https://ancien.example.com/Dossiers/Economie", target="/rubrique/eco/")
    )
    assert response.status_code == 302
    address = LegacyAddress.objects.get()
    assert (address.key, address.target, address.article) == (
        "/dossiers/economie/",
        "/rubrique/eco/",
        None,
    )
    assert client.get("/Dossiers/Economie/")["Location"] == "/rubrique/eco/"


def test_an_editor_changes_where_an_address_leads(client, imported, editor):
    response = client_for(editor).post(
        change_url(imported), form(key=imported.key, target="/rubrique/economie/")
    )
    assert response.status_code == 302
    imported.refresh_from_db()
    assert (imported.article, imported.target) == (None, "/rubrique/economie/")
    assert client.get("/le-marche/")["Location"] == "/rubrique/economie/"


@pytest.mark.parametrize(
    "target",
    ["https://ailleurs.example.org/", "//ailleurs.example.org/", "javascript:alert(1)", "/\\x"],
)
def test_only_pages_of_this_site_are_accepted(editor, target):
    response = client_for(editor).post(ADD, form(key="/ancien/", target=target))
    assert response.status_code == 200  # the form again, with its error
    assert not LegacyAddress.objects.exists()


@pytest.mark.parametrize(
    ("key", "target", "with_article"),
    [("/ancien/", "", False), ("/ancien/", "/rubrique/eco/", True), ("/", "/rubrique/eco/", False)],
    ids=["no destination", "two destinations", "the home page"],
)
def test_an_old_address_leads_to_one_destination(imported, editor, key, target, with_article):
    before = list(LegacyAddress.objects.values())
    article = imported.article_id if with_article else ""
    response = client_for(editor).post(ADD, form(key=key, target=target, article=article))
    assert response.status_code == 200  # the form again, with its error
    assert list(LegacyAddress.objects.values()) == before


def test_a_journalists_forged_post_is_refused_and_changes_nothing(imported, journalist):
    before = list(LegacyAddress.objects.values())
    desk = client_for(journalist)
    assert desk.post(ADD, form(key="/piege/", target="/")).status_code == 403
    assert desk.post(change_url(imported), form(key="/x/", target="/")).status_code == 403
    assert list(LegacyAddress.objects.values()) == before


def test_the_model_permission_alone_does_not_make_an_editor(imported, journalist):
    journalist.user_permissions.add(
        *Permission.objects.filter(
            content_type__app_label="importer", codename__endswith="legacyaddress"
        )
    )
    before = list(LegacyAddress.objects.values())
    desk = client_for(journalist)
    assert desk.post(ADD, form(key="/piege/", target="/")).status_code == 403
    response = desk.post(change_url(imported), form(key=imported.key, target="/"))
    assert response.status_code == 403
    assert list(LegacyAddress.objects.values()) == before


def test_readers_and_strangers_cannot_see_the_list(imported, outsider):
    assert Client().get(LIST).status_code == 302  # to the sign-in page
    assert client_for(outsider).get(LIST).status_code == 403


def test_a_cached_404_gives_way_to_an_address_added_since(
    settings, editor, django_capture_on_commit_callbacks
):
    settings.PAGE_CACHE_ENABLED = True
    cache.clear()
    reader = Client()
    assert reader.get("/vieille-page/").status_code == 404
    assert reader.get("/vieille-page/")["X-Page-Cache"] == "hit"
    with django_capture_on_commit_callbacks(execute=True):
        client_for(editor).post(ADD, form(key="/vieille-page/", target="/rubrique/eco/"))
    response = reader.get("/vieille-page/")
    assert (response.status_code, response["Location"]) == (301, "/rubrique/eco/")
