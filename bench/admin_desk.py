"""`make bench-desk`: the editors' desk on a benchmark corpus, in process, as an editor.

    .venv/bin/python bench/admin_desk.py [--articles 1000] [--database NAME] [--runs 5]
        [--against 1000]

Seeds newsroom_bench_<articles> as `make bench` does unless it exists (or uses --database,
e.g. bench/compare.py's newsroom_bench_100000_new), with production settings, the page
cache off. Each request of the scenario (the article list, its search for three common
words, a rare name and two more, a filter, page 500, the change form, a save, a workflow
step) is made once a pass, `--runs` passes; prints the best server time (the database's
included), the queries and the rows listed, and checks the issue's budgets: each under
150 ms, search under 100 ms. With --against N, each corpus is served by a process of its
own and each request goes to one then the other (this machine's speed drifts: both see the
same drift), and must also stay within 1.5 times its figure on the N articles, on the same
page there (as many rows, the same status); the two requests beyond the issue's scenario
(NOT_COMPARED) show their ratio without being held to it.
"""

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from html.parser import HTMLParser
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

LIST = "/admin/articles/article/"
COMMON = ["sécurité", "élections", "gouvernement"]  # each in 9 to 14% of the articles
RARE = "Kadiatou Diallo"  # seed_bench.RARE_NAME: in three articles at any size
SEARCHES = [*COMMON, RARE, "prix du riz", "Ouagadougou pluies"]  # none; two words in 1%
# Beyond the scenario, not held to 1.5 times: why, as the report says it.
NOT_COMPARED = {
    "page 500": "past the smaller corpus's last page",
    "search «Ouagadougou pluies»": "in 1% of the articles, so a page of 50 rows here",
}
BUDGET_MS, SEARCH_BUDGET_MS = 150, 100
GROWTH_BUDGET = 1.5  # times the smaller corpus's figure


class FormFields(HTMLParser):
    """The change form's fields as a browser would post them back, unchanged."""

    def __init__(self):
        super().__init__()
        self.data, self._select, self._textarea = {}, None, None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        name = attrs.get("name")
        if tag == "input" and name and attrs.get("type") not in ("submit", "button", "file"):
            ticked = attrs.get("type") in ("checkbox", "radio")
            if ticked and "checked" not in attrs:
                return
            self.data.setdefault(name, []).append(attrs.get("value", "on" if ticked else ""))
        elif tag == "select" and name:
            self._select = name
        elif tag == "option" and self._select and "selected" in attrs:
            self.data.setdefault(self._select, []).append(attrs.get("value", ""))
        elif tag == "textarea" and name:
            self._textarea = name
            self.data[name] = [""]

    def handle_endtag(self, tag):
        if tag == "select":
            self._select = None
        elif tag == "textarea":
            self._textarea = None

    def handle_data(self, data):
        if self._textarea:
            self.data[self._textarea][0] += data


