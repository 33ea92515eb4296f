// A pull quote: a short line from the story set large in the text, beside ordinary quotes.
import { gettext, Node } from "django-prose-editor/editor"

export const PullQuote = Node.create({
  name: "pullQuote",
  group: "block",
  content: "paragraph+",
  defining: true,

  parseHTML() {
    return [{ tag: "blockquote.pull-quote", priority: 60 }]
  },

  renderHTML() {
    return ["blockquote", { class: "pull-quote" }, 0]
  },

  addCommands() {
    return {
      togglePullQuote:
        () =>
        ({ commands }) =>
          commands.toggleWrap(this.name),
    }
  },

  addMenuItems({ buttons, menu }) {
    menu.defineItem({
      name: "pullQuote",
      groups: "nodes",
      command: (editor) => editor.chain().focus().togglePullQuote().run(),
      button: buttons.material("campaign", gettext("Pull quote")),
      active: (editor) => editor.isActive("pullQuote"),
      enabled: (editor) => editor.can().togglePullQuote(),
    })
  },
})
