"""Each import run is kept with its report (imported, skipped, reported, time), readable and
downloadable on the desk, and changed by nobody: runs are made by the command."""

import pytest
from django.core.management.base import CommandError
from django.urls import reverse

from importer import term_addresses
from importer.models import ImportRun
from tests.conftest import client_for
from tests.importer.exports import export, post

LIST = reverse("admin:importer_importrun_changelist")


def report_url(run):
    return reverse("admin:importer_importrun_report", args=[run.pk])


@pytest.fixture
def run(run_command):
    run_command(
        export(
            post(1, "Premier"),
            post(2, "Sans date", date="0001-01-01 00:00:00", date_gmt="0001-01-01 00:00:00"),
            post(3, "Une page", post_type="page"),
        )
    )
    return ImportRun.objects.get()


def test_a_run_is_kept_with_its_counts_and_report(run):
    assert run.outcome == ImportRun.Outcome.FINISHED
    assert (run.imported, run.skipped, run.reported) == (2, 1, 2)
    assert run.export_name == "export.xml" and run.site == "https://ancien.example.com"
    assert run.finished_at >= run.started_at
    assert "To check:" in run.report and "Sans date" in run.report
    assert "Articles imported: 2" in run.report


def test_a_second_run_counts_what_it_skipped(run, run_command):
    run_command(export(post(1, "Premier"), post(4, "Nouveau")))
    latest = ImportRun.objects.first()
    assert (latest.imported, latest.skipped) == (1, 1)
    assert ImportRun.objects.count() == 2


def test_a_refused_file_is_kept_with_the_reason(run_command):
    with pytest.raises(CommandError):
        run_command("<rss><channel></channel></rss>")
    refused = ImportRun.objects.get()
    assert refused.outcome == ImportRun.Outcome.REFUSED
    assert "wp:wxr_version" in refused.report and refused.imported == 0


def test_a_dry_run_is_kept_as_one(run_command):
    run_command(export(post(1)), "--dry-run")
    dry = ImportRun.objects.get()
    assert (dry.outcome, dry.imported) == (ImportRun.Outcome.DRY_RUN, 1)


def test_a_run_stopped_by_an_error_says_so(run_import, monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("disque plein")

    monkeypatch.setattr(term_addresses, "keep", broken)
    with pytest.raises(RuntimeError):
        run_import(export(post(1)))
    failed = ImportRun.objects.get()
    assert failed.outcome == ImportRun.Outcome.FAILED
    assert "disque plein" in failed.report and failed.finished_at is not None


def test_editors_read_the_runs_and_download_a_report(run, editor):
    desk = client_for(editor)
    listing = desk.get(LIST)
    assert listing.status_code == 200
    assert "export.xml" in listing.content.decode() and report_url(run) in listing.content.decode()
    response = desk.get(report_url(run))
    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    assert response["Content-Disposition"] == f'attachment; filename="import-{run.pk}.txt"'
    text = response.content.decode()
    assert "export.xml" in text and "Sans date" in text
    page = desk.get(reverse("admin:importer_importrun_change", args=[run.pk]))
    assert page.status_code == 200 and "Sans date" in page.content.decode()


@pytest.mark.parametrize("who", ["editor", "admin_user"])
def test_nobody_adds_changes_or_deletes_a_run(run, who, request):
    desk = client_for(request.getfixturevalue(who))
    before = list(ImportRun.objects.values())
    change = reverse("admin:importer_importrun_change", args=[run.pk])
    delete = reverse("admin:importer_importrun_delete", args=[run.pk])
    assert (
        desk.post(reverse("admin:importer_importrun_add"), {"export_name": "x"}).status_code == 403
    )
    assert desk.post(change, {"export_name": "faux.xml", "imported": "999"}).status_code == 403
    assert desk.post(delete, {"post": "yes"}).status_code == 403
    assert list(ImportRun.objects.values()) == before


@pytest.mark.parametrize("who", ["journalist", "outsider"])
def test_others_neither_see_nor_download_runs(run, who, request):
    desk = client_for(request.getfixturevalue(who))
    assert desk.get(LIST).status_code == 403
    assert desk.get(report_url(run)).status_code == 403