def measure(client, method, path, data=None):
    """One request: its server time in ms, its queries, status and the rows it lists."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as captured:
        started = time.perf_counter()
        answer = client.get(path) if method == "GET" else client.post(path, data)
        elapsed = (time.perf_counter() - started) * 1000
    figures = elapsed, len(captured), answer.status_code
    listed = answer.content.count(b'class="action-select"')  # the list's rows, 0 elsewhere
    if answer.status_code == 302:  # followed unmeasured, as a browser would: the message shown
        client.get(answer["Location"])
    return *figures, listed


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--database", help="an existing benchmark database to use instead")
    parser.add_argument("--runs", type=int, default=5, help="passes; each request's best")
    parser.add_argument("--against", type=int, help="a smaller corpus's size to compare with")
    parser.add_argument("--serve", action="store_true", help="answer one request a line")
    args = parser.parse_args()
    import run

    if args.database is None:
        args.database = f"newsroom_bench_{args.articles}"
        run.prepare(args.database, args.articles, reuse=True)
    if args.serve:
        serve_requests(args.database)
        return
    smaller = {}
    if args.against:
        smaller_database = f"newsroom_bench_{args.against}"
        run.prepare(smaller_database, args.against, reuse=True)
        rows, smaller = side_by_side(args.database, smaller_database, args.runs)
    else:
        named = requests(args.database)
        rows = best_of(args.runs, list(named), lambda name: [named[name]()])[0]
    report(args.database, args.runs, rows, smaller, args.against)


def requests(database: str) -> dict:
    """The scenario's requests by name, in order; each, made, gives (ms, queries, status,
    rows listed)."""
    import serve

    os.environ.update(serve.environment(database, page_cache=False))
    import django

    django.setup()
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group
    from django.test import Client

    from articles.models import Article

    editor, _ = get_user_model().objects.get_or_create(
        username="bench-desk", defaults={"is_staff": True, "first_name": "Awa"}
    )
    editor.groups.add(Group.objects.get(name="Editors"))
    client = Client(HTTP_HOST="127.0.0.1")
    client.force_login(editor)
    newest = Article.objects.filter(status="published").order_by("-published_at").first()
    review = Article.objects.filter(status="published").order_by("published_at").first()
    change = f"/admin/articles/article/{newest.pk}/change/"

    def get(path):
        return lambda: measure(client, "GET", path)

    named = {"list": get(LIST)}
    named.update((f"search «{words}»", get(f"{LIST}?q={words}")) for words in SEARCHES)
    named["filter: published, one section"] = get(f"{LIST}?status=published&section__id__exact=1")
    named["page 500"] = get(f"{LIST}?p=500")
    named["change form"] = get(change)
    form = FormFields()
    form.feed(client.get(change).content.decode())
    form.data["_continue"] = ["1"]

    def save():
        form.data["started_version"] = [str(Article.objects.get(pk=newest.pk).version)]
        return measure(client, "POST", change, form.data)

    named["save (no change)"] = save
    step = f"/admin/articles/article/{review.pk}/transition/"
    for name in ("unpublish", "publish"):  # the oldest article, taken down and published again
        data = {"_transition": name, "_comment": "Vérification du desk."}
        named[f"workflow step: {name}"] = lambda data=data: measure(client, "POST", step, data)
    return named


def best_of(passes: int, names: list, make) -> list:
    """Each request once a pass, in order (a step then its undoing); `make(name)` gives one
    figure a corpus. For each corpus, rows of the best time and the last pass's queries,
    status and rows listed (the first pass fills the caches)."""
    best = []
    for _ in range(passes):
        for name in names:
            for side, (ms, *rest) in enumerate(make(name)):
                if side == len(best):
                    best.append({})
                found = best[side]
                fastest = min(ms, found[name][0]) if name in found else ms
                found[name] = (fastest, *rest)
    return [[(name, *found[name]) for name in names] for found in best]


def serve_requests(database: str):
    """--serve: the request named on each line of the input, its figures on one of output."""
    named = requests(database)
    print(json.dumps(list(named)), flush=True)
    for line in sys.stdin:
        print(json.dumps(named[line.strip()]()), flush=True)


def side_by_side(database: str, smaller_database: str, passes: int) -> tuple[list, dict]:
    """Both corpora served by processes of their own (settings are per process), each request
    made on one then the other."""
    command = [sys.executable, __file__, "--serve", "--database"]
    servers = []
    for name in (database, smaller_database):
        log = tempfile.TemporaryFile()
        pipes = {"stdin": subprocess.PIPE, "stdout": subprocess.PIPE, "stderr": log}
        servers.append((subprocess.Popen([*command, name], text=True, **pipes), log))

    def answer(server, log):
        line = server.stdout.readline()
        if not line:
            log.seek(0)
            sys.exit(f"A corpus's process stopped:\n{log.read().decode()[-6000:]}")
        return json.loads(line)

    def make(name):
        figures = []
        for server, log in servers:  # one at a time: neither slows the other down
            server.stdin.write(f"{name}\n")
            server.stdin.flush()
            figures.append(answer(server, log))
        return figures

    try:
        names = [answer(*served) for served in servers][0]
        rows, smaller = best_of(passes, names, make)
    finally:
        for server, _log in servers:
            server.stdin.close()
            server.wait()
    return rows, {name: figures for name, *figures in smaller}


def report(database: str, runs: int, rows: list, smaller: dict, against: int | None):
    print(f"{database}, best of {runs}, server time in process:\n")
    compared = f" | {against} articles: ms, rows, status | times" if smaller else ""
    print(f"| request | ms | queries | rows | status{compared} |")
    print(f"|---|---|---|---|---{'|---|---' * bool(smaller)}|")
    missed = []
    for name, ms, queries, status, listed in rows:
        budget = SEARCH_BUDGET_MS if name.startswith("search") else BUDGET_MS
        if ms > budget or status >= 400:
            missed.append(f"{name}: {ms:.0f} ms (budget {budget}), status {status}")
        if name == f"search «{RARE}»" and not listed:  # a corpus seeded before its name
            missed.append(f"{name}: no article found; drop {database} to seed it again")
        growth = ""
        if smaller:
            small_ms, _queries, small_status, small_listed = smaller[name]
            times = ms / small_ms
            growth = f" | {small_ms:.1f}, {small_listed} rows, {small_status} | {times:.2f}"
            if name in NOT_COMPARED:
                growth += f" (not held: {NOT_COMPARED[name]})"
            elif (small_status, small_listed) != (status, listed):
                missed.append(f"{name}: not the same page on {against} articles; seed again")
            elif times > GROWTH_BUDGET:
                missed.append(f"{name}: {times:.2f} times its {small_ms:.0f} ms")
        print(f"| {name} | {ms:.1f} | {queries} | {listed} | {status}{growth} |")
    print("\n" + ("\n".join(f"MISSED {m}" for m in missed) if missed else "All within budget."))


if __name__ == "__main__":
    main()
