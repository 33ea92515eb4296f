"""The cached parts of the reader's pages (articles/fragments.py): rendered once, never shown
out of date."""

import pytest
from django.core.cache import cache
from django.test.utils import override_settings
from django.utils import translation

from articles import fragments, workflow
from articles.models import Article
from newsroom.images import renditions
from tests.factories import ArticleFactory, AuthorFactory, PictureFactory
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

KEPT = "Gardé pour le lecteur suivant"


def page(client, article, prefix=""):
    with translation.override("fr"):
        path = article.get_absolute_url()
    response = client.get(prefix + path)
    assert response.status_code == 200
    return response.content.decode()


def list_page(client, path) -> str:
    response = client.get(path)
    assert response.status_code == 200
    return response.content.decode()


def parts_key(article, language="fr") -> str:
    fresh = Article.objects.get(pk=article.pk)
    with translation.override(language):
        return fragments._own_key("article", fresh)


def test_later_readers_get_the_parts_the_first_one_rendered(client, story):
    first = page(client, story)
    _article, head, _main, _related = fragments.article_page(story.slug)
    cache.set(parts_key(story), (head, KEPT))
    later = page(client, story)
    assert KEPT in later and KEPT not in first


def test_each_language_has_its_own_parts(client, story):
    french, english = page(client, story), page(client, story, prefix="/en")
    assert "Partagez cet article" in french and "Share this article" in english
    cache.set(parts_key(story, "en"), ("", KEPT))
    assert KEPT in page(client, story, prefix="/en")
    assert KEPT not in page(client, story)


