"""The audit log (TRUST 42): sign-ins and failures, second factors, workflow steps, preview
links, tag merges and every change to accounts, groups and permissions, each with who and
from where; administrators filter and search it, and nobody changes it."""

import pytest
from django.contrib.auth.models import Group, Permission
from django.test import Client
from django.urls import NoReverseMatch, reverse
from taggit.models import Tag

from articles import workflow
from articles.models import PreviewLink
from articles.tag_merge import merge_tags
from audit.models import AuditEvent
from newsroom.two_factor.devices import make_recovery_codes
from tests.accounts.two_factor import authenticator_for, code_for, give_code, sign_in
from tests.conftest import client_for
from tests.factories import ArticleFactory, UserFactory

Action = AuditEvent.Action
ADDRESS = "198.51.100.23"


def last(action) -> AuditEvent:
    return AuditEvent.objects.filter(action=action).latest("pk")


def as_admin(admin_user) -> Client:
    client = Client(REMOTE_ADDR=ADDRESS)
    client.force_login(admin_user)
    return client


# --- signing in -----------------------------------------------------------------------------
def test_a_sign_in_is_recorded_with_who_and_where(editor):
    sign_in(editor, address=ADDRESS)
    event = last(Action.LOGIN)
    assert (event.actor, event.username, event.ip_address) == (editor, "mariam", ADDRESS)
    assert event.object_repr == "mariam"


def test_a_failed_sign_in_keeps_the_name_tried_and_never_the_password(editor):
    client = Client(REMOTE_ADDR=ADDRESS)
    client.post(reverse("admin:login"), {"username": "mariam", "password": "s3cret-guess"})
    client.post(reverse("admin:login"), {"username": "nobody", "password": "s3cret-guess"})
    known, unknown = AuditEvent.objects.filter(action=Action.LOGIN_FAILED).order_by("pk")
    assert known.actor is None and known.username == "mariam" and known.object_id == str(editor.pk)
    assert unknown.username == "nobody" and unknown.object_id == ""
    assert known.ip_address == ADDRESS
    assert not AuditEvent.objects.filter(detail__icontains="s3cret").exists()
    assert "s3cret" not in str(list(AuditEvent.objects.values()))


def test_sign_out_is_recorded(editor):
    client, _ = sign_in(editor, address=ADDRESS)
    client.post(reverse("admin:logout"))
    event = last(Action.LOGOUT)
    assert (event.actor, event.ip_address) == (editor, ADDRESS)


def test_second_factor_events_are_recorded(editor, settings):
    settings.TWO_FACTOR_REQUIRED = "staff"
    client, _ = sign_in(editor, address=ADDRESS)
    client.get(reverse("two_factor:enrol"))
    device = editor.totpdevice_set.get()
    client.post(reverse("two_factor:enrol"), {"code": code_for(device)})
    added = last(Action.AUTHENTICATOR_ADDED)
    assert (added.actor, added.object_repr, added.ip_address) == (editor, "mariam", ADDRESS)
    assert last(Action.RECOVERY_CODES_MADE).detail == {"count": 10}
    assert last(Action.CODE_ACCEPTED).detail == {"method": "authenticator"}

    other, _ = sign_in(editor, address="198.51.100.24")
    give_code(other, "000000")
    refused = last(Action.CODE_REFUSED)
    assert (refused.actor, refused.ip_address) == (editor, "198.51.100.24")


def test_an_administrator_resetting_a_lost_phone_is_recorded(editor, admin_user):
    authenticator_for(editor)
    make_recovery_codes(editor)
    response = as_admin(admin_user).post(
        reverse("admin:auth_user_changelist"),
        {"action": "reset_two_factor", "_selected_action": [editor.pk]},
    )
    assert response.status_code == 302
    assert not editor.totpdevice_set.exists() and not editor.staticdevice_set.exists()
    event = last(Action.AUTHENTICATOR_REMOVED)
    assert (event.actor, event.object_id, event.ip_address) == (admin_user, str(editor.pk), ADDRESS)


