"""Search and social fields: what search engines and shared links read of an article, each
falling back to the headline or the standfirst; a syndicated copy's canonical address; who
sets them, what the desk refuses, and that revisions keep them."""

import json
import re
from html import unescape

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import translation

from articles import revisions, workflow
from articles.admin.revisions import restore
from articles.models import Article, Revision
from tests.admin_forms import article_post
from tests.conftest import client_for
from tests.factories import ArticleFactory

HEADLINE = "Le port d’Abidjan double ses capacités"
STANDFIRST = "Un nouveau terminal ouvre au public, après trois ans de travaux."
OWN = {
    "seo_title": "Port d’Abidjan : le nouveau terminal à conteneurs ouvre",
    "meta_description": "Le terminal double les capacités du port ; ce qui change.",
    "social_title": "Abidjan a désormais deux fois plus de port",
    "social_description": "Trois ans de travaux, un terminal : ce que cela change pour vous.",
}
ORIGINAL = "https://agence.example.org/depeches/2026/port-abidjan?ref=syndication"


@pytest.fixture
def story(editor, journalist):
    article = ArticleFactory(
        headline=HEADLINE, standfirst=STANDFIRST, authors=[journalist.author_profile]
    )
    workflow.apply_transition(article, "publish", editor)
    return Article.objects.get(pk=article.pk)


def change(story, **fields):
    for name, value in fields.items():
        setattr(story, name, value)
    story.save()
    return story


def head_of(client, article) -> str:
    html = client.get(article.get_absolute_url()).content.decode()
    return html.split("</head>", 1)[0]


def meta(html, prop) -> list[str]:
    found = re.findall(rf'<meta (?:property|name)="{re.escape(prop)}" content="([^"]*)">', html)
    return [unescape(v) for v in found]


def json_ld(html) -> dict:
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    assert len(blocks) == 1
    return json.loads(blocks[0])


def title(html) -> str:
    return unescape(re.search(r"<title>(.*?)</title>", html, re.S).group(1))


def canonical(html) -> list[str]:
    return [unescape(u) for u in re.findall(r'<link rel="canonical" href="([^"]*)">', html)]


# --- the page's <head> ------------------------------------------------------------------
def test_empty_fields_fall_back_to_the_headline_and_the_standfirst(client, story):
    html = head_of(client, story)
    assert html.count("<title>") == 1
    assert title(html) == f"{HEADLINE} · Newsroom"
    assert meta(html, "description") == [STANDFIRST]
    assert meta(html, "og:title") == meta(html, "twitter:title") == [HEADLINE]
    assert meta(html, "og:description") == meta(html, "twitter:description") == [STANDFIRST]
    data = json_ld(html)
    assert data["headline"] == HEADLINE
    assert data["description"] == STANDFIRST


def test_fields_of_blanks_fall_back_too(client, story):
    html = head_of(client, change(story, seo_title="   ", social_description=" \t "))
    assert title(html) == f"{HEADLINE} · Newsroom"
    assert meta(html, "og:description") == [STANDFIRST]


def test_filled_fields_replace_them_each_in_its_place(client, story):
    html = head_of(client, change(story, **OWN))
    assert title(html) == f"{OWN['seo_title']} · Newsroom"
    assert meta(html, "description") == [OWN["meta_description"]]
    assert meta(html, "og:title") == meta(html, "twitter:title") == [OWN["social_title"]]
    assert meta(html, "og:description") == [OWN["social_description"]]
    assert meta(html, "twitter:description") == [OWN["social_description"]]
    data = json_ld(html)
    assert data["headline"] == HEADLINE  # what readers read stays the headline
    assert data["description"] == OWN["meta_description"]
    # The page itself is unchanged: the reader sees the headline and standfirst.
    body = client.get(story.get_absolute_url()).content.decode().split("</head>", 1)[1]
    assert HEADLINE in unescape(body) and STANDFIRST in unescape(body)
    assert OWN["seo_title"] not in unescape(body)


def test_a_change_reaches_the_kept_page_at_once(client, story):
    assert title(head_of(client, story)) == f"{HEADLINE} · Newsroom"
    change(story, seo_title=OWN["seo_title"])
    assert title(head_of(client, story)) == f"{OWN['seo_title']} · Newsroom"


def test_without_an_original_the_page_is_its_own_canonical(client, story):
    html = head_of(client, story)
    own = "https://news.example.test" + story.get_absolute_url()
    assert canonical(html) == [own]
    assert meta(html, "og:url") == [own]


