"""Subscribers on the desk: editors list, count, export and unsubscribe them; journalists see
nothing; nobody adds or changes one; a superuser alone erases one (GDPR)."""

import csv
import io
from datetime import datetime, timedelta
from itertools import product

import pytest
from django.contrib import admin
from django.contrib.admin.models import LogEntry
from django.urls import reverse
from django.utils import timezone

from newsletters.admin.subscribers import COUNT_LABELS, STATE_LABELS, STATES, csv_header, safe_cell
from newsletters.models import Subscriber
from tests.conftest import client_for
from tests.factories import SectionFactory

LIST = "admin:newsletters_subscriber_changelist"
EXPORT = "admin:newsletters_subscriber_export"
WHEN = timezone.make_aware(datetime(2026, 12, 7, 9, 30, 15, 123456), timezone.get_fixed_timezone(0))


def make(email, state="active", **fields):
    """A subscriber in the given state, straight in the database."""
    times = {
        "pending": {},
        "active": {"confirmed_at": WHEN},
        "unsubscribed": {"confirmed_at": WHEN, "unsubscribed_at": WHEN + timedelta(days=1)},
        "bounced": {"confirmed_at": WHEN, "bounced_at": WHEN + timedelta(days=2)},
    }[state]
    sections = fields.pop("sections", ())
    subscriber = Subscriber.objects.create(email=email, **times, **fields)
    subscriber.sections.set(sections)
    return subscriber


@pytest.fixture
def base():
    """Three active, two pending, one who left, one whose address bounced."""
    economy = SectionFactory(name="Économie", position=1)
    sport = SectionFactory(name="Sport", position=2)
    return {
        "awa": make("awa@example.org", sections=[economy, sport], wants_alerts=True),
        "yao": make("yao@example.org", language="en"),
        "koffi": make("koffi@example.org", wants_digest=False, wants_alerts=True),
        "aya": make("aya@example.org", "pending"),
        "ines": make("ines@example.org", "pending", sections=[economy]),
        "jean": make("jean@example.org", "unsubscribed"),
        "zoe": make("zoe@example.org", "bounced"),
    }


def rows_of(response) -> list[list[str]]:
    content = b"".join(response.streaming_content).decode("utf-8")
    assert content.startswith("\ufeff")
    return list(csv.reader(io.StringIO(content[1:])))


def export(user, query="", action=None):
    if action:
        return client_for(user).post(reverse(LIST), action)
    return client_for(user).get(reverse(EXPORT) + query)


# --- who ------------------------------------------------------------------------------------
def test_an_editor_sees_the_list_with_the_whole_base_counted(editor, base):
    response = client_for(editor).get(reverse(LIST), {"state": "active"})
    assert response.status_code == 200
    counts = {state: number for state, _label, number in response.context["subscriber_counts"]}
    assert counts == {"pending": 2, "active": 3, "unsubscribed": 1, "bounced": 1}
    html = response.content.decode()
    assert '<dl class="subscriber-counts"' in html
    for state, number in counts.items():
        assert f"<dt>{COUNT_LABELS[state]}</dt><dd>{number}</dd>" in html
    assert "awa@example.org" in html and "aya@example.org" not in html  # the filter, not the counts
    assert "Économie, Sport" in html
    assert f'href="{reverse(EXPORT)}?state=active" download>' in html


def test_the_desk_index_shows_subscribers_to_editors_only(editor, journalist, base):
    address = reverse("newsletters:subscribe")
    assert address  # the public page stays where it was
    index = reverse("admin:index")
    assert reverse(LIST) in client_for(editor).get(index).content.decode()
    assert reverse(LIST) not in client_for(journalist).get(index).content.decode()


@pytest.mark.parametrize("person", ["journalist", "outsider"])
def test_a_journalist_gets_nothing(request, person, base):
    client = client_for(request.getfixturevalue(person))
    awa = base["awa"]
    assert client.get(reverse(LIST)).status_code == 403
    change = reverse("admin:newsletters_subscriber_change", args=[awa.pk])
    assert client.get(change).status_code == 403
    assert client.get(reverse(EXPORT)).status_code == 403
    assert client.get(reverse(EXPORT) + "?state=active").status_code == 403
    posted = client.post(
        reverse(LIST), {"action": "unsubscribe_selected", "_selected_action": [awa.pk]}
    )
    assert posted.status_code == 403
    awa.refresh_from_db()
    assert awa.unsubscribed_at is None


