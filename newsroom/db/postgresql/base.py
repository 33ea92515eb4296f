"""Django's PostgreSQL backend, with its connection health check made once a second, and
prepared statements logged with their values.

Django checks a kept connection before each request's first statement (CONN_HEALTH_CHECKS)
with a round trip, `SELECT 1`: about 0.3 ms of CPU a page under load, a tenth of a page
(bench/cpu_split.py). Here a connection checked, or opened, less than a second ago is
trusted. A connection broken meanwhile fails its statement as it would have failed the check
a moment before, and Django closes it at the end of that request (errors_occurred), so the
next one reconnects; while the database is down, every request gets the 503 as before.
It also keeps a cursor that binds on the server, for prepared statements.
"""

import time

import psycopg
from django.db.backends.postgresql import base, operations
from psycopg.types.datetime import TimestamptzLoader

CHECK_EVERY = 1.0  # seconds


class DatabaseOperations(operations.DatabaseOperations):
    def last_executed_query(self, cursor, sql, params):
        """A prepared statement runs on a cursor of its own (newsroom/sql.py), so Django's
        cursor has no query to show: it is written out with its values, as Django writes
        every statement when the server binds them."""
        shown = super().last_executed_query(cursor, sql, params)
        return shown if shown is not None else self.compose_sql(sql, params)


class DatabaseWrapper(base.DatabaseWrapper):
    ops_class = DatabaseOperations
    checked_at = float("-inf")
    _binding_cursor = None

    def binding_cursor(self) -> psycopg.Cursor:
        """A cursor of the open connection that binds on the server, so can prepare
        (newsroom/sql.py); kept with the connection, where making one cost 20 µs."""
        kept = self._binding_cursor
        if kept is None or kept.connection is not self.connection or kept.closed:
            kept = self._binding_cursor = psycopg.Cursor(self.connection)
            if self.timezone_name == "UTC":  # the session's time zone (ensure_timezone)
                # psycopg's own loader, which it runs in C: Django's, which sets the zone
                # the session already gives, parses in Python (the home page 6.05 → 5.71 M
                # instructions, bench/instructions.py). Both give datetime.timezone.utc.
                kept.adapters.register_loader("timestamptz", TimestamptzLoader)
        return kept

    def connect(self):
        super().connect()
        self.checked_at = time.monotonic()

    def close_if_health_check_failed(self):
        recent = time.monotonic() - self.checked_at < CHECK_EVERY
        if recent and self.connection is not None and self.health_check_enabled:
            self.health_check_done = True
            return
        super().close_if_health_check_failed()
        if self.connection is not None:
            self.checked_at = time.monotonic()
