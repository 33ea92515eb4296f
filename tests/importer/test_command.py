"""The command: summary, notes to check, progress bar, pages and comments, help."""

import io

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.utils import translation

from articles.models import Article
from importer.management.commands.import_wordpress import Command
from importer.progress import ProgressBar, time_left
from tests.importer.exports import author, export, post


def site_export():
    return export(
        post(1, "Publié", comments=3),
        post(2, "Prévu", status="future", date="2099-01-01 10:00:00"),
        post(3, "Brouillon", status="draft", comments=1),
        post(4, "En attente", status="pending"),
        post(5, "Privé", status="private"),
        post(
            6, "À propos", post_type="page", comments=2, link="https://ancien.example.com/a-propos/"
        ),
        post(7, "Menu", post_type="nav_menu_item", status="publish"),
        authors=[author("awa", display_name="Awa Koné")],
    )


def test_summary_counts_what_was_imported_skipped_and_reported(run_command):
    out, _err = run_command(site_export())
    assert "Import finished." in out
    assert (
        "Articles imported: 5 (published 1, scheduled 1, draft 1, in review 1, not public 1)."
        in out
    )
    assert "Pages reported, not imported: 1." in out
    assert "Comments skipped: 6." in out
    assert "Other items skipped: 1 (nav_menu_item 1)." in out
    assert "Authors: 1 created, 0 linked to an existing account, 0 already imported." in out
    assert "Already imported (skipped): 0." in out


def test_pages_are_reported_with_their_address_not_imported(run_command):
    out, _err = run_command(site_export())
    assert "To check:" in out
    assert "Page 6 “À propos” not imported" in out and "/a-propos/" in out
    assert not Article.objects.filter(headline="À propos").exists()


def test_a_second_run_says_everything_was_already_imported(run_command):
    run_command(site_export())
    out, _err = run_command(site_export())
    assert "Articles imported: 0 " in out and "Already imported (skipped): 5." in out


def test_dry_run_says_so_and_saves_nothing(run_command):
    out, _err = run_command(site_export(), "--dry-run")
    assert "Dry run: nothing was saved." in out
    assert "Articles imported: 5 " in out
    assert not Article.objects.exists()


def test_a_progress_bar_runs_on_standard_error(run_command):
    _out, err = run_command(export(*(post(n) for n in range(1, 21))))
    lines = err.splitlines()
    assert lines[0].startswith("Importing [") and "0/20 (0%)" in lines[0]
    assert lines[-2] == f"Importing [{'#' * 30}] 20/20 (100%)"
    assert lines[-1].startswith("Saving:")  # the last part has no bar: it is said
    assert 4 <= len(lines) <= 13  # a line per tenth in a log, not one per post


def test_quiet_means_no_progress_and_no_notes(run_command):
    out, err = run_command(site_export(), verbosity=0)
    assert err == "" and "To check:" not in out
    assert "Articles imported: 5 " in out


def test_help_explains_the_rules():
    out = io.StringIO()
    with translation.override("en"):
        parser = Command().create_parser("manage.py", "import_wordpress")
        parser.print_help(out)
    text = " ".join(out.getvalue().split())
    assert "--media-dir" in text and "--dry-run" in text and "--link-users" in text
    assert "--chunk-size" in text and "resumes" in text
    assert "top-level ancestor of its deepest category" in text
    assert "Non classé" in text


def test_the_command_runs_by_name(write_export, db):
    out = io.StringIO()
    call_command(
        "import_wordpress", str(write_export(export(post(1)))), stdout=out, stderr=io.StringIO()
    )
    assert Article.objects.count() == 1


def test_on_a_terminal_the_bar_redraws_one_line():
    written = []
    bar = ProgressBar(written.append, total=3, label="Importing", in_place=True)
    assert list(bar.wrap(["a", "b", "c"])) == ["a", "b", "c"]
    assert all(text.startswith("\r") for text in written)
    assert written[-1] == f"\rImporting [{'#' * 30}] 3/3 (100%)\n"
    assert sum(text.count("\n") for text in written) == 1


class Clock:
    def __init__(self):
        self.now = 100.0

    def __call__(self):
        return self.now


def test_the_bar_estimates_the_time_left_from_the_pace_so_far():
    written, clock = [], Clock()
    bar = ProgressBar(written.append, total=10, label="Importing", in_place=False, clock=clock)
    with translation.override("en"):
        bar.update(0)
        clock.now += 8  # 4 items in 8 s: 2 s each, 6 to go
        bar.update(4)
        clock.now += 2
        bar.update(5)
        bar.finish(10)
    assert written == [
        f"Importing [{'.' * 30}] 0/10 (0%)\n",
        f"Importing [{'#' * 12}{'.' * 18}] 4/10 (40%) · 12 s left\n",
        f"Importing [{'#' * 15}{'.' * 15}] 5/10 (50%) · 10 s left\n",
        f"Importing [{'#' * 30}] 10/10 (100%)\n",
    ]


def test_the_time_left_reads_in_seconds_minutes_or_hours():
    with translation.override("en"):
        assert time_left(0.4) == "0 s left"
        assert time_left(59) == "59 s left"
        assert time_left(125) == "2 min 05 s left"
        assert time_left(3725) == "1 h 02 min left"


def test_the_command_refuses_a_chunk_size_below_one(run_command):
    with pytest.raises(CommandError, match="--chunk-size"):
        run_command(export(post(1)), "--chunk-size", "0")
    assert not Article.objects.exists()
