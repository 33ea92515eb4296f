"""Many new rows of large text at once (an import's articles and their revisions): through
PostgreSQL's COPY, which takes the values as they are, where an insert has every one
quoted into its SQL first; elsewhere, Django's bulk_create.

Raw SQL because the ORM has no COPY. The rows get their ids from the table's sequence
first, as an insert would, and each value is the one bulk_create would store
(`pre_save`, then `get_db_prep_save`); like bulk_create, no signal is sent.
"""

from contextlib import nullcontext

from django.db import connection


def create(model, objects) -> list:
    """bulk_create(objects), through COPY on PostgreSQL; returns them, with their ids."""
    objects = list(objects)
    if connection.vendor != "postgresql" or not objects or any(o.pk is not None for o in objects):
        return model.objects.bulk_create(objects)
    opts = model._meta
    fields = [f for f in opts.concrete_fields if f is not opts.pk and not f.generated]
    quote = connection.ops.quote_name
    columns = ", ".join(quote(column) for column in [opts.pk.column, *(f.column for f in fields)])
    statement = f"COPY {quote(opts.db_table)} ({columns}) FROM STDIN"
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT nextval(pg_get_serial_sequence(%s, %s)) FROM generate_series(1, %s)",
            [opts.db_table, opts.pk.column, len(objects)],
        )
        ids = [row[0] for row in cursor.fetchall()]
        logged = cursor.debug_sql(statement) if hasattr(cursor, "debug_sql") else nullcontext()
        # As Django's own queries: its errors (DatabaseError…), in its query log.
        with connection.wrap_database_errors, logged, cursor.cursor.copy(statement) as copy:
            for pk, obj in zip(ids, objects, strict=True):
                obj._prepare_related_fields_for_save(operation_name="bulk_create")
                values = (f.get_db_prep_save(f.pre_save(obj, True), connection) for f in fields)
                copy.write_row([pk, *values])
    for pk, obj in zip(ids, objects, strict=True):
        obj.pk = pk
        obj._state.adding, obj._state.db = False, connection.alias
    return objects
