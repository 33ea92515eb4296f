"""The article page of a live story: its state, key events, pinned entries first then the
newest, each with its own address and share links, and LiveBlogPosting for search engines."""

import json
import re
from datetime import UTC, datetime
from urllib.parse import quote

import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from live.models import LiveEntry
from tests.factories import PictureFactory

AT = datetime(2026, 12, 6, 14, 5, tzinfo=UTC)


def html_of(client, article) -> str:
    response = client.get(article.get_absolute_url())
    assert response.status_code == 200
    return response.content.decode()


def live_blog(html: str) -> dict:
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    found = [json.loads(block) for block in blocks]
    return next(data for data in found if data.get("@type") == "LiveBlogPosting")


def test_pinned_first_then_newest_with_key_events_and_addresses(client, coverage, post):
    first = post(coverage, title="Ouverture des bureaux", is_key_event=True)
    pinned = post(coverage, body="<p>À retenir : le couvre-feu.</p>", is_pinned=True)
    newest = post(coverage, body="<p>Premiers résultats.</p>")
    html = html_of(client, coverage.article)
    assert '<span class="live-badge">En direct</span>' in html
    order = [int(pk) for pk in re.findall(r'id="entry-(\d+)"', html)]
    assert order == [pinned.pk, newest.pk, first.pk]
    summary = html.split('class="live-key-events"')[1].split("</nav>")[0]
    assert "Moments clés" in summary and f'href="#entry-{first.pk}"' in summary
    assert "Ouverture des bureaux" in summary and f"#entry-{newest.pk}" not in summary
    assert "Épinglée" in html and "Moment clé" in html


def test_each_entry_has_its_time_in_the_site_zone_and_its_share_links(
    client, coverage, post, settings
):
    settings.TIME_ZONE = "Africa/Lagos"  # an hour ahead of UTC, all year
    with time_machine.travel(AT, tick=False):
        entry = post(coverage, body="<p>Le président a voté à 14 h.</p>")
    html = html_of(client, coverage.article)
    block = html.split(f'id="entry-{entry.pk}"')[1].split("</article>")[0]
    assert "15 h 05" in block
    address = f"https://news.example.test{coverage.article.get_absolute_url()}#entry-{entry.pk}"
    text = quote("Le président a voté à 14 h.", safe="")
    assert f'href="https://wa.me/?text={text}%20{quote(address, safe="")}"' in block
    assert f'href="{address}"' in block and "Lien vers cette entrée" in block


def test_live_blog_posting_for_search_engines(client, coverage, post, editor, committed):
    entry = post(coverage, title="Résultats", body="<p>Le taux de participation : 60 %.</p>")
    data = live_blog(html_of(client, coverage.article))
    assert data["coverageStartTime"].startswith(coverage.started_at.strftime("%Y-%m-%dT%H:%M"))
    assert "coverageEndTime" not in data
    [update] = data["liveBlogUpdate"]
    assert update["@type"] == "BlogPosting" and update["headline"] == "Résultats"
    assert update["url"].endswith(f"#entry-{entry.pk}")
    assert update["articleBody"] == "Le taux de participation : 60 %."
    committed(coverage.end_by, editor, "Fin.")
    assert "coverageEndTime" in live_blog(html_of(client, coverage.article))


def test_ended_coverage_shows_its_closing_summary_and_polls_no_more(
    client, coverage, post, editor, committed
):
    post(coverage)
    committed(coverage.end_by, editor, "Le scrutin est clos.\nMerci de nous avoir suivis.")
    html = html_of(client, coverage.article)
    assert "Fin du direct" in html and "En direct</span>" not in html
    assert "Le scrutin est clos.<br>Merci de nous avoir suivis." in html
    assert "live/live.js" not in html and "data-live-ended" in html


def test_the_polling_script_and_its_fallback_link(client, coverage):
    html = html_of(client, coverage.article)
    assert 'src="/static/live/live.js"' in html
    poll = f"/direct/{coverage.article.pk}/nouvelles/?langue=fr"
    assert f'data-live-poll="{poll}"' in html
    assert (
        f'<a href="{coverage.article.get_absolute_url()}" data-live-reload>Actualiser</a>' in html
    )
    assert "Les premières entrées arrivent." in html


