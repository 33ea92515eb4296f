"""Many new rows of large text at once (an import's articles and their revisions): through
PostgreSQL's COPY, which takes the values as they are, where an insert has every one
quoted into its SQL first; elsewhere, Django's bulk_create.

Raw SQL because the ORM has no COPY. The rows get their ids from the table's sequence
first, as an insert would, and each value is the one bulk_create would store
(`pre_save`, then `get_db_prep_save`); like bulk_create, no signal is sent. For plain
values only, on the default database: a model with database defaults or a parent table,
or a value that is an expression, goes through bulk_create.
"""

from contextlib import nullcontext

from django.db import connection
from django.db.models import NOT_PROVIDED


def create(model, objects) -> list:
    """bulk_create(objects), through COPY on PostgreSQL; returns them, with their ids."""
    objects = list(objects)
    opts = model._meta
    fields = [f for f in opts.concrete_fields if f is not opts.pk and not f.generated]
    if not _copied(opts, fields, objects):
        return model.objects.bulk_create(objects)
    rows = []  # all made before the COPY starts: an error here sends nothing
    for obj in objects:
        obj._prepare_related_fields_for_save(operation_name="bulk_create")
        rows.append([f.get_db_prep_save(f.pre_save(obj, True), connection) for f in fields])
    if any(hasattr(value, "resolve_expression") for row in rows for value in row):
        return model.objects.bulk_create(objects)
    quote = connection.ops.quote_name
    columns = ", ".join(quote(column) for column in [opts.pk.column, *(f.column for f in fields)])
    statement = f"COPY {quote(opts.db_table)} ({columns}) FROM STDIN"
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT nextval(pg_get_serial_sequence(%s, %s)) FROM generate_series(1, %s)",
            [quote(opts.db_table), opts.pk.column, len(objects)],
        )
        ids = [row[0] for row in cursor.fetchall()]
        logged = cursor.debug_sql(statement) if hasattr(cursor, "debug_sql") else nullcontext()
        # As Django's own queries: its errors (DatabaseError…), in its query log.
        with connection.wrap_database_errors, logged, cursor.cursor.copy(statement) as copy:
            for pk, row in zip(ids, rows, strict=True):
                copy.write_row([pk, *row])
    for pk, obj in zip(ids, objects, strict=True):
        obj.pk = pk
        obj._state.adding, obj._state.db = False, connection.alias
    return objects


def _copied(opts, fields, objects) -> bool:
    return (
        connection.vendor == "postgresql"
        and bool(objects)
        and not opts.parents
        and all(f.db_default is NOT_PROVIDED for f in fields)
        and all(obj.pk is None for obj in objects)
    )
