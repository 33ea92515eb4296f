"""Tags: case-insensitive, trimmed, length-checked in the form."""

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from taggit.models import Tag

from articles.models import Article, Tagging, TagRedirect
from articles.tag_merge import merge_tags
from tests.admin_forms import article_post
from tests.conftest import client_for
from tests.factories import ArticleFactory, AuthorFactory
from tests.public.conftest import publish


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


def test_a_merged_tags_pages_and_feeds_redirect_to_the_kept_tag(client, editor):
    for _ in range(2):
        publish(ArticleFactory(authors=[AuthorFactory()]), editor).tags.add("Côte d’Ivoire")
    publish(ArticleFactory(authors=[AuthorFactory()]), editor).tags.add("Cote-d-Ivoire")
    kept = merge_tags(Tag.objects.filter(name__in=["Côte d’Ivoire", "Cote-d-Ivoire"]), editor)
    assert kept.slug == "cote-divoire"

    page = client.get("/mot-cle/cote-d-ivoire/?page=2")
    assert page.status_code == 301 and page["Location"] == "/mot-cle/cote-divoire/?page=2"
    for kind in ("rss", "atom"):
        feed = client.get(f"/flux/mot-cle/cote-d-ivoire/{kind}/")
        assert feed.status_code == 301
        assert feed["Location"] == f"/flux/mot-cle/cote-divoire/{kind}/"
    assert client.get("/mot-cle/cote-divoire/").status_code == 200
    assert client.get("/mot-cle/jamais-vu/").status_code == 404


def test_merging_again_leads_every_old_address_to_the_last_tag_and_none_to_itself(editor):
    first, second, third = (Tag.objects.create(name=name) for name in ("Abidjan", "Abj", "Adj"))
    ArticleFactory().tags.add(first)
    merge_tags(Tag.objects.filter(pk__in=[first.pk, second.pk]), editor)  # "abj" → abidjan
    for _ in range(2):
        ArticleFactory().tags.add(third)
    merge_tags(Tag.objects.filter(pk__in=[first.pk, third.pk]), editor)  # abidjan → adj
    assert dict(TagRedirect.objects.values_list("old_slug", "tag__slug")) == {
        "abj": "adj",
        "abidjan": "adj",
    }
    # A new "Abidjan" takes its address back, and "Adj" merged into it leaves no loop.
    again = Tag.objects.create(name="Abidjan")
    for _ in range(4):  # "Adj" is on three
        ArticleFactory().tags.add(again)
    merge_tags(Tag.objects.filter(pk__in=[again.pk, third.pk]), editor)
    assert dict(TagRedirect.objects.values_list("old_slug", "tag__slug")) == {
        "abj": "abidjan",
        "adj": "abidjan",
    }
