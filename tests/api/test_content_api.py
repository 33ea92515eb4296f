"""The read-only content API (/api/v1/): published content only, as ninjs 2.0."""

from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from django.conf import settings as django_settings
from django.core.cache import cache
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from api import cursor
from articles import workflow
from articles.models import Article
from tests.api.conftest import forget_rates
from tests.factories import ArticleFactory, AuthorFactory, SectionFactory

ARTICLES = "/api/v1/articles"
# Every top-level property IPTC's ninjs 2.0 schema allows (it allows no other).
NINJS_2_0 = {
    "uri", "type", "representationtype", "profile", "version", "firstcreated",
    "versioncreated", "contentcreated", "embargoed", "pubstatus", "urgency",
    "copyrightholder", "copyrightnotice", "usageterms", "ednote", "language",
    "descriptions", "bodies", "headlines", "people", "organisations", "places", "subjects",
    "events", "objects", "infosources", "title", "by", "slugline", "located", "renditions",
    "associations", "altids", "trustindicators", "standard", "genres", "rightsinfo",
}  # fmt: skip
STATES = ("draft", "review", "scheduled", "published", "unpublished")


def make_in(state, journalist, editor, **fields) -> Article:
    article = ArticleFactory(authors=[journalist.author_profile], **fields)
    if state != "draft":
        workflow.apply_transition(article, "submit", journalist)
    if state in ("published", "unpublished"):
        workflow.apply_transition(article, "publish", editor)
    if state == "unpublished":
        workflow.apply_transition(article, "unpublish", editor, comment="Retrait demandé.")
    if state == "scheduled":
        when = timezone.now() + timedelta(hours=2)
        workflow.apply_transition(article, "schedule", editor, when=when)
    return Article.objects.get(pk=article.pk)


def settings_site_url() -> str:
    return django_settings.SITE_URL


def ids(answer) -> list[int]:
    return [int(item["altids"][0]["value"]) for item in answer.json()["items"]]


def test_an_article_is_a_ninjs_news_item(client, journalist, editor):
    article = make_in("published", journalist, editor, headline="Le barrage de Kossou")
    article.tags.add("Énergie")
    item = client.get(f"{ARTICLES}/{article.pk}").json()
    assert set(item) <= NINJS_2_0
    assert item["uri"] == settings_site_url() + article.get_absolute_url()
    assert item["uri"].endswith(article.get_absolute_url())
    assert item["headlines"] == [{"role": "main", "value": "Le barrage de Kossou"}]
    assert item["descriptions"][0] == {"role": "summary", "value": article.standfirst}
    assert item["bodies"][0]["contenttype"] == "text/html"
    assert "Le corps de l’article" in item["bodies"][0]["value"]
    assert item["pubstatus"] == "usable"
    assert item["language"] == "fr"
    assert item["people"][0]["name"] == journalist.author_profile.display_name
    rels = {(s["rel"], s["name"]) for s in item["subjects"]}
    assert rels == {("section", article.section.name), ("tag", "Énergie")}
    assert item["standard"]["version"] == "2.0"


def test_corrections_and_updates_are_in_the_item(client, journalist, editor):
    article = make_in("published", journalist, editor)
    workflow.log_note(article, editor, "correction", "Le barrage est à Kossou, pas à Taabo.")
    item = client.get(f"{ARTICLES}/{article.pk}").json()
    assert {"role": "correction", "value": "Le barrage est à Kossou, pas à Taabo."} in item[
        "descriptions"
    ]


@pytest.mark.parametrize("state", ["draft", "review", "scheduled", "unpublished"])
def test_an_article_not_public_is_not_found(client, journalist, editor, state):
    article = make_in(state, journalist, editor)
    answer = client.get(f"{ARTICLES}/{article.pk}")
    assert answer.status_code == 404
    assert answer.json() == {"detail": "No published article has this id."}
    assert article.pk not in ids(client.get(ARTICLES))


def test_unpublishing_takes_the_article_out_at_once(client, journalist, editor):
    article = make_in("published", journalist, editor)
    assert client.get(f"{ARTICLES}/{article.pk}").status_code == 200
    assert ids(client.get(ARTICLES)) == [article.pk]
    workflow.apply_transition(article, "unpublish", editor, comment="Erreur grave.")
    assert client.get(f"{ARTICLES}/{article.pk}").status_code == 404
    assert ids(client.get(ARTICLES)) == []


