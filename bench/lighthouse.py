"""Lighthouse on the demo site served as in production: `make lighthouse`.

A fresh SQLite database gets the demo (`load_demo`), gunicorn serves it with DEBUG off on a
loopback port, and Lighthouse (npm, pinned in package.json) drives Debian's Chromium over
each reader page, on a phone and on a desktop. Prints the scores and each page's weight,
then every audit that cost points; exits 1 when any score is under 100 for a reason not
listed in EXPECTED.

Nothing leaves the machine: Chromium resolves no name but 127.0.0.1 (the resolver rule
below) and Lighthouse sends no error reports.
"""

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.serve import PYTHON, Server, free_port  # noqa: E402

LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"
CHROMIUM = "/usr/bin/chromium"
CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]
SHORT = {"performance": "perf", "accessibility": "a11y", "best-practices": "bp", "seo": "seo"}
FORM_FACTORS = ["mobile", "desktop"]
# STACK.md's browser flags: without the resolver rule Chromium reaches for Google's hosts.
CHROME_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    '--host-resolver-rules="MAP * ~NOTFOUND , EXCLUDE 127.0.0.1"',
]
SEARCH_WORDS = "carnaval"
# Points a page loses by design: (page, audit) -> why. Listed, but they fail no run.
EXPECTED = {
    ("search", "is-crawlable"): "results pages are noindex on purpose (search engines' advice)",
}
RUN_SECONDS = 240
# Lighthouse now and then loses a page load's trace on a busy machine (NO_NAVSTART): once more.
ATTEMPTS = 2


def environment(workdir: Path, port: int) -> dict:
    """Production settings (DEBUG off) on a database and media of this run's own."""
    env = {k: v for k, v in os.environ.items() if k not in ("DEBUG", "REDIS_URL")}
    env.update(
        DJANGO_SETTINGS_MODULE="newsroom.settings",
        DEBUG="0",
        SECRET_KEY="lighthouse-" + "x" * 60,
        ALLOWED_HOSTS="127.0.0.1",
        SITE_URL=f"http://127.0.0.1:{port}",
        DATABASE_URL=f"sqlite:///{workdir / 'db.sqlite3'}",
        SECURE_SSL_REDIRECT="0",  # plain HTTP on loopback, as behind a TLS proxy
        SECURE_COOKIES="0",
        LOG_LEVEL="WARNING",
        TWO_FACTOR_REQUIRED="off",
        STATIC_ROOT=str(workdir / "static"),
        MEDIA_ROOT=str(workdir / "media"),
    )
    return env


def prepare(env: dict) -> None:
    """Migrate, load the demo (which refuses to run with DEBUG off), collect static files."""
    manage = [PYTHON, "manage.py"]
    demo_env = {**env, "DEBUG": "1"}
    for command, command_env in (
        (["migrate", "--noinput", "-v0"], env),
        (["load_demo"], demo_env),
        (["collectstatic", "--noinput", "-v0"], env),
    ):
        subprocess.run(
            manage + command, cwd=ROOT, env=command_env, check=True, stdout=subprocess.DEVNULL
        )


