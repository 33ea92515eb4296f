"""The poll: 304 from the cache alone while nothing changed; the new entries, rendered as
on the page, once something has; nothing for what readers may not see."""

import re

import pytest
from django.core.cache import cache

from articles import workflow
from live import versions


def poll(client, article, after=0, etag=None, language="fr"):
    headers = {"HTTP_IF_NONE_MATCH": etag} if etag else {}
    return client.get(f"/direct/{article.pk}/nouvelles/?apres={after}&langue={language}", **headers)


def test_nothing_new_is_a_304_without_a_query(client, coverage, post, django_assert_num_queries):
    post(coverage)
    first = poll(client, coverage.article)
    assert first.status_code == 200
    with django_assert_num_queries(0):
        again = poll(client, coverage.article, etag=first["ETag"])
    assert again.status_code == 304 and again["ETag"] == first["ETag"]
    assert "public" in again["Cache-Control"] and "max-age=10" in again["Cache-Control"]
    assert again["X-Request-ID"]  # through the request log all the same
    compressed = poll(client, coverage.article, etag="W/" + first["ETag"])  # a CDN's copy
    assert compressed.status_code == 304


def test_new_entries_come_rendered_as_on_the_page(client, coverage, post):
    seen = post(coverage, body="<p>Déjà lue.</p>")
    before = poll(client, coverage.article, after=seen.pk)
    assert before.json()["count"] == 0
    one = post(coverage, body="<p>Nouvelle : le dépouillement commence.</p>")
    two = post(coverage, title="Résultats partiels", is_pinned=True)
    answer = poll(client, coverage.article, after=seen.pk, etag=before["ETag"])
    assert answer.status_code == 200 and answer["ETag"] != before["ETag"]
    data = answer.json()
    assert data["count"] == 2 and data["label"] == "2 nouvelles entrées"
    assert [entry["id"] for entry in data["entries"]] == [two.pk, one.pk]
    assert f'id="entry-{one.pk}"' in data["entries"][1]["html"]
    assert "Nouvelle : le dépouillement commence." in data["entries"][1]["html"]
    assert data["latest"] == two.pk and data["ended"] is False
    page = client.get(coverage.article.get_absolute_url()).content.decode()
    assert data["entries"][1]["html"].strip() in page  # the same markup as the page's


def test_one_new_entry_in_english(client, coverage, post):
    post(coverage)
    data = poll(client, coverage.article, language="en").json()
    assert data["label"] == "1 new entry"
    assert poll(client, coverage.article).json()["label"] == "1 nouvelle entrée"


def test_the_end_of_coverage_is_told(client, coverage, editor, committed):
    etag = poll(client, coverage.article)["ETag"]
    committed(coverage.end_by, editor, "Fin.")
    answer = poll(client, coverage.article, etag=etag)
    assert answer.status_code == 200 and answer.json()["ended"] is True


def test_an_article_without_coverage_is_not_found_and_leaves_no_trace(client, published):
    assert poll(client, published).status_code == 404
    assert cache.get(versions.version_key(published.pk)) is None
    assert poll(client, type("Missing", (), {"pk": 987654})).status_code == 404


def test_an_unpublished_live_story_is_not_found(client, coverage, post, editor, committed):
    post(coverage)
    committed(workflow.apply_transition, coverage.article, "unpublish", editor, comment="Retrait.")
    answer = poll(client, coverage.article)
    assert answer.status_code == 404 and b"entry" not in answer.content


@pytest.mark.parametrize("after", ["abc", "-1", "1" * 30, "%00"])
def test_a_bad_entry_id_is_refused(client, coverage, after):
    assert poll(client, coverage.article, after=after).status_code == 400


def test_an_unknown_language_is_refused(client, coverage):
    assert poll(client, coverage.article, language="xx").status_code == 400


def test_only_get(client, coverage):
    answer = client.post(f"/direct/{coverage.article.pk}/nouvelles/")
    assert answer.status_code == 405


def test_answered_before_sessions_and_authentication(client, coverage, editor):
    client.force_login(editor)
    answer = poll(client, coverage.article)
    assert answer.status_code == 200
    assert "Cookie" not in answer.get("Vary", "") and not answer.cookies
    assert "private" not in answer["Cache-Control"]  # the same for everyone: no user in it