def test_filters_and_pages_follow_one_another(client, journalist, editor):
    sport = SectionFactory(name="Sport", slug="sport")
    shown = [make_in("published", journalist, editor, section=sport) for _ in range(5)]
    make_in("published", journalist, editor)  # another section
    shown[0].tags.add("CAN 2027")
    first = client.get(ARTICLES, {"section": "sport", "limit": 2}).json()
    second = client.get(first["next"].split("testserver")[-1]).json()
    third = client.get(second["next"].split("testserver")[-1]).json()
    seen = [int(i["altids"][0]["value"]) for p in (first, second, third) for i in p["items"]]
    assert seen == [a.pk for a in reversed(shown)]  # newest first, none twice
    assert third["next"] is None
    assert ids(client.get(ARTICLES, {"tag": "can-2027"})) == [shown[0].pk]
    author = journalist.author_profile.slug
    assert len(ids(client.get(ARTICLES, {"author": author, "limit": 100}))) == 6
    assert ids(client.get(ARTICLES, {"section": "nowhere"})) == []


def test_updated_since_gives_changes_oldest_first(client, journalist, editor):
    older, newer = (make_in("published", journalist, editor) for _ in range(2))
    since = timezone.now()
    newer.standfirst = "Un chapeau corrigé."
    workflow.save_by(newer, editor)
    older.standfirst = "Un autre chapeau corrigé."
    workflow.save_by(older, editor)
    changed = client.get(ARTICLES, {"updated_since": since.isoformat()})
    assert ids(changed) == [newer.pk, older.pk]


@pytest.mark.parametrize(
    "query",
    [
        {"limit": "0"},
        {"limit": "101"},
        {"limit": "beaucoup"},
        {"updated_since": "hier"},
        {"updated_since": "2026-12-01T10:00:00"},  # no offset: which zone?
        {"cursor": "pas-un-curseur"},
        {"cursor": "WyJjaGFuZ2VkIiwiMjAyNi0xMi0wMVQxMDowMDowMCswMDowMCIsMV0"},  # another order
        {"section": "<script>"},
        {"tag": "a" * 101},
    ],
)
def test_malformed_filters_answer_400_with_a_message(client, db, query):
    answer = client.get(ARTICLES, query)
    assert answer.status_code == 400
    assert answer.json()["detail"]


def test_etag_cache_control_and_cors(client, journalist, editor):
    make_in("published", journalist, editor)
    answer = client.get(ARTICLES, HTTP_ORIGIN="https://radio.example")
    assert answer["Cache-Control"] == "public, max-age=60, stale-while-revalidate=30"
    assert answer["Access-Control-Allow-Origin"] == "*"
    again = client.get(ARTICLES, HTTP_IF_NONE_MATCH=answer["ETag"])
    assert again.status_code == 304
    preflight = client.options(
        ARTICLES,
        HTTP_ORIGIN="https://radio.example",
        HTTP_ACCESS_CONTROL_REQUEST_METHOD="GET",
    )
    assert preflight.status_code == 200
    assert "GET" in preflight["Access-Control-Allow-Methods"]
    assert "POST" not in preflight["Access-Control-Allow-Methods"]
    assert client.post(ARTICLES).status_code == 405


def test_each_address_has_its_rate(client, db, settings, one_window):
    allowed = int(settings.API_RATE_LIMIT.split("/")[0])
    for _ in range(allowed):
        assert client.get("/api/v1/sections", REMOTE_ADDR="192.0.2.7").status_code == 200
    refused = client.get("/api/v1/sections", REMOTE_ADDR="192.0.2.7")
    assert refused.status_code == 429
    assert int(refused["Retry-After"]) > 0
    assert client.get("/api/v1/sections", REMOTE_ADDR="192.0.2.8").status_code == 200


def test_sections_authors_and_tags(client, journalist, editor):
    article = make_in("published", journalist, editor)
    article.tags.add("Sahel")
    hidden = make_in("draft", journalist, editor)
    hidden.tags.add("Secret")
    AuthorFactory(display_name="Sans article")
    sections = client.get("/api/v1/sections").json()["items"]
    assert article.section.slug in {s["slug"] for s in sections}
    authors = client.get("/api/v1/authors").json()["items"]
    assert [a["slug"] for a in authors] == [journalist.author_profile.slug]
    tags = client.get("/api/v1/tags").json()["items"]
    assert [t["slug"] for t in tags] == ["sahel"]


