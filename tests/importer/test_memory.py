"""Memory stays flat whatever the export's size: attachments, which posts may show from
anywhere in the file, are kept on disk, not in memory."""

import subprocess

from tests.importer.exports import attachment, export, post
from tests.importer.processes import manage

# Bigger than anything the importer should hold per attachment, smaller than the export.
MOST_GROWTH_KIB = 12 * 1024


def attachments_export(path, count):
    """An export made mostly of attachments, as a site with many pictures writes it."""
    items = [
        attachment(number, f"2024/03/photo-{number}.jpg", f"Photo {number}", alt="Vue", parent=1)
        for number in range(2, count + 2)
    ]
    path.write_text(export(post(1), *items), encoding="utf-8")
    return path


# Linux carries a process's peak memory across exec from the process that forked it: the
# test's own would hide the command's. A small Python in between forks the command.
MEASURE = (
    "import os, subprocess, sys\n"
    "process = subprocess.Popen(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)\n"
    "_pid, status, usage = os.wait4(process.pid, 0)\n"
    "print(usage.ru_maxrss)\n"
    "sys.exit(os.waitstatus_to_exitcode(status))\n"
)


def peak_kib(path, database, media_root) -> int:
    """The command's peak resident memory, in KiB, as the kernel counted it."""
    measure = manage(
        "import_wordpress",
        str(path),
        database=database,
        media_root=media_root,
        stdout=subprocess.PIPE,
        text=True,
        measure=MEASURE,
    )
    output, _none = measure.communicate(timeout=300)
    assert measure.returncode == 0
    return int(output)


def test_peak_memory_does_not_grow_with_the_exports_size(tmp_path, own_database):
    small = attachments_export(tmp_path / "small.xml", 200)
    large = attachments_export(tmp_path / "large.xml", 20_000)
    assert large.stat().st_size > 30 * 1024 * 1024
    media = tmp_path / "media"
    growth = peak_kib(large, own_database, media) - peak_kib(small, own_database, media)
    assert growth < MOST_GROWTH_KIB, f"{growth} KiB more for the large export"