def seen_at(client, article):
    """What an open page asks with: its newest entry, its revision, its version."""
    html = client.get(article.get_absolute_url()).content.decode()
    after = re.search(r'data-live-after="(\d+)"', html)[1]
    since = re.search(r'data-live-revision="(\d+)"', html)[1]
    etag = '"' + re.search(r'data-live-version="(\d+)"', html)[1] + '"'
    return after, since, etag


def poll_since(client, article, after, since, etag):
    url = f"/direct/{article.pk}/nouvelles/?apres={after}&depuis={since}&langue=fr"
    return client.get(url, HTTP_IF_NONE_MATCH=etag)


def test_an_edit_a_correction_and_a_pin_reach_an_open_page(
    client, coverage, post, editor, committed
):
    one = post(coverage, body="<p>Participation : 40 %.</p>")
    two = post(coverage, body="<p>Le vote continue.</p>")
    untouched = post(coverage, body="<p>Calme à Daloa.</p>")
    after, since, etag = seen_at(client, coverage.article)
    committed(one.correct_by, editor, body="<p>Participation : 45 %.</p>")
    committed(two.edit_by, editor, title="", body=two.body, is_key_event=True, is_pinned=True)
    answer = poll_since(client, coverage.article, after, since, etag)
    assert answer.status_code == 200
    data = answer.json()
    assert data["count"] == 0 and data["entries"] == []
    changed = {entry["id"]: entry["html"] for entry in data["changed"]}
    assert set(changed) == {one.pk, two.pk}  # not the untouched entry
    assert "45 %" in changed[one.pk] and "Corrigée à" in changed[one.pk]
    assert "live-pinned-entry" in changed[two.pk]
    assert data["pinned"] == [two.pk]
    assert data["present"] == [untouched.pk, two.pk, one.pk]
    assert f'href="#entry-{two.pk}"' in data["key_events"] and "Moments clés" in data["key_events"]
    assert data["revision"] > int(since)
    # The page as reloaded shows the same: the poll's markup is the page's.
    page = client.get(coverage.article.get_absolute_url()).content.decode()
    assert changed[one.pk].strip() in page and data["key_events"].strip() in page


def test_a_deleted_entry_leaves_open_pages(client, coverage, post, editor, committed):
    kept = post(coverage, body="<p>Résultats à Man.</p>")
    wrong = post(coverage, body="<p>Information erronée.</p>", is_key_event=True)
    after, since, etag = seen_at(client, coverage.article)
    committed(wrong.delete_by, editor)
    data = poll_since(client, coverage.article, after, since, etag).json()
    assert data["present"] == [kept.pk] and data["changed"] == [] and data["count"] == 0
    assert data["key_events"] == ""  # the summary loses it too


def test_an_entry_posted_then_edited_comes_once_as_new(client, coverage, post, editor, committed):
    post(coverage)
    after, since, etag = seen_at(client, coverage.article)
    entry = post(coverage, body="<p>Premier chiffre.</p>")
    committed(
        entry.edit_by,
        editor,
        title="",
        body="<p>Chiffre revu.</p>",
        is_key_event=False,
        is_pinned=False,
    )
    data = poll_since(client, coverage.article, after, since, etag).json()
    assert [e["id"] for e in data["entries"]] == [entry.pk] and data["changed"] == []
    assert "Chiffre revu." in data["entries"][0]["html"]


@pytest.mark.parametrize("since", ["x", "-2", "9" * 30])
def test_a_bad_revision_is_refused(client, coverage, since):
    url = f"/direct/{coverage.article.pk}/nouvelles/?apres=0&depuis={since}&langue=fr"
    assert client.get(url).status_code == 400


def test_each_change_is_one_more_revision_of_the_coverage(coverage, post, editor, committed):
    first = post(coverage)
    second = post(coverage)
    assert (first.revision, second.revision) == (1, 2)
    committed(
        first.edit_by, editor, title="Vu", body=first.body, is_key_event=False, is_pinned=False
    )
    first.refresh_from_db()
    coverage.refresh_from_db()
    assert first.revision == coverage.revision == 3
    committed(second.delete_by, editor)
    coverage.refresh_from_db()
    assert coverage.revision == 4