def test_the_docs_and_schema_load_nothing_from_elsewhere(client, db):
    schema = client.get("/api/v1/openapi.json").json()
    assert "/api/v1/articles" in schema["paths"]
    docs = client.get("/api/v1/docs").content.decode()
    assert "cdn" not in docs.lower()
    assert "http://" not in docs and "https://" not in docs


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    states=st.lists(st.sampled_from(STATES), min_size=1, max_size=4),
    query=st.fixed_dictionaries(
        {},
        optional={
            "section": st.sampled_from(["politique", "sport", "x"]),
            "author": st.text(max_size=12),
            "tag": st.sampled_from(["sahel", "aes", ""]),
            "updated_since": st.datetimes().map(lambda d: d.isoformat() + "+00:00"),
            "limit": st.integers(-5, 120).map(str),
            "cursor": st.text(max_size=40),
        },
    ),
    asked=st.integers(-10, 10_000),
)
def test_nothing_unpublished_ever_reaches_the_api(client, journalist, editor, states, query, asked):
    """Whatever the states, filters, ids or order: published and public, or nothing."""
    for state in states:
        article = make_in(state, journalist, editor)
        article.tags.add("Sahel")
    public = set(Article.objects.published().values_list("pk", flat=True))
    listed = client.get(ARTICLES, query, REMOTE_ADDR="198.51.100.1")
    assert listed.status_code in (200, 400)
    if listed.status_code == 200:
        assert set(ids(listed)) <= public
    for pk in (asked, *Article.objects.values_list("pk", flat=True)):
        one = client.get(f"{ARTICLES}/{pk}", REMOTE_ADDR="198.51.100.2")
        assert one.status_code == (200 if pk in public else 404)
    cache.clear()  # rate limits are counted per address: reset them between examples
    forget_rates()


def test_queries_do_not_grow_with_the_page(client, journalist, editor, django_assert_num_queries):
    """The page, then its bylines, tags, and corrections: four queries for 1 or 20
    articles (a fifth when their texts show library pictures)."""
    make_in("published", journalist, editor).tags.add("Sahel")
    with django_assert_num_queries(4):
        assert client.get(ARTICLES).status_code == 200
    for _ in range(19):
        make_in("published", journalist, editor).tags.add("Sahel", "AES")
    with django_assert_num_queries(4):
        assert len(ids(client.get(ARTICLES))) == 20
    one = Article.objects.first()
    with django_assert_num_queries(4):
        assert client.get(f"{ARTICLES}/{one.pk}").status_code == 200


@pytest.mark.parametrize(
    "when", ["0001-01-01T00:00:00+01:00", "9999-12-31T23:00:00-05:00", "1899-06-01T00:00:00Z"]
)
def test_a_time_no_database_stores_is_a_400(client, db, when):
    answer = client.get(ARTICLES, {"updated_since": when})
    assert answer.status_code == 400
    assert "between 1900 and 2200" in answer.json()["detail"]
    far = cursor.encode("changed", datetime(1, 1, 2, tzinfo=UTC), 1)
    assert (
        client.get(ARTICLES, {"updated_since": "2026-01-01T00:00:00Z", "cursor": far}).status_code
        == 400
    )


def test_changes_since_count_corrections_tags_and_a_scheduled_article_going_live(
    client, journalist, editor
):
    corrected, tagged = (make_in("published", journalist, editor) for _ in range(2))
    scheduled = make_in("scheduled", journalist, editor)
    since = timezone.now()
    with time_machine.travel(since + timedelta(minutes=1)):
        workflow.log_note(corrected, editor, "correction", "Le bon chiffre est 12.")
        tagged.tags.add("Sahel")
    query = {"updated_since": since.isoformat()}
    with time_machine.travel(since + timedelta(minutes=2)):
        assert ids(client.get(ARTICLES, query)) == [corrected.pk, tagged.pk]
    with time_machine.travel(scheduled.published_at + timedelta(minutes=1)):
        assert ids(client.get(ARTICLES, query)) == [corrected.pk, tagged.pk, scheduled.pk]
