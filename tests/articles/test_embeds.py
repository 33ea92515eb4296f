"""Posts and players from other sites in an article's text: addresses read into a provider
and an id, the one element the text keeps, and the card readers tap to load."""

import re

import pytest
from django.urls import reverse
from hypothesis import given
from hypothesis import strategies as st

from articles import embeds, workflow
from articles.sanitize import sanitize_html
from tests.conftest import client_for
from tests.factories import ArticleFactory
from tests.public.conftest import publish

ADDRESSES = [
    ("https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=42", "youtube:dQw4w9WgXcQ"),
    ("https://youtu.be/dQw4w9WgXcQ", "youtube:dQw4w9WgXcQ"),
    ("https://www.youtube.com/shorts/dQw4w9WgXcQ", "youtube:dQw4w9WgXcQ"),
    ("https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?si=abc", "youtube:dQw4w9WgXcQ"),
    ("https://www.dailymotion.com/video/x8p2k3q", "dailymotion:x8p2k3q"),
    ("https://dai.ly/x8p2k3q", "dailymotion:x8p2k3q"),
    ("https://www.facebook.com/watch/?v=1234567890123", "facebook-video:1234567890123"),
    ("https://www.facebook.com/rti.info/videos/987654321012/", "facebook-video:987654321012"),
    (
        "https://www.facebook.com/rti.info/posts/pfbid0abcDEF123",
        "facebook-post:rti.info:pfbid0abcDEF123",
    ),
    ("https://x.com/AFPfr/status/1790000000000000000", "x:1790000000000000000"),
    ("https://twitter.com/AFPfr/status/1790000000000000000?s=20", "x:1790000000000000000"),
    ("https://www.instagram.com/p/C7abcDEFghi/", "instagram:C7abcDEFghi"),
    ("https://www.instagram.com/reel/C7abcDEFghi/?igsh=x", "instagram:C7abcDEFghi"),
    (
        "https://www.tiktok.com/@rti_officiel/video/7350000000000000000",
        "tiktok:7350000000000000000",
    ),
    ("https://soundcloud.com/radio-jam/journal-du-matin", "soundcloud:radio-jam:journal-du-matin"),
    (
        "https://open.spotify.com/episode/4rOoJ6Egrf8K2IrywzwOMk",
        "spotify:episode:4rOoJ6Egrf8K2IrywzwOMk",
    ),
    (
        "open.spotify.com/intl-fr/track/4rOoJ6Egrf8K2IrywzwOMk",
        "spotify:track:4rOoJ6Egrf8K2IrywzwOMk",
    ),
]


@pytest.mark.parametrize(("address", "stored"), ADDRESSES)
def test_each_providers_addresses_are_read_into_provider_and_id(address, stored):
    assert embeds.from_address(address).value == stored


@pytest.mark.parametrize(
    "address",
    [
        "https://evil.example/watch?v=dQw4w9WgXcQ",
        "https://youtube.com.evil.example/embed/dQw4w9WgXcQ",
        "javascript:alert(1)//youtu.be/dQw4w9WgXcQ",
        "https://www.youtube.com/watch?v=short",
        'https://x.com/AFPfr/status/12"34567',
        "",
        "https://youtu.be/" + "a" * 3000,
    ],
)
def test_any_other_address_is_not_an_embed(address):
    assert embeds.from_address(address) is None


def test_a_pasted_player_becomes_the_embed_element_and_other_frames_go():
    pasted = (
        "<p>Avant</p>"
        '<iframe width="560" height="315" src="https://www.youtube.com/embed/dQw4w9WgXcQ?si=x"'
        ' title="YouTube video player" allowfullscreen></iframe>'
        '<iframe src="https://evil.example/player"></iframe>'
        "<IFRAME SRC='https://player.example/x' onload=alert(1)></IFRAME><p>Après</p>"
    )
    assert sanitize_html(pasted) == (
        '<p>Avant</p><figure data-embed="youtube:dQw4w9WgXcQ"></figure><p>Après</p>'
    )


@pytest.mark.parametrize(
    "forged",
    [
        'youtube:dQw4w9WgXc"Q',
        "youtube:../../x",
        "youtube:dQw4w9WgXcQ/../x",
        "vimeo:123456",
        "x:12/34",
        "soundcloud:a:b:c",
        "",
    ],
)
def test_a_forged_embed_is_removed_and_the_rest_kept(forged):
    body = f'<p>Texte</p><figure data-embed="{forged}"><figcaption>L</figcaption></figure>'
    assert sanitize_html(body) == "<p>Texte</p>"


