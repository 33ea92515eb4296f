"""The menu's sections, read once a request, with a page's own lookup in the same statement
(articles/html/parts.py)."""

from django.test import RequestFactory

from articles.html import parts
from articles.models import Section
from tests.factories import SectionFactory

LOOKUP = "SELECT id, headline FROM articles_article WHERE slug = %s"


def menu(request) -> list[str]:
    return [section.slug for section in parts.sections(request)]


def test_the_lookup_finds_its_row_and_the_menu_comes_with_it(story, django_assert_num_queries):
    request = RequestFactory().get("/")
    with django_assert_num_queries(1):
        found = parts.sections_with(request, LOOKUP, [story.slug])
        shown = menu(request)  # remembered: no second query
    assert found == (story.pk, story.headline)
    assert shown == [story.section.slug]


def test_sections_come_in_menu_order(story):
    SectionFactory(name="Zèbre", slug="zebre", position=0)
    SectionFactory(name="Afrique", slug="afrique", position=0)  # made last, shown first
    request = RequestFactory().get("/")
    parts.sections_with(request, LOOKUP, [story.slug])
    assert menu(request) == list(
        Section.objects.order_by("position", "name").values_list("slug", flat=True)
    )
    assert menu(request).index("afrique") < menu(request).index("zebre")


def test_nothing_found_still_gives_the_menu(story):
    request = RequestFactory().get("/")
    assert parts.sections_with(request, LOOKUP, ["no-such-article"]) is None
    assert menu(request) == [story.section.slug]


def test_a_site_without_sections_finds_nothing(db):
    request = RequestFactory().get("/")
    assert parts.sections_with(request, "SELECT 1", []) is None
    assert menu(request) == []


def test_an_unknown_tag_is_a_404_with_the_menu(client, story):
    response = client.get("/mot-cle/inconnu/")
    assert response.status_code == 404
    assert f'href="{story.section.get_absolute_url()}"' in response.content.decode()
