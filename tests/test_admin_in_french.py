"""The desk reads in French on /admin/ and in English on /en/admin/: its sections, each
model's add, change and view titles written whole (newsroom/admin_titles.py), and the
revision history's states as editors name them."""

import pytest
from django.contrib import admin
from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import translation
from django.utils.html import escape
from taggit.models import Tag

from articles import workflow
from articles.models import BreakingNews, FeaturedStory, PreviewLink, Revision, Tip
from importer.models import ImportRun, LegacyAddress
from live.models import LiveCoverage, LiveEntry
from newsletters.models import Edition, Subscriber
from newsroom.admin_titles import TITLES, ModelTitlesMixin
from tests.conftest import client_for
from tests.factories import PictureFactory, SectionFactory

# Django's own words around a model's name, in the French its catalogue gives them.
GENDERLESS = ["Ajout de", "Modification de", "Affichage de"]

# model: (French add, French change, English add, English change), and how to get one.
PAGES = {
    "articles.article": (
        "Ajouter un article",
        "Modifier l’article",
        "Add article",
        "Change article",
        lambda desk: desk["draft"],
    ),
    "articles.picture": (
        "Ajouter une image",
        "Modifier l’image",
        "Add picture",
        "Change picture",
        lambda desk: PictureFactory(),
    ),
    "articles.section": (
        "Ajouter une rubrique",
        "Modifier la rubrique",
        "Add section",
        "Change section",
        lambda desk: SectionFactory(name="Économie"),
    ),
    "taggit.tag": (
        "Ajouter un mot-clé",
        "Modifier le mot-clé",
        "Add tag",
        "Change tag",
        lambda desk: Tag.objects.create(name="Sahel", slug="sahel"),
    ),
    "authors.author": (
        "Ajouter un auteur",
        "Modifier l’auteur",
        "Add author",
        "Change author",
        lambda desk: desk["journalist"].author_profile,
    ),
    "auth.user": (
        "Ajouter un utilisateur",
        "Modifier l’utilisateur",
        "Add user",
        "Change user",
        lambda desk: desk["journalist"],
    ),
    "auth.group": (
        "Ajouter un groupe",
        "Modifier le groupe",
        "Add group",
        "Change group",
        lambda desk: Group.objects.get(name="Editors"),
    ),
    "articles.featuredstory": (
        "Ajouter un article mis en avant",
        "Modifier l’article mis en avant",
        "Add featured story",
        "Change featured story",
        lambda desk: FeaturedStory.objects.create(article=desk["draft"]),
    ),
    "articles.breakingnews": (
        "Ajouter un bandeau d’alerte",
        "Modifier le bandeau d’alerte",
        "Add breaking-news banner",
        "Change breaking-news banner",
        lambda desk: BreakingNews.objects.create(text="Alerte"),
    ),
    "importer.legacyaddress": (
        "Ajouter une ancienne adresse",
        "Modifier l’ancienne adresse",
        "Add old address",
        "Change old address",
        lambda desk: LegacyAddress.objects.create(key="/ancien/", target="/"),
    ),
    # Made by the import command only, and read-only: its page is the view page.
    "importer.importrun": (
        None,
        "Voir l’import",
        None,
        "View import run",
        lambda desk: ImportRun.objects.create(export_name="export.xml"),
    ),
    # Made by readers and from the article's page only: no add page.
    "articles.tip": (
        None,
        "Modifier le message de lecteur",
        None,
        "Change reader's tip",
        lambda desk: Tip.objects.create(message="Une coupure d’eau à Yopougon"),
    ),
    "articles.previewlink": (
        None,
        "Modifier le lien d’aperçu",
        None,
        "Change preview link",
        lambda desk: PreviewLink.objects.create(article=desk["draft"], created_by=desk["editor"]),
    ),
    # Started here, then followed from its page: posting and ending have their own pages.
    "live.livecoverage": (
        "Lancer un direct",
        "Voir le direct",
        "Start live coverage",
        "View live coverage",
        lambda desk: LiveCoverage.objects.create(article=desk["draft"]),
    ),
    # Posted from the coverage's page, in one step: no add page.
    "live.liveentry": (
        None,
        "Modifier l’entrée du direct",
        None,
        "Change live entry",
        lambda desk: LiveEntry.objects.create(
            coverage=LiveCoverage.objects.create(article=desk["draft"]), body="<p>Entrée.</p>"
        ),
    ),
    # Only their owners subscribe: no add page; the record of consent is read, not changed.
    "newsletters.subscriber": (
        None,
        "Voir l’abonné",
        None,
        "View subscriber",
        lambda desk: Subscriber.objects.create(email="awa@example.org"),
    ),
    "newsletters.edition": (
        "Nouvelle édition de lettre",
        "Modifier l’édition de lettre",
        "New newsletter edition",
        "Change newsletter edition",
        lambda desk: Edition.objects.create(subject="L’essentiel"),
    ),
}


def url(name, *args, language="fr"):
    with translation.override(language):
        return reverse(name, args=args)


