"""Running hand-written SQL written for each database, from a RunPython operation. Not a
migration (Django's loader skips names starting with "_")."""


def run_for_vendor(statements_by_vendor: dict, schema_editor, what: str) -> None:
    """Run this database's statements; a database none were written for is an error, not a
    schema silently without `what`."""
    vendor = schema_editor.connection.vendor
    if vendor not in statements_by_vendor:
        raise NotImplementedError(f"no {what} written for {vendor}")
    for statement in statements_by_vendor[vendor]:
        schema_editor.execute(statement)
