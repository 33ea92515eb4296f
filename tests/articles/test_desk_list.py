"""The desk's article list at archive size: searched through the site's index, paged
without counting the whole table, its query count fixed (issue 37)."""

from urllib.parse import urlencode

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils.html import escape

from articles import workflow
from articles.admin import desk_list
from tests.conftest import client_for
from tests.factories import ArticleFactory, AuthorFactory

CHANGELIST = reverse("admin:articles_article_changelist")


def listed(client, **params) -> list[str]:
    response = client.get(CHANGELIST, params)
    assert response.status_code == 200
    return [article.headline for article in response.context["cl"].result_list]


@pytest.fixture
def archive(journalist, editor):
    made = {}
    for headline, body in [
        ("La sécurité aux frontières renforcée", "<p>Des patrouilles à Niamey.</p>"),
        ("Élections locales : le calendrier", "<p>La sécurité des bureaux de vote.</p>"),
        ("Le prix du riz baisse", "<p>Les marchés de Bouaké.</p>"),
        ("Sécurité", "<p>Un titre d’un seul mot.</p>"),
    ]:
        article = ArticleFactory(headline=headline, body=body, authors=[journalist.author_profile])
        workflow.apply_transition(article, "submit", journalist)
        made[headline] = article
    return made


def test_the_list_reads_a_fixed_number_of_queries(editor, archive, django_assert_num_queries):
    client = client_for(editor)
    client.get(CHANGELIST)  # the popular tags, then kept ten minutes
    # session, user, permissions (2), sections, the page, its bylines, the count; PostgreSQL
    # first asks its statistics whether the table is large enough to estimate. No author is
    # read: their names come as letters are typed.
    count = 8 + (connection.vendor == "postgresql")
    with django_assert_num_queries(count):
        client.get(CHANGELIST)
    # searched: its page's ids and their total in one query, never estimated, then its rows
    with django_assert_num_queries(8):
        client.get(CHANGELIST, {"q": "sécurité"})


def test_an_id_or_the_very_headline_comes_first(editor, archive):
    client = client_for(editor)
    for headline, article in archive.items():  # the exact headline becomes the oldest change
        if headline != "Sécurité":
            workflow.save_by(article, editor)
    assert listed(client, q="Sécurité")[0] == "Sécurité"
    rice = archive["Le prix du riz baisse"]
    other = archive["Élections locales : le calendrier"]
    other.headline = f"Le bureau {rice.pk} ouvre"  # its id, as a word of another's headline
    workflow.save_by(other, editor)
    assert listed(client, q=str(rice.pk))[0] == rice.headline


def test_an_odd_number_or_an_empty_search_is_no_error(editor, archive):
    client = client_for(editor)
    assert listed(client, q="²") == []  # a digit to str.isdigit(), not to int()
    assert len(listed(client, q="   ")) == len(archive)


def test_journalists_search_only_what_they_may_see(colleague, archive):
    assert listed(client_for(colleague), q="sécurité") == []
    assert listed(client_for(colleague), q=str(archive["Sécurité"].pk)) == []


@pytest.mark.postgres
def test_the_article_pickers_still_complete_a_few_letters(editor, archive):
    for article in archive.values():  # the home page's picker offers published articles
        workflow.apply_transition(article, "publish", editor)
    answer = client_for(editor).get(
        reverse("admin:autocomplete"),
        {
            "app_label": "articles",
            "model_name": "featuredstory",
            "field_name": "article",
            "term": "Ouaga",
        },
    )
    assert answer.status_code == 200
    found = [result["text"] for result in answer.json()["results"]]
    assert found == []  # no headline holds it: the text is not searched by pickers
    answer = client_for(editor).get(
        reverse("admin:autocomplete"),
        {
            "app_label": "articles",
            "model_name": "featuredstory",
            "field_name": "article",
            "term": "calend",
        },
    )
    assert [r["text"] for r in answer.json()["results"]] == ["Élections locales : le calendrier"]


@pytest.mark.postgres
def test_pages_past_a_low_estimate_still_show_their_rows(editor, archive, monkeypatch):
    from articles.admin.article import ArticleAdmin

    monkeypatch.setattr(desk_list, "ESTIMATED_FROM", 1)
    monkeypatch.setattr(ArticleAdmin, "list_per_page", 2)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE articles_article")  # 4 rows: two pages
    for n in range(3):
        ArticleFactory(headline=f"Écrit après l’estimation {n}")
    client = client_for(editor)
    assert len(listed(client, p="4")) == 1  # the seventh, past the estimate's two pages


@pytest.mark.postgres
def test_search_goes_through_the_sites_index(editor, archive):
    client = client_for(editor)
    found = set(listed(client, q="securite"))  # accents ignored, the text searched too
    assert found == {
        "La sécurité aux frontières renforcée",
        "Élections locales : le calendrier",
        "Sécurité",
    }
    assert listed(client, q="élection") == ["Élections locales : le calendrier"]  # its stem
    assert listed(client, q='"prix du riz"') == ["Le prix du riz baisse"]  # a phrase


@pytest.mark.postgres
def test_the_whole_table_is_not_counted(editor, archive, monkeypatch):
    monkeypatch.setattr(desk_list, "ESTIMATED_FROM", 1)  # as at 100,000 articles
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE articles_article")
    client = client_for(editor)
    with CaptureQueriesContext(connection) as unfiltered:
        client.get(CHANGELIST)
    assert not any("COUNT(*)" in q["sql"] for q in unfiltered.captured_queries)
    searched = client.get(CHANGELIST, {"q": "sécurité"}).context["cl"]
    assert searched.result_count == 3 and not searched.paginator.estimated  # exact