def test_typed_text_is_escaped_and_sanitised_on_the_page(client, coverage, post, editor, committed):
    post(coverage, title="<script>alert(1)</script>", body="<p>Texte</p><script>alert(2)</script>")
    committed(coverage.end_by, editor, "</script><script>alert(3)</script>")
    html = html_of(client, coverage.article)
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "alert(2)" not in html
    assert "<script>alert(3)" not in html and "&lt;script&gt;alert(3)" in html
    assert "<script>alert(1)" not in live_blog_text(html)


def live_blog_text(html: str) -> str:
    """The JSON-LD blocks as written: no typed text breaks out of them."""
    return "".join(re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S))


def test_the_english_page_speaks_english(client, coverage, post):
    post(coverage, is_key_event=True)
    with translation.override("en"):
        html = html_of(client, coverage.article)
    assert '<span class="live-badge">Live</span>' in html and "Key events" in html
    assert "/direct/" in html and "langue=en" in html


def test_a_normal_article_shows_no_live_part(client, published):
    html = html_of(client, published)
    assert "live-badge" not in html and "live.js" not in html and "LiveBlogPosting" not in html
    assert "<!--live-->" not in html  # where the entries would go leaves no trace


def test_the_entries_follow_the_body_within_the_article(client, coverage, post):
    post(coverage, body="<p>Les bureaux ferment.</p>")
    html = html_of(client, coverage.article)
    body, entries = html.index('class="article-body"'), html.index('id="direct"')
    after = [html.index('class="author-box"'), html.index('class="share share-bottom"')]
    assert body < entries < min(after)  # before the closing share bar and the author's box
    assert "<!--live-->" not in html


def queries(client, article) -> int:
    with CaptureQueriesContext(connection) as done:
        assert client.get(article.get_absolute_url()).status_code == 200
    return len(done)


def test_a_normal_article_costs_no_query_more(client, published, committed):
    committed(lambda: None)
    queries(client, published)
    assert queries(client, published) == 1  # the article (pinned in tests/public)


def test_a_live_story_costs_one_query_more_once_per_change(client, coverage, post):
    post(coverage, body="<p>Une entrée.</p>")
    queries(client, coverage.article)
    # Every later reader: the article only, its live part kept under its version.
    assert queries(client, coverage.article) == 1
    for _more in range(3):
        post(coverage)
    # The first reader after a change: the article, then the coverage with its entries (an
    # entry schedules nothing: the next timed change is not read again).
    assert queries(client, coverage.article) == 1 + 1
    assert queries(client, coverage.article) == 1


def test_an_unpublished_live_story_shows_nothing(client, coverage, editor, committed, post):
    from articles import workflow

    post(coverage)
    committed(workflow.apply_transition, coverage.article, "unpublish", editor, comment="Retrait.")
    assert client.get(coverage.article.get_absolute_url()).status_code == 404
    assert LiveEntry.objects.count() == 1


def test_an_entry_shows_an_embed_and_the_page_lets_its_player_in(client, coverage, post):
    entry = post(
        coverage, body='<p>La vidéo :</p><figure data-embed="youtube:dQw4w9WgXcQ"></figure>'
    )
    response = client.get(coverage.article.get_absolute_url())
    block = response.content.decode().split(f'id="entry-{entry.pk}"')[1].split("</article>")[0]
    assert 'data-frame="https://www.youtube-nocookie.com/' in block
    assert "frame-src https://www.youtube-nocookie.com" in response["Content-Security-Policy"]


def test_a_normal_article_lets_no_player_in(client, published):
    response = client.get(published.get_absolute_url())
    assert "frame-src" not in response["Content-Security-Policy"]


def test_an_entry_shows_a_library_picture_as_its_renditions(client, coverage, post):
    picture = PictureFactory()
    picture.refresh_renditions()  # what the upload's on_commit does outside tests
    body = f'<figure><img src="{picture.file.url}" data-file="{picture.pk}"></figure><p>Photo.</p>'
    entry = post(coverage, body=body)
    entry.refresh_from_db()
    assert 'alt="Une rue animée d’Abidjan au matin"' in entry.body  # completed on save
    html = html_of(client, coverage.article)
    block = html.split(f'id="entry-{entry.pk}"')[1].split("</article>")[0]
    assert "<picture>" in block and 'type="image/webp"' in block
