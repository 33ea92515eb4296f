"""axe-core, injected into the page, and the violations that block a release."""

BLOCKING = {"serious", "critical"}
EVERY_IMPACT = {"minor", "moderate", "serious", "critical"}


def blocking_violations(page, axe_script, impacts=BLOCKING) -> list[str]:
    """Violations of these impacts on the page (serious and critical unless told), one
    readable line each."""
    page.add_script_tag(path=axe_script)
    results = page.evaluate("() => axe.run(document, {resultTypes: ['violations']})")
    assert results["passes"] or results["violations"], "axe checked nothing"
    return [
        f"{page.url} [{rule['impact']}] {rule['id']}: {rule['help']} "
        f"at {', '.join(str(node['target']) for node in rule['nodes'][:5])}"
        for rule in results["violations"]
        if rule["impact"] in impacts
    ]
