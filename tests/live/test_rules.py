"""Who may start, post to, end, edit, correct and delete live coverage: the models refuse
the rest, and a refusal changes nothing."""

import uuid

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from live.models import LiveCoverage, LiveEntry


def test_a_live_journalist_posts_at_once(coverage, live_journalist):
    entry = LiveEntry.post_by(
        live_journalist, coverage, title="Ouverture", body="<p>C’est parti.</p>"
    )
    assert entry.author == live_journalist and entry.posted_at is not None
    assert list(coverage.entries.all()) == [entry]


def test_an_editor_posts_too(coverage, editor):
    LiveEntry.post_by(editor, coverage, body="<p>Premiers chiffres.</p>")
    assert coverage.entries.get().author == editor


@pytest.mark.parametrize("who", ["journalist", "outsider"])
def test_anyone_outside_the_live_group_is_refused(coverage, who, request):
    user = request.getfixturevalue(who)
    with pytest.raises(PermissionDenied):
        LiveEntry.post_by(user, coverage, body="<p>Pas autorisé.</p>")
    assert not LiveEntry.objects.exists()


def test_nothing_is_posted_on_ended_coverage(coverage, editor, live_journalist):
    coverage.end_by(editor, "Les résultats sont tombés.")
    with pytest.raises(ValidationError, match="terminé"):
        LiveEntry.post_by(live_journalist, coverage, body="<p>Trop tard.</p>")
    assert not LiveEntry.objects.exists()


def test_nothing_is_posted_before_coverage_starts(published, live_journalist):
    waiting = LiveCoverage.objects.create(article=published)
    with pytest.raises(ValidationError, match="pas commencé"):
        LiveEntry.post_by(live_journalist, waiting, body="<p>Trop tôt.</p>")
    assert not LiveEntry.objects.exists()


def test_only_editors_start_and_end(published, live_journalist, journalist, editor):
    for user in (live_journalist, journalist):
        with pytest.raises(PermissionDenied):
            LiveCoverage.start_by(user, published)
    assert not LiveCoverage.objects.exists()
    coverage = LiveCoverage.start_by(editor, published)
    with pytest.raises(PermissionDenied):
        coverage.end_by(live_journalist, "Fin.")
    coverage.refresh_from_db()
    assert coverage.is_running and coverage.started_by == editor


def test_coverage_starts_once_and_ends_once(coverage, editor):
    with pytest.raises(ValidationError):
        LiveCoverage.start_by(editor, coverage.article)
    coverage.end_by(editor, "Bilan.")
    with pytest.raises(ValidationError):
        coverage.end_by(editor, "Encore.")
    with pytest.raises(ValidationError):
        LiveCoverage.start_by(editor, coverage.article)
    coverage.refresh_from_db()
    assert coverage.closing_summary == "Bilan." and coverage.ended_by == editor


def test_a_double_click_posts_one_entry(coverage, live_journalist):
    token = uuid.uuid4()
    first = LiveEntry.post_by(live_journalist, coverage, body="<p>Une fois.</p>", token=token)
    again = LiveEntry.post_by(live_journalist, coverage, body="<p>Une fois.</p>", token=token)
    assert again.pk == first.pk and coverage.entries.count() == 1


def test_an_editor_edits_corrects_and_deletes_with_history(coverage, editor, live_journalist):
    entry = LiveEntry.post_by(live_journalist, coverage, title="Bilan", body="<p>12 morts.</p>")
    entry.edit_by(
        editor, title="Bilan provisoire", body=entry.body, is_key_event=True, is_pinned=False
    )
    entry.refresh_from_db()
    assert entry.title == "Bilan provisoire" and entry.is_key_event and entry.corrected_at is None
    entry.correct_by(editor, body="<p>11 morts.</p>")
    entry.refresh_from_db()
    assert entry.body == "<p>11 morts.</p>" and entry.corrected_at is not None
    assert entry.earlier_body == "<p>12 morts.</p>" and entry.earlier_title == "Bilan provisoire"
    entry.delete_by(editor)
    assert not LiveEntry.objects.exists()


def test_a_live_journalist_cannot_change_or_delete_an_entry(coverage, live_journalist):
    entry = LiveEntry.post_by(live_journalist, coverage, body="<p>Texte juste.</p>")
    with pytest.raises(PermissionDenied):
        entry.correct_by(live_journalist, body="<p>Texte changé.</p>")
    with pytest.raises(PermissionDenied):
        entry.delete_by(live_journalist)
    entry.refresh_from_db()
    assert entry.body == "<p>Texte juste.</p>" and entry.corrected_at is None


def test_an_entry_is_sanitised_like_an_article(coverage, live_journalist):
    entry = LiveEntry.post_by(
        live_journalist,
        coverage,
        title="<b>Titre</b>\u202e",
        body='<p onclick="x()">Texte<script>alert(1)</script></p><iframe src="https://evil.example/"></iframe>',
    )
    entry.refresh_from_db()
    assert entry.body == "<p>Texte</p>"
    assert entry.title == "<b>Titre</b>"  # plain text: escaped where shown


def test_an_empty_text_is_refused(coverage, live_journalist):
    with pytest.raises(ValidationError):
        LiveEntry.post_by(live_journalist, coverage, body="<script>alert(1)</script>")
    assert not LiveEntry.objects.exists()