def test_a_syndicated_copy_points_search_engines_and_shares_to_the_original(client, story):
    html = head_of(client, change(story, canonical_url=ORIGINAL))
    assert canonical(html) == [ORIGINAL]
    assert meta(html, "og:url") == [ORIGINAL]


def test_a_stored_canonical_that_is_not_a_web_address_is_never_shown(client, story):
    # Written past the model's checks (a bulk update, an import): the page's own is used.
    Article.objects.filter(pk=story.pk).update(
        canonical_url="javascript:alert(1)", version=story.version + 1
    )
    html = head_of(client, story)
    assert canonical(html) == ["https://news.example.test" + story.get_absolute_url()]
    assert "javascript:" not in html


def test_hostile_text_in_them_is_escaped(client, story):
    hostile = '</title><script>alert("x")</script>'
    html = head_of(
        client,
        change(
            story,
            seo_title=hostile,
            meta_description=hostile,
            social_title=hostile,
            social_description=hostile,
        ),
    )
    assert "<script>alert" not in html
    assert html.count("</script>") == html.count("<script")
    assert title(html) == f"{hostile} · Newsroom"
    assert meta(html, "og:title") == [hostile]
    assert json_ld(html)["description"] == hostile


# --- the desk: who sets them, what is refused -----------------------------------------------
def change_url(article) -> str:
    return reverse("admin:articles_article_change", args=[article.pk])


def test_a_journalist_sets_them_on_their_draft(journalist):
    draft = ArticleFactory(authors=[journalist.author_profile])
    response = client_for(journalist).post(
        change_url(draft), article_post(draft, **OWN, canonical_url=ORIGINAL)
    )
    assert response.status_code == 302
    draft.refresh_from_db()
    assert {name: getattr(draft, name) for name in OWN} == OWN
    assert draft.canonical_url == ORIGINAL


def test_an_editor_changes_them_on_a_published_story(editor, story):
    response = client_for(editor).post(
        change_url(story), article_post(story, seo_title="Un titre pour la recherche")
    )
    assert response.status_code == 302
    story.refresh_from_db()
    assert story.seo_title == "Un titre pour la recherche"


def test_an_address_without_a_scheme_is_read_as_https(journalist):
    draft = ArticleFactory(authors=[journalist.author_profile])
    data = article_post(draft, canonical_url="agence.example.org/depeche")
    assert client_for(journalist).post(change_url(draft), data).status_code == 302
    draft.refresh_from_db()
    assert draft.canonical_url == "https://agence.example.org/depeche"


@pytest.mark.parametrize(
    "forged",
    [
        "javascript:alert(document.cookie)",
        "javascript://agence.example.org/%0Aalert(1)",
        "data:text/html,<script>alert(1)</script>",
        "ftp://agence.example.org/depeche",
        "https://",
        "http:///depeche",
    ],
)
def test_a_forged_canonical_is_refused_with_a_message(journalist, forged):
    draft = ArticleFactory(authors=[journalist.author_profile])
    response = client_for(journalist).post(
        change_url(draft), article_post(draft, canonical_url=forged)
    )
    assert response.status_code == 200  # the form again, with its error
    errors = response.context["adminform"].form.errors
    assert errors["canonical_url"] == [  # the desk is French at /admin/
        "Indiquez l’adresse complète de l’original, commençant par https:// ou http://."
    ]
    draft.refresh_from_db()
    assert draft.canonical_url == ""


def test_the_model_refuses_them_too(story):
    story.canonical_url = "javascript:alert(1)"
    with pytest.raises(ValidationError) as refused:
        story.full_clean()
    assert list(refused.value.message_dict) == ["canonical_url"]


@pytest.mark.parametrize(
    "field, most",
    [
        ("seo_title", 70),
        ("meta_description", 160),
        ("social_title", 95),
        ("social_description", 200),
        ("canonical_url", 500),
    ],
)
def test_lengths_past_the_limit_are_refused(journalist, field, most):
    draft = ArticleFactory(authors=[journalist.author_profile])
    fits = (
        "https://agence.example.org/" + "a" * (most - 27)
        if field == "canonical_url"
        else ("é" * most)
    )
    assert len(fits) == most
    client = client_for(journalist)
    too_long = client.post(change_url(draft), article_post(draft, **{field: fits + "a"}))
    assert too_long.status_code == 200
    assert field in too_long.context["adminform"].form.errors
    draft.refresh_from_db()
    assert getattr(draft, field) == ""
    draft = Article.objects.get(pk=draft.pk)
    assert client.post(change_url(draft), article_post(draft, **{field: fits})).status_code == 302
    draft.refresh_from_db()
    assert getattr(draft, field) == fits


