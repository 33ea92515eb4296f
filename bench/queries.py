"""SQL queries per page, counted in-process against the benchmark database (run by bench/run.py
and bench/compare.py). Counts the checkout in $BENCH_CHECKOUT when set, else this one."""

import json
import os
import sys
from pathlib import Path

sys.path.insert(0, os.environ.get("BENCH_CHECKOUT") or str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsroom.settings")

import django  # noqa: E402

django.setup()

from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

counts = {}
client = Client(HTTP_HOST="127.0.0.1")
for path in sys.argv[1:]:
    client.get(path)  # warm: content types, the next-publication time
    with CaptureQueriesContext(connection) as queries:
        status = client.get(path).status_code
    counts[path] = {"queries": len(queries), "status": status}
print(json.dumps(counts))
