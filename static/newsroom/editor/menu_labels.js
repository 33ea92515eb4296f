// The toolbar's words in the desk's language. django-prose-editor translates its dialogs but
// names its buttons and block-type menu in English ("bold", "Heading 2"): each item is
// named again here, by its menu name, once every extension has defined its items.
import { Extension, gettext } from "django-prose-editor/editor"

const LABELS = {
  paragraph: gettext("Paragraph"),
  bulletList: gettext("Bulleted list"),
  orderedList: gettext("Numbered list"),
  blockquote: gettext("Quotation"),
  horizontalRule: gettext("Horizontal rule"),
  figure: gettext("Picture"),
  bold: gettext("Bold"),
  italic: gettext("Italic"),
  underline: gettext("Underline"),
  strike: gettext("Strikethrough"),
  subscript: gettext("Subscript"),
  superscript: gettext("Superscript"),
  link: gettext("Link"),
  unlink: gettext("Remove link"),
  table: gettext("Insert a table"),
  "table:addColumnAfter": gettext("Add a column"),
  "table:deleteColumn": gettext("Delete column"),
  "table:addRowAfter": gettext("Add a row"),
  "table:deleteRow": gettext("Delete row"),
  "table:mergeCells": gettext("Merge cells"),
  "table:splitCell": gettext("Split cell"),
  "table:toggleHeaderCell": gettext("Toggle header cell"),
  "table:deleteTable": gettext("Delete table"),
  "history:undo": gettext("Undo"),
  "history:redo": gettext("Redo"),
}

// Every group django-prose-editor's items are in.
const GROUPS = "blockType headings lists nodes marks link textAlign table history utility"

const labelOf = (name) => {
  const heading = /^heading(\d)$/.exec(name)
  return heading ? gettext("Heading %s").replace("%s", heading[1]) : LABELS[name]
}

export const MenuLabels = Extension.create({
  name: "menuLabels",
  priority: 1, // the lowest: its menu items are read after every other extension's

  addMenuItems({ menu }) {
    for (const { name, button, option } of menu.items(GROUPS)) {
      const label = labelOf(name)
      if (!label) continue
      if (button) {
        button.title = label
        button.setAttribute("aria-label", label)
      }
      if (option) option.textContent = label
    }
  },
})