def test_signed_out_people_are_sent_to_sign_in(client, base):
    for address in (reverse(LIST), reverse(EXPORT)):
        response = client.get(address)
        assert response.status_code == 302 and "login" in response["Location"]


def test_nobody_adds_or_changes_a_subscriber(editor, admin_user, base):
    awa = base["awa"]
    change = reverse("admin:newsletters_subscriber_change", args=[awa.pk])
    for user in (editor, admin_user):
        client = client_for(user)
        assert client.get(reverse("admin:newsletters_subscriber_add")).status_code == 403
        page = client.get(change)
        assert page.status_code == 200 and not page.context["has_change_permission"]
        assert page.context["title"] == admin.site._registry[Subscriber].titles.view
        html = page.content.decode()
        assert "Économie, Sport" in html and str(awa.key) not in html  # the key stays secret
        client.post(change, {"email": "other@example.org"})
        awa.refresh_from_db()
        assert awa.email == "awa@example.org"


# --- deleting: a superuser, for an erasure request ----------------------------------------
def test_an_editor_deletes_nobody(editor, base):
    awa = base["awa"]
    client = client_for(editor)
    delete = reverse("admin:newsletters_subscriber_delete", args=[awa.pk])
    assert client.post(delete, {"post": "yes"}).status_code == 403
    posted = {"action": "delete_selected", "_selected_action": [awa.pk], "post": "yes"}
    client.post(reverse(LIST), posted)
    assert Subscriber.objects.filter(pk=awa.pk).exists()


def test_a_superuser_erases_an_address_and_the_history_forgets_it(admin_user, base):
    awa = base["awa"]
    client = client_for(admin_user)
    unsubscribing = {"action": "unsubscribe_selected", "_selected_action": [awa.pk]}
    client.post(reverse(LIST), unsubscribing)
    assert LogEntry.objects.get().object_repr == "awa@example.org"
    delete = reverse("admin:newsletters_subscriber_delete", args=[awa.pk])
    assert client.post(delete, {"post": "yes"}).status_code == 302
    assert not Subscriber.objects.filter(pk=awa.pk).exists()
    entries = LogEntry.objects.order_by("pk")
    assert [entry.object_repr for entry in entries] == [f"#{awa.pk}"] * 2
    assert [entry.action_flag for entry in entries] == [2, 3]  # changed, then deleted


# --- the list ------------------------------------------------------------------------------
def test_the_state_filter_reads_as_each_subscriber_does():
    """Every mix of dates: the filter and the counts agree with Subscriber.state."""
    for number, (confirmed, unsubscribed, bounced) in enumerate(product([None, WHEN], repeat=3)):
        Subscriber.objects.create(
            email=f"r{number}@example.org",
            confirmed_at=confirmed,
            unsubscribed_at=unsubscribed,
            bounced_at=bounced,
        )
    for state, condition in STATES.items():
        matched = set(Subscriber.objects.filter(condition))
        assert matched == {s for s in Subscriber.objects.all() if s.state == state}, state


def test_the_list_is_searched_and_filtered(editor, base):
    client = client_for(editor)

    def listed(**query):
        return {s.email for s in client.get(reverse(LIST), query).context["cl"].result_list}

    assert listed(state="pending") == {"aya@example.org", "ines@example.org"}
    assert listed(state="bounced") == {"zoe@example.org"}
    assert listed(state="unsubscribed") == {"jean@example.org"}
    assert listed(q="KOFFI") == {"koffi@example.org"}
    assert listed(wants_alerts__exact="1") == {"awa@example.org", "koffi@example.org"}
    assert listed(language__exact="en") == {"yao@example.org"}
    economy = base["ines"].sections.get()
    assert listed(sections__id__exact=str(economy.pk)) == {"awa@example.org", "ines@example.org"}


def test_thirty_subscribers_cost_no_more_queries_than_one(editor, django_assert_num_queries):
    sections = [SectionFactory(name=name) for name in ("Économie", "Sport", "Culture")]
    client = client_for(editor)
    client.get(reverse(LIST))  # the session and the permissions, as on any page
    for number in range(30):
        make(f"reader{number}@example.org", sections=sections[: number % 4])
    # session, user, its permissions and its groups'; the counts; the sections filter; the
    # page's count, rows and their sections; the date hierarchy's span, then its days
    with django_assert_num_queries(11):
        response = client.get(reverse(LIST))
    assert len(response.context["cl"].result_list) == 30


