"""Tags: case-insensitive, trimmed, length-checked in the form."""

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from taggit.models import Tag

from articles.models import Article, Tagging
from articles.tag_merge import merge_tags
from tests.admin_forms import article_post
from tests.conftest import client_for
from tests.factories import ArticleFactory


def change(article):
    return reverse("admin:articles_article_change", args=[article.pk])


def test_sahel_in_three_spellings_is_one_tag(draft, journalist):
    data = article_post(draft, tags="Sahel, sahel,  SAHEL , Côte d’Ivoire")
    assert client_for(journalist).post(change(draft), data).status_code == 302
    assert sorted(Article.objects.get(pk=draft.pk).tags.names()) == ["Côte d’Ivoire", "Sahel"]


def test_existing_tag_is_reused_whatever_its_case(draft, journalist, published):
    published.tags.add("Sahel")
    client_for(journalist).post(change(draft), article_post(draft, tags="SAHEL"))
    assert list(Article.objects.get(pk=draft.pk).tags.names()) == ["Sahel"]


def test_tag_over_100_characters_is_a_form_error(draft, journalist):
    response = client_for(journalist).post(change(draft), article_post(draft, tags="a" * 101))
    assert response.status_code == 200
    assert "tags" in response.context["adminform"].form.errors
    assert list(Article.objects.get(pk=draft.pk).tags.names()) == []


# --- merging tags (articles/tag_merge.py, the tag admin's action) -------------------------
def merge_in_admin(user, *tags):
    return client_for(user).post(
        reverse("admin:taggit_tag_changelist"),
        {"action": "merge", "_selected_action": [tag.pk for tag in tags]},
    )


def test_an_editor_merges_spellings_into_the_most_used(editor):
    both, only_old, only_main = (ArticleFactory() for _ in range(3))
    main = Tag.objects.create(name="Côte d’Ivoire")
    old = Tag.objects.create(name="Cote-d-Ivoire")
    other = Tag.objects.create(name="CIV")
    both.tags.add(main, old, "Sahel")
    only_old.tags.add(other, old)
    only_main.tags.add(main)
    stale = Article.objects.get(pk=only_old.pk).generation

    response = merge_in_admin(editor, old, main, other)
    assert response.status_code == 302

    assert list(Tag.objects.filter(pk__in=[main.pk, old.pk, other.pk])) == [main]
    for article, names in [(both, {"Côte d’Ivoire", "Sahel"}), (only_old, {"Côte d’Ivoire"})]:
        article = Article.objects.get(pk=article.pk)
        assert set(article.tags.names()) == names
        assert "Côte d’Ivoire" in article.search_tags and "Cote-d-Ivoire" not in article.search_tags
    assert Article.objects.get(pk=only_old.pk).generation > stale  # its stored page is stale
    assert Tagging.objects.filter(tag=main).count() == 3


def test_a_journalist_cannot_merge_tags_even_by_a_forged_request(journalist, editor, draft):
    first, second = Tag.objects.create(name="Sahel"), Tag.objects.create(name="Sahél")
    draft.tags.add(second)
    assert merge_in_admin(journalist, first, second).status_code in (302, 403)
    assert Tag.objects.filter(pk__in=[first.pk, second.pk]).count() == 2
    assert list(draft.tags.names()) == ["Sahél"]
    with pytest.raises(PermissionDenied):
        merge_tags(Tag.objects.filter(pk__in=[first.pk, second.pk]), journalist)


def test_merging_one_tag_changes_nothing(editor, draft):
    tag = Tag.objects.create(name="Sahel")
    draft.tags.add(tag)
    response = merge_in_admin(editor, tag)
    assert response.status_code == 302
    assert list(draft.tags.all()) == [tag]
    with pytest.raises(ValueError):
        merge_tags(Tag.objects.filter(pk=tag.pk), editor)


def test_the_tag_list_shows_how_many_articles_carry_each(editor):
    ArticleFactory().tags.add("Sahel")
    ArticleFactory().tags.add("Sahel", "Mali")
    response = client_for(editor).get(reverse("admin:taggit_tag_changelist"), {"o": "-3"})
    rows = [(tag.name, tag.uses) for tag in response.context["cl"].result_list]
    assert rows == [("Sahel", 2), ("Mali", 1)]
