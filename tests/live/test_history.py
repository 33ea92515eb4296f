"""Every change to live coverage is told once made (live.signals.live_changed), with who
made it and, for an entry, its text before and after: what the audit log records."""

import pytest

from audit.models import AuditEvent
from live import signals
from live.models import LiveCoverage, LiveEntry


@pytest.fixture
def told():
    heard = []

    def listen(sender, action, obj, user, **detail):
        heard.append((action, obj.pk, user.username, detail))

    signals.live_changed.connect(listen, dispatch_uid="test_history")
    yield heard
    signals.live_changed.disconnect(dispatch_uid="test_history")


def test_each_step_is_told_with_its_author_and_texts(published, editor, live_journalist, told):
    coverage = LiveCoverage.start_by(editor, published)
    entry = LiveEntry.post_by(live_journalist, coverage, body="<p>12 blessés.</p>")
    entry.correct_by(editor, body="<p>11 blessés.</p>")
    entry.edit_by(editor, title="Bilan", body=entry.body, is_key_event=True, is_pinned=False)
    entry_pk = entry.pk
    entry.delete_by(editor)
    coverage.end_by(editor, "Fin.")
    assert [(action, pk, who) for action, pk, who, _detail in told] == [
        (signals.STARTED, coverage.pk, "mariam"),
        (signals.POSTED, entry_pk, "awa"),
        (signals.CORRECTED, entry_pk, "mariam"),
        (signals.EDITED, entry_pk, "mariam"),
        (signals.DELETED, entry_pk, "mariam"),
        (signals.ENDED, coverage.pk, "mariam"),
    ]
    corrected = told[2][3]
    assert corrected["before"]["body"] == "<p>12 blessés.</p>"
    assert corrected["after"]["body"] == "<p>11 blessés.</p>"
    assert told[4][3]["before"]["title"] == "Bilan"


def test_a_refusal_tells_nothing(published, journalist, told):
    with pytest.raises(Exception, match="éditeur"):
        LiveCoverage.start_by(journalist, published)
    assert told == []


def test_the_audit_log_keeps_each_step(published, editor, live_journalist):
    coverage = LiveCoverage.start_by(editor, published)
    entry = LiveEntry.post_by(live_journalist, coverage, body="<p>12 blessés.</p>")
    entry.correct_by(editor, body="<p>11 blessés.</p>")
    entry_id = str(entry.pk)
    entry.delete_by(editor)
    steps = list(AuditEvent.objects.order_by("pk").values_list("action", "username", "object_id"))
    assert steps[-4:] == [
        ("live_started", "mariam", str(coverage.pk)),
        ("live_entry_posted", "awa", entry_id),
        ("live_entry_corrected", "mariam", entry_id),
        ("live_entry_deleted", "mariam", entry_id),
    ]
    corrected = AuditEvent.objects.get(action="live_entry_corrected")
    assert corrected.detail["before"]["body"] == "<p>12 blessés.</p>"
    assert corrected.detail["after"]["body"] == "<p>11 blessés.</p>"
    assert corrected.get_action_display() == "Entrée du direct corrigée"