def demo_pages(env: dict) -> dict[str, str]:
    """Each page's path, read from the demo's database: the article is the one with
    pictures in its text (real-size photos, a gallery, an embed)."""
    script = f"""
import json
from django.urls import reverse
from articles.demo import content
from articles.models import Article
item = next(i for i in content.ARTICLES if any(k == "gallery" for k, _v in i["body"]))
article = Article.objects.published().get(headline=item["headline"])
print(json.dumps({{
    "home": reverse("articles:home"),
    "article": article.get_absolute_url(),
    "section": article.section.get_absolute_url(),
    "tag": reverse("articles:tag", args=[article.tags.order_by("name").first().slug]),
    "author": article.bylines.first().author.get_absolute_url(),
    "search": reverse("articles:search") + "?q={SEARCH_WORDS}",
    "contact": reverse("articles:contact"),
}}))
"""
    out = subprocess.run(
        [PYTHON, "manage.py", "shell", "-c", script],
        cwd=ROOT,
        env=env,
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    return json.loads(out.strip().splitlines()[-1])


def lighthouse(url: str, form_factor: str, report: Path) -> dict:
    command = [
        str(LIGHTHOUSE),
        url,
        "--output=json",
        f"--output-path={report}",
        f"--only-categories={','.join(CATEGORIES)}",
        f"--chrome-flags={' '.join(CHROME_FLAGS)}",
        "--disable-full-page-screenshot",
        "--no-enable-error-reporting",
        "--quiet",
    ]
    if form_factor == "desktop":
        command.append("--preset=desktop")
    env = {**os.environ, "CHROME_PATH": CHROMIUM}
    for _attempt in range(ATTEMPTS):
        report.unlink(missing_ok=True)
        done = subprocess.run(
            command, env=env, capture_output=True, text=True, timeout=RUN_SECONDS, check=False
        )
        if done.returncode == 0 and report.exists():
            return json.loads(report.read_text())
    raise RuntimeError(f"lighthouse failed on {url} ({form_factor}):\n{done.stderr[-3000:]}")


def median_run(results: list[dict]) -> dict:
    """The run with the median performance score: the others' timings were a busier or
    quieter machine's."""
    ranked = sorted(results, key=lambda result: result["categories"]["performance"]["score"] or 0)
    return ranked[len(ranked) // 2]


def scores(result: dict) -> dict[str, int]:
    return {name: round((result["categories"][name]["score"] or 0) * 100) for name in CATEGORIES}


def lost_points(page: str, result: dict) -> tuple[list[str], bool]:
    """Each audit that counts in a category and did not pass, with where it failed; and
    whether any of them is not expected."""
    lines, unexpected = [], False
    for name in CATEGORIES:
        for ref in result["categories"][name]["auditRefs"]:
            audit = result["audits"][ref["id"]]
            if ref["weight"] == 0 or audit["score"] is None or audit["score"] >= 1:
                continue
            if audit["scoreDisplayMode"] in ("manual", "notApplicable", "informative"):
                continue
            shown = f" ({audit['displayValue']})" if audit.get("displayValue") else ""
            why = EXPECTED.get((page, ref["id"]))
            shown += f" -- expected: {why}" if why else ""
            unexpected = unexpected or not why
            lines.append(f"  [{SHORT[name]}] {ref['id']}: {audit['title']}{shown}")
            lines += [f"      {where}" for where in _where(audit)[:4]]
    return lines, unexpected


def _where(audit: dict) -> list[str]:
    items = (audit.get("details") or {}).get("items") or []
    found = []
    for item in items:
        node = item.get("node") or {}
        text = node.get("snippet") or item.get("url") or item.get("source", {}).get("url")
        if node.get("explanation"):
            text = f"{text}: {node['explanation'].splitlines()[-1].strip()}"
        if text:
            found.append(str(text)[:240])
    return found


def warm(base: str, paths: dict[str, str]) -> None:
    """One request each first: Lighthouse measures the page a reader gets once it is cached."""
    for path in paths.values():
        urllib.request.urlopen(base + path, timeout=30).read()


def measure(base, paths, args, out):
    """Each page on each device: its scores and weight, and what lost points."""
    warm(base, paths)
    rows, failures, failed = [], [], False
    for name, path in paths.items():
        for form_factor in args.form_factors:
            slug = urllib.parse.quote(name)
            result = median_run(
                [
                    lighthouse(base + path, form_factor, out / f"{slug}-{form_factor}-{n}.json")
                    for n in range(1, args.runs + 1)
                ]
            )
            got = scores(result)
            weight = result["audits"]["total-byte-weight"]["numericValue"] / 1024
            rows.append((name, form_factor, got, weight))
            print(_row(name, form_factor, got, weight), flush=True)
            if min(got.values()) < 100:
                lines, unexpected = lost_points(name, result)
                failures.append((name, form_factor, path, lines))
                failed = failed or unexpected or not lines
    return rows, failures, failed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--port", type=int, default=0, help="loopback port (default: a free one)")
    parser.add_argument("--pages", nargs="*", help="only these pages (home, article, …)")
    parser.add_argument("--form-factors", nargs="*", default=FORM_FACTORS, choices=FORM_FACTORS)
    parser.add_argument("--out", type=Path, help="where to keep the JSON reports")
    parser.add_argument(
        "--runs", type=int, default=1, help="runs a page, the median kept (3 on a busy machine)"
    )
    args = parser.parse_args()
    if args.runs < 1:
        parser.error("--runs must be at least 1")
    if not LIGHTHOUSE.exists():
        sys.exit("Lighthouse is missing: run `npm ci` (package.json pins it).")
    if not Path(CHROMIUM).exists():
        sys.exit(f"{CHROMIUM} is missing: apt-get install chromium.")
    port = args.port or free_port()
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    out = args.out or ROOT / "bench" / "results" / f"lighthouse-{stamp}"
    out.mkdir(parents=True, exist_ok=True)
    workdir = Path(tempfile.mkdtemp(prefix="lighthouse-"))
    try:
        env = environment(workdir, port)
        started = time.monotonic()
        prepare(env)
        paths = demo_pages(env)
        print(f"Demo loaded in {time.monotonic() - started:.0f} s; reports in {out}", flush=True)
        if args.pages:
            paths = {name: path for name, path in paths.items() if name in args.pages}
        with Server(env, port=port):
            rows, failures, failed = measure(f"http://127.0.0.1:{port}", paths, args, out)
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    print()
    print(_header())
    for row in rows:
        print(_row(*row))
    for name, form_factor, path, lines in failures:
        print(f"\n{name} ({form_factor}) {path}")
        print("\n".join(lines) or "  (a score under 100 with no failed audit listed)")
    return 1 if failed else 0


def _header() -> str:
    names = " ".join(f"{SHORT[c]:>5}" for c in CATEGORIES)
    return f"{'page':<9} {'device':<8} {names} {'weight':>9}"


def _row(name, form_factor, got, weight) -> str:
    cells = " ".join(f"{got[c]:>5}" for c in CATEGORIES)
    return f"{name:<9} {form_factor:<8} {cells} {weight:>6.0f} KiB"


if __name__ == "__main__":
    sys.exit(main())
