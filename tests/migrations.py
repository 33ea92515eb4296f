"""Data migrations tested as they run: the database moved to a migration, then forward."""

from django.db import connection
from django.db.migrations.executor import MigrationExecutor


def migrate(target):
    """Move the database to `target` (app, migration) and return that state's models; with
    None, to the latest migrations."""
    executor = MigrationExecutor(connection)
    executor.migrate([target] if target else executor.loader.graph.leaf_nodes())
    return executor.loader.project_state([target]).apps if target else None