def test_only_administrators_reset_two_factor_sign_in(editor, journalist):
    authenticator_for(journalist)
    response = client_for(editor).post(
        reverse("admin:auth_user_changelist"),
        {"action": "reset_two_factor", "_selected_action": [journalist.pk]},
    )
    assert response.status_code == 403
    assert journalist.totpdevice_set.exists()


def test_django_otps_device_pages_are_not_in_the_admin():
    with pytest.raises(NoReverseMatch):
        reverse("admin:otp_totp_totpdevice_changelist")


# --- the newsroom's work --------------------------------------------------------------------
def test_each_workflow_step_is_recorded(draft, journalist, editor):
    workflow.apply_transition(draft, "submit", journalist)
    workflow.apply_transition(draft, "publish", editor)
    submit, publish = AuditEvent.objects.filter(action=Action.WORKFLOW_STEP).order_by("pk")
    assert submit.actor == journalist and submit.detail["step"] == "submit"
    assert publish.actor == editor and publish.detail["target"] == "published"
    assert publish.object_type == "articles.article" and publish.object_id == str(draft.pk)


def test_preview_links_made_and_revoked_are_recorded(in_review, editor):
    client = Client(REMOTE_ADDR=ADDRESS)
    client.force_login(editor)
    client.post(
        reverse("admin:articles_article_new_preview_link", args=[in_review.pk]),
        {"note": "Avocat", "hours": "48"},
    )
    link = PreviewLink.objects.get()
    made = last(Action.PREVIEW_LINK_MADE)
    assert (made.actor, made.object_id, made.ip_address) == (editor, str(link.pk), ADDRESS)
    assert made.detail["article"] == in_review.pk and "Avocat" in made.object_repr
    client.post(reverse("admin:articles_article_revoke_preview_link", args=[link.pk]))
    client.post(reverse("admin:articles_article_revoke_preview_link", args=[link.pk]))
    revoked = AuditEvent.objects.filter(action=Action.PREVIEW_LINK_REVOKED)
    assert revoked.count() == 1  # revoking twice changes nothing, and records nothing more
    assert revoked.get().actor == editor


def test_a_tag_merge_is_recorded(editor):
    ArticleFactory().tags.add("Côte d’Ivoire")
    Tag.objects.create(name="Cote-d-Ivoire")
    kept = merge_tags(Tag.objects.all(), editor)
    event = last(Action.TAGS_MERGED)
    assert (event.actor, event.object_id) == (editor, str(kept.pk))
    assert event.detail == {"merged": ["Cote-d-Ivoire"]}


