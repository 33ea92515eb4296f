"""The desk (the admin) as its users drive it: logging in, the rich-text editor, the workflow."""

from django.urls import reverse
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

from tests.browser.pages import follow

PASSWORD = "correct-horse-battery"  # tests/factories.py's UserFactory


def log_in(context, user):
    """A new tab in `context`, signed in as `user`, on the desk's home page."""
    page = context.new_page()
    page.goto(reverse("admin:login") + "?next=" + reverse("admin:index"))
    page.fill("#id_username", user.username)
    page.fill("#id_password", PASSWORD)
    follow(page, page.locator("#login-form [type=submit]"))
    return page


def change_url(article) -> str:
    return reverse("admin:articles_article_change", args=[article.pk])


def open_action(page, name: str) -> None:
    """Open the workflow bar's drawer of an action that needs more (a comment, a time)."""
    drawer = page.locator(f"details.workflow-drawer:has(button[name=_transition][value={name}])")
    if drawer.count() and not drawer.evaluate("drawer => drawer.open"):
        drawer.locator("summary").click()


def take_action(page, name: str) -> None:
    """Press a button of the workflow bar (submit, publish, send_back…)."""
    open_action(page, name)
    follow(page, page.locator(f"button[name=_transition][value={name}]"))


def success_message(page) -> str:
    return page.locator(".messagelist .success").inner_text()


CARET_AT_END = """() => {
    const area = document.querySelector('.ProseMirror[contenteditable=true]');
    const selection = window.getSelection();
    if (!selection.isCollapsed || !area.contains(selection.focusNode)) return false;
    const after = document.createRange();
    after.setStart(selection.focusNode, selection.focusOffset);
    after.setEnd(area, area.childNodes.length);
    if (after.toString() !== "") return false;  // text left after the caret
    // The editor's own selection too: it can still hold the click's place (CI, once).
    const state = area.editor.state;
    return state.selection.empty && state.doc.textBetween(state.selection.head, state.doc.content.size) === "";
}"""


class ProseEditor:
    """django-prose-editor's toolbar and editable area for the article's body."""

    def __init__(self, page):
        self.page = page
        self.area = page.locator(".ProseMirror[contenteditable=true]")

    def type(self, text: str) -> None:
        self.page.keyboard.type(text)

    def focus(self) -> None:
        """Click into the text and wait until the editor has the keyboard."""
        self.area.click()
        self.page.wait_for_function(
            "document.activeElement && document.activeElement.classList.contains('ProseMirror')"
        )

    def go_to_end(self) -> None:
        """Put the caret after the text's last character, as a person would: press
        Control+End, look, and press again if it did not land (a key pressed while the
        editor is still settling can be lost, and the next words would go at the start).
        """
        self.focus()
        for _ in range(3):
            self.page.keyboard.press("Control+End")
            try:
                self.page.wait_for_function(CARET_AT_END, timeout=2000)
                return
            except PlaywrightTimeoutError:
                continue
        raise AssertionError("The caret never reached the end of the text.")

    def new_block(self) -> None:
        self.page.keyboard.press("Enter")

    def block_type(self, name: str) -> None:
        """From the block-type menu: heading2, heading3, paragraph…"""
        self.page.locator(".prose-menubar__selected").click()
        self.page.locator(f".prose-menubar__option[data-name={name}]").click()

    def button(self, name: str) -> None:
        self.page.locator(f".prose-menubar__button[data-name={name}]").click()

    def type_link(self, text: str, href: str) -> None:
        """Type `text`, select it with the keyboard and turn it into a link to `href`."""
        self.type(text)
        for _ in text:
            self.page.keyboard.press("Shift+ArrowLeft")
        self.button("link")
        dialog = self.page.locator("dialog.prose-editor-dialog")
        dialog.locator("input[name=href]").fill(href)
        dialog.locator("button[type=submit]").click()
        # Until the dialog has closed and the link is in the text, the words stay selected:
        # a key pressed meanwhile went elsewhere and the next words replaced them (CI, once).
        dialog.wait_for(state="hidden")
        self.area.locator(f'a[href="{href}"]').wait_for()