def admin_url(label, page, *args, language="fr"):
    app_label, model_name = label.split(".")
    return url(f"admin:{app_label}_{model_name}_{page}", *args, language=language)


def get_page(user, address):
    response = client_for(user).get(address)
    assert response.status_code == 200, address
    return response, response.content.decode()


def assert_titled(response, html, title):
    assert response.context["title"] == title
    assert f"<h1>{escape(title)}</h1>" in html
    for words in GENDERLESS:
        assert words not in html


@pytest.fixture
def desk(admin_user, editor, journalist, draft):
    return {"admin": admin_user, "editor": editor, "journalist": journalist, "draft": draft}


def test_every_model_on_the_desk_has_its_titles_written_whole():
    ours = {
        model._meta.label_lower: model_admin
        for model, model_admin in admin.site._registry.items()
        if model._meta.app_label
        in {"articles", "authors", "importer", "live", "newsletters", "taggit", "auth"}
    }
    assert set(ours) == set(PAGES) == set(TITLES)
    assert all(isinstance(model_admin, ModelTitlesMixin) for model_admin in ours.values())


@pytest.mark.parametrize("label", [label for label, page in PAGES.items() if page[0]])
@pytest.mark.parametrize(("language", "column"), [("fr", 0), ("en", 2)])
def test_an_add_page_is_titled_with_its_model_whole(desk, label, language, column):
    title = PAGES[label][column]
    response, html = get_page(desk["admin"], admin_url(label, "add", language=language))
    assert_titled(response, html, title)
    assert f"&rsaquo; {title}\n</div>" in html  # the breadcrumbs end with it too


@pytest.mark.parametrize("label", PAGES)
@pytest.mark.parametrize(("language", "column"), [("fr", 1), ("en", 3)])
def test_a_change_page_is_titled_with_its_model_whole(desk, label, language, column):
    obj = PAGES[label][4](desk)
    address = admin_url(label, "change", obj.pk, language=language)
    response, html = get_page(desk["admin"], address)
    assert_titled(response, html, PAGES[label][column])


@pytest.mark.parametrize(
    ("language", "add", "change"),
    [("fr", "Ajouter un article", "Modifier l’article"), ("en", "Add article", "Change article")],
)
def test_an_editor_adds_and_changes_articles_under_those_titles(
    editor, draft, language, add, change
):
    address = admin_url("articles.article", "add", language=language)
    assert_titled(*get_page(editor, address), add)
    address = admin_url("articles.article", "change", draft.pk, language=language)
    assert_titled(*get_page(editor, address), change)


@pytest.mark.parametrize(("language", "title"), [("fr", "Voir l’auteur"), ("en", "View author")])
def test_a_page_she_may_only_read_is_titled_as_such(journalist, colleague, language, title):
    address = admin_url("authors.author", "change", colleague.author_profile.pk, language=language)
    response, html = get_page(journalist, address)
    assert not response.context["has_change_permission"]
    assert_titled(response, html, title)


@pytest.mark.parametrize(("language", "tags"), [("fr", "Mots-clés"), ("en", "Tags")])
def test_the_desk_index_names_the_tags_section_in_its_language(admin_user, language, tags):
    response, html = get_page(admin_user, url("admin:index", language=language))
    sections = {app["app_label"]: str(app["name"]) for app in response.context["app_list"]}
    assert sections["taggit"] == tags
    assert f">{tags}</a>" in html
    assert "Taggit" not in html and "TAGGIT" not in html


@pytest.fixture
def history(draft, journalist, editor):
    """Revisions of the draft as it was, then in review, then published."""
    Revision.record(draft, journalist)
    workflow.apply_transition(draft, "submit", journalist)
    Revision.record(draft, journalist)
    workflow.apply_transition(draft, "publish", editor)  # records the approved revision
    return list(draft.revisions.order_by("number"))


@pytest.mark.parametrize(
    ("language", "labels"),
    [("fr", ["Brouillon", "En relecture", "Publié"]), ("en", ["Draft", "In review", "Published"])],
)
def test_the_revision_history_shows_states_as_editors_name_them(
    draft, history, editor, language, labels
):
    assert [revision.data["status"] for revision in history] == ["draft", "review", "published"]
    address = url("admin:articles_article_revisions", draft.pk, language=language)
    response, html = get_page(editor, address)
    assert [revision.state_label for revision in response.context["revisions"]] == labels[::-1]
    for label in labels:
        assert f"<td>{label}</td>" in html
    for raw in ("draft", "review", "published"):
        assert f"<td>{raw}</td>" not in html


@pytest.mark.parametrize(
    ("language", "old", "new"), [("fr", "Brouillon", "Publié"), ("en", "Draft", "Published")]
)
def test_the_comparison_shows_the_states_as_editors_name_them(
    draft, history, editor, language, old, new
):
    address = url("admin:articles_article_compare", draft.pk, language=language)
    response = client_for(editor).get(address, {"a": history[0].number, "b": history[-1].number})
    assert response.status_code == 200
    state = next(row for row in response.context["rows"] if row["field"] == "status")
    assert (state["old"], state["new"]) == (f"<del>{old}</del>", f"<ins>{new}</ins>")