# --- accounts, groups and permissions -------------------------------------------------------
def test_an_administrator_making_someone_a_superuser_is_recorded(admin_user, journalist):
    client = as_admin(admin_user)
    url = reverse("admin:auth_user_change", args=[journalist.pk])
    form = client.get(url).context["adminform"].form
    data = {k: v for k, v in form.initial.items() if v is not None and k != "password"}
    data.update(
        username="awa",
        is_superuser="on",
        is_staff="on",
        is_active="on",
        groups=[Group.objects.get(name="Editors").pk],
        date_joined_0="2026-01-01",
        date_joined_1="10:00:00",
        last_login_0="",
        last_login_1="",
        user_permissions=[],
    )
    response = client.post(url, data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    changed = last(Action.USER_CHANGED)
    assert changed.actor == admin_user and changed.ip_address == ADDRESS
    assert changed.detail["changes"]["is_superuser"] == [False, True]
    membership = AuditEvent.objects.filter(action=Action.MEMBERSHIP_CHANGED, actor=admin_user)
    assert sorted(map(str, membership.values_list("detail", flat=True))) == [
        "{'added': ['Editors']}",
        "{'removed': ['Journalists']}",
    ]


def test_a_password_change_is_recorded_without_the_password(journalist):
    journalist.set_password("another-long-passphrase")
    journalist.save()
    event = last(Action.USER_CHANGED)
    assert event.detail == {"changes": {"password": "changed"}}


def test_signing_in_does_not_count_as_a_change_to_the_account(journalist):
    sign_in(journalist)
    assert not AuditEvent.objects.filter(action=Action.USER_CHANGED).exists()


def test_users_and_groups_made_and_deleted_and_permissions_changed(admin_user):
    client = as_admin(admin_user)
    client.post(reverse("admin:auth_group_add"), {"name": "Photo", "permissions": []})
    group = Group.objects.get(name="Photo")
    assert last(Action.GROUP_CREATED).actor == admin_user
    view_tip = Permission.objects.get(codename="view_tip")
    client.post(
        reverse("admin:auth_group_change", args=[group.pk]),
        {"name": "Photographes", "permissions": [view_tip.pk]},
    )
    assert last(Action.GROUP_CHANGED).detail == {"name": ["Photo", "Photographes"]}
    assert last(Action.PERMISSIONS_CHANGED).detail == {"added": ["articles.view_tip"]}
    group.permissions.clear()
    assert last(Action.PERMISSIONS_CHANGED).detail == {"removed": ["articles.view_tip"]}
    person = UserFactory(username="kofi")
    person.user_permissions.add(view_tip)
    assert last(Action.PERMISSIONS_CHANGED).object_repr == "kofi"
    assert last(Action.USER_CREATED).object_repr == "kofi"
    person.delete()
    group.refresh_from_db()
    group.delete()
    assert last(Action.USER_DELETED).object_repr == "kofi"
    assert last(Action.GROUP_DELETED).object_repr == "Photographes"


# --- reading it in the admin ----------------------------------------------------------------
CHANGELIST = reverse("admin:audit_auditevent_changelist")


@pytest.fixture
def logged(editor, journalist):
    sign_in(editor, address="203.0.113.5")
    sign_in(journalist, address="203.0.113.6")
    Client(REMOTE_ADDR="203.0.113.7").post(
        reverse("admin:login"), {"username": "intrus", "password": "x"}
    )


def shown(response) -> list[AuditEvent]:
    return list(response.context["cl"].result_list)


def test_administrators_filter_by_action_person_and_date(admin_user, editor, logged):
    client = client_for(admin_user)
    failed = shown(client.get(CHANGELIST, {"action__exact": "login_failed"}))
    assert [e.username for e in failed] == ["intrus"]
    hers = shown(client.get(CHANGELIST, {"actor__id__exact": editor.pk}))
    assert hers and all(e.actor == editor for e in hers)
    event = AuditEvent.objects.latest("pk")
    today = {"at__year": event.at.year, "at__month": event.at.month, "at__day": event.at.day}
    assert len(shown(client.get(CHANGELIST, today))) >= 3
    assert shown(client.get(CHANGELIST, {"at__year": 2001})) == []


def test_administrators_search_by_name_or_address(admin_user, logged):
    client = client_for(admin_user)
    assert {e.username for e in shown(client.get(CHANGELIST, {"q": "intrus"}))} == {"intrus"}
    by_address = shown(client.get(CHANGELIST, {"q": "203.0.113.6"}))
    assert by_address and {e.username for e in by_address} == {"awa"}


def test_nobody_adds_changes_or_deletes_an_entry_even_a_superuser(admin_user, logged):
    client = client_for(admin_user)
    event = AuditEvent.objects.filter(action=Action.LOGIN_FAILED).get()
    change = reverse("admin:audit_auditevent_change", args=[event.pk])
    assert client.get(reverse("admin:audit_auditevent_add")).status_code == 403
    assert client.get(change).status_code == 200  # read only
    assert client.post(change, {"username": "quelqu’un"}).status_code == 403
    delete = reverse("admin:audit_auditevent_delete", args=[event.pk])
    assert client.get(delete).status_code == 403
    assert client.post(delete, {"post": "yes"}).status_code == 403
    bulk = client.post(CHANGELIST, {"action": "delete_selected", "_selected_action": [event.pk]})
    assert bulk.status_code in (200, 302)
    event.refresh_from_db()
    assert event.username == "intrus"
    assert AuditEvent.objects.filter(pk=event.pk).exists()


def test_editors_do_not_see_the_log(editor, logged):
    assert client_for(editor).get(CHANGELIST).status_code == 403


def test_a_holder_of_the_view_permission_reads_it(journalist, logged):
    journalist.user_permissions.add(Permission.objects.get(codename="view_auditevent"))
    response = client_for(journalist).get(CHANGELIST)
    assert response.status_code == 200 and len(shown(response)) >= 3
