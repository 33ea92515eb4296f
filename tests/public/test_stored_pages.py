"""An article page's stored parts (models/rendering.py): made once, never shown out of date."""

import pytest
from django.core.cache import cache
from django.test.utils import override_settings
from django.utils import translation

from articles.html import card_store, stored
from articles.html.cards import card_parts
from articles.models import Article, Card, Rendering
from articles.models.article import credit_authors
from newsroom.images import renditions
from tests.factories import ArticleFactory, AuthorFactory
from tests.images import jpeg_upload
from tests.public.changes import (
    CARD_CHANGES,
    add_byline,
    add_tag,
    assert_change_shows,
    delete_tag,
    edit_headline,
    remove_byline,
    remove_tag,
    rename_author,
    rename_section,
    rename_tag,
)
from tests.public.conftest import publish


def page(client, article, prefix=""):
    with translation.override("fr"):
        path = article.get_absolute_url()
    response = client.get(prefix + path)
    assert response.status_code == 200
    return response.content.decode()


def test_later_readers_get_the_page_the_first_one_got(client, story):
    first = page(client, story)
    assert Rendering.objects.filter(article=story, language="fr").count() == 1
    assert page(client, story) == first


def test_each_language_has_its_own_parts(client, story):
    french, english = page(client, story), page(client, story, prefix="/en")
    assert "Partagez cet article" in french and "Share this article" in english
    assert set(Rendering.objects.values_list("language", flat=True)) == {"fr", "en"}
    assert page(client, story, prefix="/en") == english


# Each change, then what the page must show at once, or no longer show.
CHANGES = [
    (rename_author, "Nouveau Nom", None),
    (add_byline, "Nouveau Nom", None),
    (remove_byline, None, "Aminata Traoré"),
    # The navigation, rendered live, shows the new name too: the kicker is the stored part.
    (rename_section, '<a href="/rubrique/securite/">Nouveau Nom</a></p>', None),
    (add_tag, "Nouveau Nom", None),
    (rename_tag, "Nouveau Nom", None),
    (remove_tag, None, 'href="/mot-cle/aes/"'),
    (delete_tag, None, 'href="/mot-cle/aes/"'),
    (edit_headline, "Nouveau Nom", None),
]


@pytest.mark.parametrize(
    ("change", "shown", "gone"), CHANGES, ids=lambda c: getattr(c, "__name__", "")
)
def test_a_change_shows_on_the_next_read(client, story, change, shown, gone):
    assert_change_shows(lambda: page(client, story), story, change, shown, gone)


def test_a_page_rendered_before_a_change_is_never_shown_after_it(client, story):
    # A reader reads the article, an editor renames its author, then the reader stores
    # what it rendered from the old data.
    late = Article.objects.get(pk=story.pk)
    rename_author(story)
    parts = stored.render_parts(late)
    stored.store(late, parts)
    assert Rendering.objects.get(article=story).main == parts.main
    assert "Nouveau Nom" in page(client, story)


@override_settings(SITE_URL="https://premier.example")
def test_parts_follow_the_code_and_settings_they_were_rendered_with(client, story):
    assert "https://premier.example/article/" in page(client, story)
    with override_settings(SITE_URL="https://second.example"):
        html = page(client, story)
    assert "https://second.example/article/" in html and "premier.example" not in html


def test_a_page_still_waiting_for_its_picture_is_not_stored(client, editor):
    article = ArticleFactory(authors=[AuthorFactory()], image_alt="Une photo")
    article.featured_image.save("attente.jpg", jpeg_upload(size=(1000, 563)), save=True)
    publish(article, editor)
    # Another process is making the renditions: the page shows a placeholder meanwhile.
    key = renditions.plan_key(
        article.featured_image.name, article.image_focal, renditions.ARTICLE_PLAN
    )
    cache.add(f"renditions:{key}", True, 60)
    try:
        assert "image-placeholder" in page(client, article)
        assert not Rendering.objects.filter(article=article).exists()
    finally:
        cache.delete(f"renditions:{key}")
    assert "image-placeholder" not in page(client, article)
    assert Rendering.objects.filter(article=article).exists()