def test_an_embed_keeps_its_caption_and_nothing_else():
    body = (
        '<figure data-embed="x:1790000000000000000" class="x" onclick="y" style="z">'
        "<figcaption>Le message du ministre</figcaption></figure>"
    )
    assert sanitize_html(body) == (
        '<figure data-embed="x:1790000000000000000">'
        "<figcaption>Le message du ministre</figcaption></figure>"
    )


@given(st.text(max_size=60))
def test_whatever_the_id_only_an_allowed_one_is_kept(embed_id):
    cleaned = sanitize_html(f'<figure data-embed="youtube:{embed_id}"></figure>')
    assert cleaned == "" or re.fullmatch(
        r'<figure data-embed="youtube:[A-Za-z0-9_-]{11}"></figure>', cleaned
    )


# --- what readers get -------------------------------------------------------------------------
VIDEO = (
    '<figure data-embed="youtube:dQw4w9WgXcQ"><figcaption>Le clip officiel</figcaption></figure>'
)


def test_readers_get_a_card_that_loads_nothing_from_the_other_site(client, draft, editor):
    draft.body = "<p>Avant</p>" + VIDEO
    draft.save()
    publish(draft, editor)
    response = client.get(draft.get_absolute_url())
    html = response.content.decode()
    card = re.search(r'<figure class="embed embed-video".*?</figure>', html, re.S).group(0)
    assert 'data-frame="https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?autoplay=1"' in card
    assert 'href="https://www.youtube.com/watch?v=dQw4w9WgXcQ"' in card  # without script
    assert "Le clip officiel" in card and "<iframe" not in html
    assert "Vidéo YouTube" in card and "Lire la vidéo" in card
    assert not re.search(r'(?:src|srcset)="https?://(?!testserver)', html)
    policy = response["Content-Security-Policy"]
    assert "frame-src https://www.youtube-nocookie.com" in policy


@pytest.mark.parametrize(
    "words",
    [
        'data-frame="https://a.example; report-uri https://evil.example/r',
        'data-frame="https://a.example\nSet-Cookie: x=1',
        '&lt;figure class="embed embed-video" data-frame="https://a.example/x"&gt;',
        '<figure class="embed embed-video" data-frame="https://a.example/x"></figure>',
    ],
)
def test_words_of_the_text_never_reach_the_pages_policy(client, draft, editor, words):
    draft.body = f"<p>{words}</p>" + VIDEO
    draft.save()
    publish(draft, editor)
    response = client.get(draft.get_absolute_url())
    assert response.status_code == 200
    policy = response["Content-Security-Policy"]
    assert "frame-src https://www.youtube-nocookie.com" in policy
    assert "a.example" not in policy and "evil" not in policy


def test_the_policy_frames_the_other_site_on_that_page_only(client, draft, editor, journalist):
    draft.body = VIDEO
    draft.save()
    publish(draft, editor)
    client.get(draft.get_absolute_url())  # kept in the page cache
    again = client.get(draft.get_absolute_url())
    assert "frame-src https://www.youtube-nocookie.com" in again["Content-Security-Policy"]
    other = ArticleFactory(authors=[journalist.author_profile])
    workflow.apply_transition(other, "submit", journalist)
    publish(other, editor)
    assert "youtube" not in client.get(other.get_absolute_url())["Content-Security-Policy"]
    assert "youtube" not in client.get("/")["Content-Security-Policy"]


# --- the editor's embed button asks the server ---------------------------------------------
def test_the_desk_reads_an_address_for_the_editor(journalist):
    url = reverse("admin:articles_article_embed")
    found = client_for(journalist).get(url, {"address": "https://youtu.be/dQw4w9WgXcQ"})
    assert found.json() == {"embed": "youtube:dQw4w9WgXcQ", "site": "YouTube"}
    refused = client_for(journalist).get(url, {"address": "https://evil.example/v"})
    assert refused.status_code == 400 and "Collez son lien" in refused.json()["error"]


def test_reading_addresses_is_for_the_desk_only(outsider):
    url = reverse("admin:articles_article_embed")
    assert (
        client_for(outsider).get(url, {"address": "https://youtu.be/dQw4w9WgXcQ"}).status_code
        == 403
    )