# Each change, then what the page must show at once, or no longer show.
CHANGES = [
    (rename_author, "Nouveau Nom", None),
    (add_byline, "Nouveau Nom", None),
    (remove_byline, None, "Aminata Traoré"),
    # The navigation shows the new name too: the kicker is the cached part.
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


def test_parts_rendered_before_a_change_are_never_shown_after_it(client, story):
    # A reader reads the article, an editor renames its author, then the reader keeps what
    # it rendered from the old data: under the old generation's key.
    late = Article.objects.get(pk=story.pk)
    late_key = fragments._own_key("article", late)
    rename_author(story)
    cache.set(late_key, ("", KEPT))
    html = page(client, story)
    assert "Nouveau Nom" in html and KEPT not in html


def test_a_new_release_renders_every_part_again(client, story):
    page(client, story)
    cache.set(parts_key(story), ("", KEPT))
    assert KEPT in page(client, story)
    with override_settings(RELEASE="the-next-release"):
        assert KEPT not in page(client, story)


@pytest.fixture
def waiting(editor):
    """A published article whose picture's renditions another process is making; its
    picture. They are "made" (the lock goes) when the test ends."""
    picture = PictureFactory(file=jpeg_upload("attente.jpg", size=(1000, 563)))
    article = ArticleFactory(authors=[AuthorFactory()], image_alt="Une photo", picture=picture)
    publish(article, editor)
    key = renditions.plan_key(picture.file.name, picture.focal, renditions.ARTICLE_PLAN)
    cache.add(f"renditions:{key}", True, 60)
    yield article, picture
    cache.delete(f"renditions:{key}")


def test_a_page_still_waiting_for_its_picture_is_not_kept(client, waiting):
    article, picture = waiting
    shown = page(client, article)  # the original meanwhile
    assert f'class="image-original" src="{picture.file.url}"' in shown
    assert 'width="1000" height="563"' in shown
    assert cache.get(parts_key(article)) is None
    key = renditions.plan_key(picture.file.name, picture.focal, renditions.ARTICLE_PLAN)
    cache.delete(f"renditions:{key}")  # made by the other process now
    assert "image-original" not in page(client, article)
    assert cache.get(parts_key(article)) is not None


def test_a_reader_saving_data_gets_a_placeholder_not_the_original(client, waiting):
    article, picture = waiting
    saving = client.get(article.get_absolute_url(), HTTP_SAVE_DATA="on").content.decode()
    assert "image-placeholder" in saving and picture.file.url not in saving


def test_an_author_photo_still_being_made_is_not_kept(client, editor):
    photo = PictureFactory(file=jpeg_upload("portrait.jpg", size=(600, 600)))
    author = AuthorFactory(photo=photo)
    article = publish(ArticleFactory(authors=[author]), editor)
    key = renditions.plan_key(photo.file.name, photo.focal, renditions.PORTRAIT_PLAN)
    cache.add(f"renditions:{key}", True, 60)
    try:
        page(client, article)
        assert cache.get(parts_key(article)) is None
    finally:
        cache.delete(f"renditions:{key}")


def test_unpublishing_hides_a_page_whose_parts_are_kept(client, story, editor):
    page(client, story)
    workflow.apply_transition(
        Article.objects.get(pk=story.pk), "unpublish", editor, comment="Retrait demandé."
    )
    assert client.get(story.get_absolute_url()).status_code == 404


@pytest.mark.parametrize("path", ["/", "/rubrique/securite/", "/mot-cle/russie/"])
@pytest.mark.parametrize(
    ("change", "shown", "gone"), CARD_CHANGES, ids=lambda c: getattr(c, "__name__", "")
)
def test_a_change_shows_on_every_list_at_once(client, story, path, change, shown, gone):
    assert_change_shows(lambda: list_page(client, path), story, change, shown, gone)


def card_key(article, level) -> str:
    with translation.override("fr"):
        return fragments._own_key(f"card-{level}", Article.objects.get(pk=article.pk))


def test_later_readers_get_the_cards_the_first_one_rendered(client, story):
    first = list_page(client, "/rubrique/securite/")
    assert story.headline in first and 'class="card-title"' in first
    cache.set(card_key(story, 2), KEPT)
    assert KEPT in list_page(client, "/rubrique/securite/")


def test_a_card_rendered_before_a_change_is_never_shown_after_it(client, story):
    late_key = card_key(story, 2)
    rename_author(story)
    cache.set(late_key, KEPT)
    html = list_page(client, "/rubrique/securite/")
    assert "Nouveau Nom" in html and KEPT not in html


def test_the_home_pages_lead_shows_a_change_at_once(client, story):
    assert '<h2 class="lead-title">' in list_page(client, "/")
    edit_headline(story)
    assert f'<h2 class="lead-title"><a href="{story.get_absolute_url()}">Nouveau Nom</a>' in (
        list_page(client, "/")
    )


def related(client, article) -> str:
    html = page(client, article)
    return html[html.index('id="related-title"') :] if 'id="related-title"' in html else ""


@pytest.fixture
def close(story, editor):
    """A published article sharing the story's tags: Read also's first."""
    article = ArticleFactory(headline="Partage les mots-clés", authors=[AuthorFactory()])
    article.tags.add(*story.tags.names())
    return publish(article, editor)


def test_read_alsos_choice_is_kept_for_a_while(client, story, close, editor, settings):
    assert "Partage les mots-clés" in related(client, story)
    publish(ArticleFactory(headline="Partage aussi", authors=[AuthorFactory()]), editor)
    Article.objects.get(headline="Partage aussi").tags.add(*story.tags.names())
    assert "Partage aussi" not in related(client, story)  # chosen before it was out
    cache.delete(f"read-also:{settings.RELEASE}:{story.slug}")  # as after READ_ALSO_SECONDS
    assert "Partage aussi" in related(client, story)


def test_a_related_article_taken_down_is_gone_at_once(client, story, close, editor):
    assert "Partage les mots-clés" in related(client, story)
    workflow.apply_transition(
        Article.objects.get(pk=close.pk), "unpublish", editor, comment="Retrait demandé."
    )
    assert "Partage les mots-clés" not in related(client, story)


def test_a_related_article_retitled_shows_its_new_headline_at_once(client, story, close, editor):
    assert "Partage les mots-clés" in related(client, story)
    retitled = Article.objects.get(pk=close.pk)
    retitled.headline = "Titre corrigé"
    workflow.save_by(retitled, editor)
    shown = related(client, story)
    assert "Titre corrigé" in shown and "Partage les mots-clés" not in shown


def test_without_the_cache_read_also_is_found_each_time(client, story, editor, settings):
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}}
    publish(
        ArticleFactory(headline="Une autre", section=story.section, authors=[AuthorFactory()]),
        editor,
    )
    assert "Une autre" in related(client, story)


FEEDS = ["/flux/rss/", "/flux/atom/", "/flux/rubrique/securite/rss/", "/flux/mot-cle/aes/atom/"]
FEED_CHANGES = [
    (rename_author, "Nouveau Nom", None),
    (add_byline, "Nouveau Nom", None),
    (rename_section, "Nouveau Nom", None),
    (add_tag, "Nouveau Nom", None),
    (rename_tag, "Nouveau Nom", None),
    (edit_headline, "Nouveau Nom", None),
]


@pytest.mark.parametrize("path", FEEDS)
@pytest.mark.parametrize(
    ("change", "shown", "gone"), FEED_CHANGES, ids=lambda c: getattr(c, "__name__", "")
)
def test_a_change_shows_in_every_feed_at_once(client, story, path, change, shown, gone):
    assert_change_shows(lambda: list_page(client, path), story, change, shown, gone)


def test_later_readers_get_the_items_the_first_one_wrote(client, story):
    first = list_page(client, "/flux/rss/")
    assert story.headline in first
    with translation.override("fr"):
        key = fragments._own_key("feed-item", Article.objects.get(pk=story.pk))
    cache.set(key, f"<item><title>{KEPT}</title></item>")
    assert KEPT in list_page(client, "/flux/rss/")
    assert KEPT not in list_page(client, "/flux/atom/")  # each format its own