# --- unsubscribing, for a reader who asks by phone -----------------------------------------
def test_an_editor_unsubscribes_the_selected_readers(editor, base):
    chosen = [base["awa"].pk, base["aya"].pk, base["jean"].pk]  # jean had left already
    client = client_for(editor)
    response = client.post(
        reverse(LIST), {"action": "unsubscribe_selected", "_selected_action": chosen}, follow=True
    )
    assert [m.message[0] for m in response.context["messages"]] == ["2"]  # "2 subscribers…"
    assert Subscriber.objects.filter(unsubscribed_at__isnull=False).count() == 3
    base["jean"].refresh_from_db()
    assert base["jean"].unsubscribed_at == WHEN + timedelta(days=1)  # kept as it was
    assert LogEntry.objects.count() == 2


# --- the CSV file --------------------------------------------------------------------------
def test_the_export_has_every_column_in_the_sites_time(editor, base, settings):
    settings.TIME_ZONE = "Africa/Lagos"  # one hour ahead of UTC: the file follows the site
    response = export(editor)
    assert response.status_code == 200 and response.streaming
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    today = timezone.localdate().isoformat()
    assert response["Content-Disposition"] == f'attachment; filename="abonnes-{today}.csv"'
    rows = rows_of(response)
    assert rows[0] == csv_header()
    by_email = {row[0]: row for row in rows[1:]}
    assert len(by_email) == 7
    asked = timezone.localtime(base["awa"].created_at).replace(microsecond=0).isoformat()
    assert by_email["awa@example.org"] == [
        "awa@example.org",
        STATE_LABELS["active"],
        "Oui",
        "Oui",
        "Économie; Sport",
        "fr",
        asked,
        "2026-12-07T10:30:15+01:00",
        "",
        "",
    ]
    assert by_email["jean@example.org"][1] == STATE_LABELS["unsubscribed"]
    assert by_email["jean@example.org"][8] == "2026-12-08T10:30:15+01:00"
    assert by_email["zoe@example.org"][1] == STATE_LABELS["bounced"]
    assert by_email["zoe@example.org"][9] == "2026-12-09T10:30:15+01:00"
    assert by_email["aya@example.org"][1:3] == [STATE_LABELS["pending"], "Oui"]
    assert by_email["aya@example.org"][7] == ""
    assert by_email["koffi@example.org"][2:4] == ["Non", "Oui"]
    assert by_email["yao@example.org"][5] == "en"


def test_the_export_follows_the_lists_filters_and_search(editor, base):
    emails = [row[0] for row in rows_of(export(editor, "?state=active"))[1:]]
    assert sorted(emails) == ["awa@example.org", "koffi@example.org", "yao@example.org"]
    emails = [row[0] for row in rows_of(export(editor, "?state=pending&q=ines"))[1:]]
    assert emails == ["ines@example.org"]


def test_an_unknown_filter_sends_back_to_the_list(editor, base):
    response = export(editor, "?nonsense=1")
    assert response.status_code == 302 and response["Location"] == reverse(LIST)


def test_the_export_action_writes_the_selected_only(admin_user, base):
    chosen = {"action": "export_selected", "_selected_action": [base["ines"].pk, base["zoe"].pk]}
    rows = rows_of(export(admin_user, action=chosen))
    assert sorted(row[0] for row in rows[1:]) == ["ines@example.org", "zoe@example.org"]
    assert rows[0] == csv_header()


def test_a_formula_in_a_cell_is_written_as_text(editor):
    make("=1+2@example.org", sections=[SectionFactory(name="@Abidjan")])
    make("-sum@example.org")
    rows = rows_of(export(editor))
    cells = {row[0]: row[4] for row in rows[1:]}
    assert cells == {"'=1+2@example.org": "'@Abidjan", "'-sum@example.org": ""}
    assert [safe_cell(v) for v in ("+1", "\tx", "\rx", "ok=1")] == ["'+1", "'\tx", "'\rx", "ok=1"]


def test_the_export_in_english(editor, base):
    response = client_for(editor).get(reverse(EXPORT).replace("/admin/", "/en/admin/", 1))
    rows = rows_of(response)
    assert rows[0][:2] == ["Email address", "State"]
    assert {row[1] for row in rows[1:]} == {"Active", "Pending", "Unsubscribed", "Bounced"}