def test_an_author_photo_still_being_made_is_not_stored(client, editor):
    author = AuthorFactory()
    author.photo.save("portrait.jpg", jpeg_upload(size=(600, 600)), save=True)
    article = publish(ArticleFactory(authors=[author]), editor)
    key = renditions.plan_key(author.photo.name, (0.5, 0.35), renditions.PORTRAIT_PLAN)
    cache.add(f"renditions:{key}", True, 60)
    try:
        page(client, article)
        assert not Rendering.objects.filter(article=article).exists()
    finally:
        cache.delete(f"renditions:{key}")


def test_unpublishing_hides_a_stored_page(client, story, editor):
    from articles import workflow

    page(client, story)
    workflow.apply_transition(Article.objects.get(pk=story.pk), "unpublish", editor)
    assert client.get(story.get_absolute_url()).status_code == 404


def list_page(client, path) -> str:
    response = client.get(path)
    assert response.status_code == 200
    return response.content.decode()


@pytest.mark.parametrize("path", ["/", "/rubrique/securite/", "/mot-cle/russie/"])
@pytest.mark.parametrize(
    ("change", "shown", "gone"), CARD_CHANGES, ids=lambda c: getattr(c, "__name__", "")
)
def test_a_change_shows_on_every_list_at_once(client, story, path, change, shown, gone):
    def read():
        html = list_page(client, path)
        assert Card.objects.filter(article=story).exists()
        return html

    assert_change_shows(read, story, change, shown, gone)


def test_later_readers_get_the_cards_the_first_one_got(client, story):
    first = list_page(client, "/rubrique/securite/")
    assert list_page(client, "/rubrique/securite/") == first
    with translation.override("fr"):
        assert "card-title" in first and story.headline in first


def test_a_card_rendered_before_a_change_is_never_shown_after_it(client, story):
    late = Article.objects.get(pk=story.pk)
    late.section = story.section
    credit_authors([late])
    rename_author(story)
    with translation.override("fr"):
        card_store.store(Card, [late], {late.pk: card_parts(late)})
    assert "Nouveau Nom" in list_page(client, "/rubrique/securite/")


def test_cards_follow_the_code_and_settings_they_were_rendered_with(client, story):
    assert "28 novembre 2026" in list_page(client, "/rubrique/securite/")
    with override_settings(TIME_ZONE="Pacific/Kiritimati"):  # 14 hours ahead: the next day
        html = list_page(client, "/rubrique/securite/")
    assert "29 novembre 2026" in html and "28 novembre 2026" not in html


def test_a_deployment_renders_every_part_again(client, story, monkeypatch):
    page(client, story)
    list_page(client, "/rubrique/securite/")
    stamps = {Rendering.objects.get().code, Card.objects.get().code}
    monkeypatch.setattr(stored, "_sources_digest", lambda: "the next release's code")
    stored._code_version.cache_clear()
    try:
        page(client, story)
        list_page(client, "/rubrique/securite/")
        assert {Rendering.objects.get().code, Card.objects.get().code}.isdisjoint(stamps)
    finally:
        stored._code_version.cache_clear()


def test_the_code_version_covers_templates_translations_and_the_apps_code():
    files = {p.as_posix() for d in stored.SOURCES for p in (stored.ROOT / d).rglob("*.*")}
    for source in (
        "templates/jinja2/articles/article_main.html",
        "locale/fr/LC_MESSAGES/django.mo",
        "articles/urls.py",
        "newsroom/images/renditions.py",
        "authors/models.py",
    ):
        assert (stored.ROOT / source).as_posix() in files


def test_the_home_pages_lead_shows_a_change_at_once(client, story):
    assert '<h2 class="lead-title">' in list_page(client, "/")
    assert Rendering.objects.filter(article=story).exclude(lead="").exists()
    edit_headline(story)
    assert f'<h2 class="lead-title"><a href="{story.get_absolute_url()}">Nouveau Nom</a>' in (
        list_page(client, "/")
    )