def test_a_publication_date_filter(editor, archive, published):
    client = client_for(editor)
    shown = listed(client, **{"published_at__isnull": "False"})
    assert shown == [published.headline]


def test_each_row_has_its_selection_box_for_the_bulk_actions(editor, archive):
    html = client_for(editor).get(CHANGELIST).content.decode()
    for article in archive.values():
        assert (
            f'<input type="checkbox" name="_selected_action" value="{article.pk}" '
            f'class="action-select" aria-label="Choisir cet objet pour une action - '
            f'{escape(article.headline)}">'
        ) in html


@pytest.mark.postgres  # the body's words: SQLite's simple search reads headlines and names
def test_a_search_over_several_pages(editor, archive, monkeypatch):
    from articles.admin.article import ArticleAdmin

    monkeypatch.setattr(ArticleAdmin, "list_per_page", 2)
    client = client_for(editor)
    for article in archive.values():  # the exact headline becomes the oldest change
        if article.headline != "Sécurité":
            workflow.save_by(article, editor)
    pages = [client.get(CHANGELIST, {"q": "sécurité", "p": p}).context["cl"] for p in (1, 2)]
    assert [cl.result_count for cl in pages] == [3, 3]
    assert [article.headline for article in pages[0].result_list] == [
        "Sécurité",
        "Élections locales : le calendrier",
    ]
    assert [article.headline for article in pages[1].result_list] == [
        "La sécurité aux frontières renforcée"
    ]
    past_the_end = client.get(CHANGELIST, {"q": "sécurité", "p": 3})
    assert past_the_end.status_code == 302 and "e=1" in past_the_end["Location"]


def test_a_search_found_through_bylines_and_tags_counts_each_article_once(editor, archive):
    lone = archive["Sécurité"]
    lone.tags.set(["Sécurité routière", "Sécurité alimentaire", "Police"])
    lone.bylines.create(author=AuthorFactory(display_name="Awa Sécurité"), position=5)
    searched = client_for(editor).get(CHANGELIST, {"q": "sécurité"}).context["cl"]
    assert searched.result_count == len(searched.result_list)  # not one per byline or tag
    assert lone in searched.result_list


def test_a_search_asked_for_page_zero_is_sent_back_to_the_list(editor, archive, monkeypatch):
    from articles.admin.article import ArticleAdmin

    monkeypatch.setattr(ArticleAdmin, "list_per_page", 1)  # several pages
    answer = client_for(editor).get(CHANGELIST, {"q": "sécurité", "p": "0"})
    assert answer.status_code == 302 and "e=1" in answer["Location"]


def test_each_rows_link_keeps_the_search_and_filters(editor, archive):
    # The editor comes back from the article to the list as they left it.
    client = client_for(editor)
    html = client.get(CHANGELIST, {"q": "sécurité", "state": "review", "o": "2"}).content.decode()
    article = archive["Sécurité"]
    change = reverse("admin:articles_article_change", args=[article.pk])
    kept = "_changelist_filters=q%3Ds%25C3%25A9curit%25C3%25A9%26state%3Dreview%26o%3D2"
    assert f'<a href="{change}?{kept}">Sécurité</a>' in html
    unfiltered = client.get(CHANGELIST).content.decode()
    assert f'<a href="{change}">Sécurité</a>' in unfiltered


def test_an_author_is_chosen_from_a_few_typed_letters(editor, journalist, archive):
    # Hundreds of authors would be as many links: the filter completes a typed name instead.
    ArticleFactory(headline="Par une autre plume", authors=[AuthorFactory()])
    client = client_for(editor)
    assert "author=" not in client.get(CHANGELIST).content.decode()  # no link for each
    name = journalist.author_profile.display_name
    found = client.get(
        reverse("admin:autocomplete"),
        {"term": name[:3], "app_label": "articles", "model_name": "byline", "field_name": "author"},
    ).json()["results"]
    assert {"id": str(journalist.author_profile.pk), "text": name} in found
    assert sorted(listed(client, author=journalist.author_profile.pk)) == sorted(archive)
    chosen = client.get(CHANGELIST, {"author": journalist.author_profile.pk, "q": "riz"})
    assert [article.headline for article in chosen.context["cl"].result_list] == [
        "Le prix du riz baisse"
    ]
    html = chosen.content.decode()
    assert (
        f'<option value="{journalist.author_profile.pk}" selected>{escape(name)}</option>' in html
    )
    assert '<input type="hidden" name="q" value="riz">' in html  # kept on a new choice
    assert '<a href="?q=riz">' in html  # every author again, the search kept


def test_journalists_complete_authors_names_too(journalist, colleague):
    found = client_for(colleague).get(
        reverse("admin:autocomplete"),
        {"term": "", "app_label": "articles", "model_name": "byline", "field_name": "author"},
    )
    assert found.status_code == 200
    assert journalist.author_profile.display_name in {r["text"] for r in found.json()["results"]}


@pytest.mark.parametrize("odd", ["²", "abc", "-1", "", "99999"])
def test_an_odd_author_in_the_address_is_no_error(editor, archive, odd):
    response = client_for(editor).get(CHANGELIST, {"author": odd})
    assert response.status_code == 200


def test_choosing_an_author_keeps_every_value_of_another_filter(editor, archive):
    sections = sorted({article.section_id for article in archive.values()})
    assert len(sections) > 1  # several values of one filter
    asked = [("section__id__exact", pk) for pk in sections] + [("q", "riz")]
    html = client_for(editor).get(CHANGELIST + "?" + urlencode(asked)).content.decode()
    for name, value in asked:
        assert f'<input type="hidden" name="{name}" value="{value}">' in html
