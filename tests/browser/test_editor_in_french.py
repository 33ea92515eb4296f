"""The body editor speaks the desk's language: its toolbar, block-type menu and dialogs are in
French on /admin/ and in English on /en/admin/ (static/newsroom/editor/menu_labels.js)."""

import pytest

from tests.browser.desk import ProseEditor, change_url, log_in

FRENCH = {
    "toolbar": {
        "bold": "Gras",
        "italic": "Italique",
        "bulletList": "Liste à puces",
        "blockquote": "Citation",
        "figure": "Image",
        "gallery": "Galerie",
        "link": "Lien",
        "table": "Insérer un tableau",
        "history:undo": "Annuler",
    },
    "block types": ["Titre 2", "Titre 3", "Titre 4", "Paragraphe"],
    "after heading": "Titre 2",
    "link dialog": ["Modifier le lien", "URL", "Titre", "Mettre à jour", "Annuler"],
}
ENGLISH = {
    "toolbar": {
        "bold": "Bold",
        "italic": "Italic",
        "bulletList": "Bulleted list",
        "blockquote": "Quotation",
        "figure": "Picture",
        "gallery": "Gallery",
        "link": "Link",
        "table": "Insert a table",
        "history:undo": "Undo",
    },
    "block types": ["Heading 2", "Heading 3", "Heading 4", "Paragraph"],
    "after heading": "Heading 2",
    "link dialog": ["Edit Link", "URL", "Title", "Update", "Cancel"],
}


@pytest.mark.parametrize(("prefix", "words"), [("", FRENCH), ("/en", ENGLISH)])
def test_the_editor_toolbar_menu_and_dialogs_are_in_the_desk_language(
    new_context, watch, journalist, draft, prefix, words
):
    page = log_in(new_context(), journalist)
    page.goto(prefix + change_url(draft))
    body = ProseEditor(page)
    body.area.wait_for()
    for name, label in words["toolbar"].items():
        button = page.locator(f".prose-menubar__button[data-name='{name}']")
        assert button.get_attribute("title") == label, name
        assert button.get_attribute("aria-label") == label, name  # what screen readers say

    body.go_to_end()
    body.new_block()
    page.locator(".prose-menubar__selected").click()
    options = page.locator(".prose-menubar__option:not(.hidden)")
    assert options.all_inner_texts() == words["block types"]
    options.first.click()
    selected = page.locator(".prose-menubar__selected button")
    assert selected.get_attribute("aria-label") == words["after heading"]

    body.type("Abidjan")
    for _ in "Abidjan":
        page.keyboard.press("Shift+ArrowLeft")
    body.button("link")
    dialog = page.locator("dialog.prose-editor-dialog")
    shown = [
        dialog.locator(".prose-editor-dialog-title").inner_text(),
        *dialog.locator("label").all_inner_texts(),
        dialog.locator("button[type=submit]").inner_text(),
        dialog.locator("button[value=cancel]").inner_text(),
    ]
    assert shown == words["link dialog"]
    assert not watch.off_site_requests()