def test_the_form_shows_them_folded_with_their_counters(journalist):
    draft = ArticleFactory(authors=[journalist.author_profile])
    response = client_for(journalist).get(change_url(draft))
    html = response.content.decode()
    folded = re.findall(r"<details>(.*?)</details>", html, re.S)
    assert len(folded) == 1
    for field, most in (("seo_title", 70), ("meta_description", 160), ("social_title", 95)):
        assert re.search(rf'name="{field}"[^>]*maxlength="{most}"', folded[0])
    assert 'name="canonical_url"' in folded[0]
    assert "newsroom/counters.js" in html


def test_a_refused_field_opens_its_fold(journalist):
    draft = ArticleFactory(authors=[journalist.author_profile])
    response = client_for(journalist).post(
        change_url(draft), article_post(draft, canonical_url="javascript:alert(1)")
    )
    fieldset = next(f for f in response.context["adminform"] if "canonical_url" in f.fields)
    assert not fieldset.is_collapsible


def test_the_social_card_preview_uses_the_social_fields(editor, story):
    client = client_for(editor)
    card = client.get(change_url(story)).content.decode().split('class="social-card"', 1)[1]
    assert HEADLINE in unescape(card)
    change(story, social_title=OWN["social_title"], social_description=OWN["social_description"])
    card = client.get(change_url(story)).content.decode().split('class="social-card"', 1)[1]
    card = unescape(card.split("</div>\n</div>", 1)[0])
    assert OWN["social_title"] in card and OWN["social_description"] in card
    assert HEADLINE not in card and STANDFIRST not in card


# --- revisions --------------------------------------------------------------------------
NEW_FIELDS = [*OWN, "canonical_url"]


def test_a_revision_keeps_them_and_the_comparison_shows_their_change(editor, story, committed):
    before = Revision.objects.filter(article=story).first()
    committed(workflow.save_by, change_story_fields(story), editor)
    after = Revision.objects.filter(article=story).first()
    assert after.number == before.number + 1
    assert {name: after.data[name] for name in OWN} == OWN
    assert after.data["canonical_url"] == ORIGINAL
    with translation.override("en"):
        changed = revisions.changed_labels(before.data, after.data)
    assert changed == [
        "search engine title",
        "search engine description",
        "social media title",
        "social media description",
        "original address",
    ]


def change_story_fields(story):
    for name, value in {**OWN, "canonical_url": ORIGINAL}.items():
        setattr(story, name, value)
    return story


def test_restoring_a_revision_brings_them_back(editor, story, committed):
    committed(workflow.save_by, change_story_fields(story), editor)
    with_them = Revision.objects.filter(article=story).first()
    story = Article.objects.get(pk=story.pk)
    for name in NEW_FIELDS:
        setattr(story, name, "")
    committed(workflow.save_by, story, editor)
    story = Article.objects.get(pk=story.pk)
    assert story.seo_title == ""
    committed(restore, story, with_them, editor)
    story = Article.objects.get(pk=story.pk)
    assert {name: getattr(story, name) for name in OWN} == OWN
    assert story.canonical_url == ORIGINAL


def test_a_journalist_restores_them_on_their_draft(journalist, committed):
    draft = ArticleFactory(authors=[journalist.author_profile])
    committed(workflow.save_by, draft, journalist)
    empty = Revision.objects.filter(article=draft).first()
    committed(workflow.save_by, change_story_fields(Article.objects.get(pk=draft.pk)), journalist)
    restored = committed(restore, Article.objects.get(pk=draft.pk), empty, journalist)
    assert restored == 0
    draft.refresh_from_db()
    assert all(getattr(draft, name) == "" for name in NEW_FIELDS)


def test_a_revision_older_than_these_fields_does_not_show_them_changed():
    older = {"headline": "Le titre", "standfirst": "Le chapeau"}
    newer = {**older, "seo_title": "", "meta_description": "", "canonical_url": ""}
    assert revisions.changed_labels(older, newer) == []
    with translation.override("en"):
        changed = revisions.changed_labels(older, {**newer, "seo_title": "Pour Google"})
    assert changed == ["search engine title"]
